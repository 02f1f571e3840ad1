package se.familycentre.allocation;

import java.util.Optional;

/**
 * A Swedish organisationsnummer: ten digits written {@code NNNNNN-NNNN}, whose
 * last digit is the Luhn (mod 10) check digit of the first nine (RULES §1).
 * Ten digits without the hyphen are accepted and kept hyphenated.
 */
public record OrganisationNumber(String value) {

    public OrganisationNumber {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        value = normalise(value);
    }

    public static OrganisationNumber parse(String text) {
        return new OrganisationNumber(text);
    }

    /** Why the text is not an organisationsnummer, or empty if it is one. */
    public static Optional<String> problemWith(String text) {
        return Optional.ofNullable(problem(text));
    }

    /**
     * Why the text is not an organisationsnummer, or {@code null} if it is one. The format
     * ({@code \d{6}-?\d{4}}, ASCII digits) is checked by hand: a valid number, the usual case, then costs
     * no matcher and no copy.
     */
    static String problem(String text) {
        if (!wellFormed(text)) {
            return "format: must be ten digits written NNNNNN-NNNN";
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Luhn.term(text.charAt(i < 6 ? i : i + text.length() - 10) - '0', i % 2 == 0);
        }
        int expected = (10 - sum % 10) % 10;
        int actual = text.charAt(text.length() - 1) - '0';
        if (expected != actual) {
            String nine = text.replace("-", "").substring(0, 9);
            return "check digit: the last digit is " + actual + " but the Luhn check digit of " + nine + " is "
                    + expected;
        }
        return null;
    }

    /** Whether the text matches {@code \d{6}-?\d{4}}: six ASCII digits, an optional hyphen, four ASCII digits. */
    private static boolean wellFormed(String text) {
        if (text == null || (text.length() != 10 && text.length() != 11)) {
            return false;
        }
        boolean hyphen = text.length() == 11;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (hyphen && i == 6 ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The hyphenated form of a ten-digit text that passes the format check; other text unchanged. */
    public static String normalise(String text) {
        if (text != null && text.length() == 10 && allDigits(text)) {
            return text.substring(0, 6) + "-" + text.substring(6);
        }
        return text;
    }

    /** As {@code text.chars().allMatch(Character::isDigit)}, without a stream. */
    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit((int) text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The organisationsnummer that the nine digits make with their check digit appended. */
    public static OrganisationNumber withCheckDigit(String nineDigits) {
        return parse(nineDigits + checkDigit(nineDigits));
    }

    static int checkDigit(String nineDigits) {
        return Luhn.checkDigit(nineDigits.substring(0, 9));
    }

    @Override
    public String toString() {
        return value;
    }
}
