package se.familycentre.sie;

/** An account of the receiving ledger's chart ({@code #KONTO number "name"}), e.g. 1510 Kundfordringar. */
public record SieAccount(int number, String name) {

    public SieAccount {
        if (number <= 0) {
            throw new IllegalArgumentException("an account number is positive, not " + number);
        }
        SieHeader.requireText(name, "name of account " + number);
    }
}
