package se.familycentre.statement;

/**
 * The reference a debtor gives when paying a statement, and the e-invoice's payment id. Numbers run
 * per creditor (RULES §5: {@code 2025-0007} is issued by every creditor), so the number alone does
 * not say which statement a payment is for; the creditor's organisationsnummer before it does:
 * {@code 2321000131-2025-0007}. It fits the 25 characters a bankgiro payment's message carries.
 */
public final class PaymentReference {

    private PaymentReference() {
    }

    public static String of(Party creditor, String number) {
        if (number == null) {
            throw new IllegalArgumentException("a draft has no number and no payment reference");
        }
        return creditor.digits() + "-" + number;
    }

    public static String of(StatementDocument doc) {
        return of(doc.statement().creditor(), doc.number());
    }
}
