package se.familycentre.statement;

import se.familycentre.allocation.Luhn;

/**
 * The reference a debtor gives when paying a statement, printed on the PDF and sent as the
 * e-invoice's payment id. Numbers run per creditor (RULES §5: {@code 2025-0007} is issued by every
 * creditor), so the number alone does not say which statement a payment is for: the reference is
 * the creditor's organisationsnummer, the number's digits and a Luhn check digit, all digits so a
 * bank takes it as an OCR number ({@code 2120001561} + {@code 20250001} + {@code 9}).
 */
public final class PaymentReference {

    private PaymentReference() {
    }

    /** @throws IllegalArgumentException without a number (a draft) */
    public static String of(Party creditor, String number) {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("a draft has no number and so no payment reference");
        }
        String digits = creditor.digits() + number.replaceAll("\\D", "");
        return digits + Luhn.checkDigit(digits);
    }

    /** @throws IllegalArgumentException for a draft (it has no number) */
    public static String of(StatementDocument doc) {
        return of(doc.statement().creditor(), doc.number());
    }
}
