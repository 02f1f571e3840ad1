package se.familycentre.format;

import java.math.BigInteger;
import java.util.Optional;
import se.familycentre.allocation.OrganisationNumber;

/**
 * The numbers an invoice is paid and taxed by, checked as the banks and Skatteverket check them:
 * bankgiro (7 or 8 digits, {@code NNN-NNNN} or {@code NNNN-NNNN}) and plusgiro (2 to 8 digits,
 * the last after a hyphen), both with a Luhn (mod 10) check digit over all their digits; the VAT
 * number {@code SE} + organisationsnummer + {@code 01}; IBAN (ISO 13616, mod 97); BIC (ISO 9362).
 * Each {@code problem…} says why a text is not such a number, or nothing; each {@code normal…}
 * gives the way it is written on a statement.
 */
public final class PaymentNumbers {

    private PaymentNumbers() {
    }

    /** Digits only, dropping spaces and hyphens; null if anything else is in the text. */
    private static String digits(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        return b.toString();
    }

    /** Whether the last digit is the Luhn check digit of those before it. */
    static boolean luhn(String digits) {
        return se.familycentre.allocation.Luhn.valid(digits);
    }

    public static Optional<String> problemWithBankgiro(String text) {
        String d = text == null ? null : digits(text);
        if (d == null || d.length() < 7 || d.length() > 8) {
            return Optional.of("format: a bankgiro number is 7 or 8 digits, written NNN-NNNN or NNNN-NNNN");
        }
        return luhn(d) ? Optional.empty() : Optional.of("check digit: the last digit of " + d
                + " is not the Luhn check digit of the others");
    }

    public static String normalBankgiro(String text) {
        String d = digits(text);
        return d.substring(0, d.length() - 4) + "-" + d.substring(d.length() - 4);
    }

    public static Optional<String> problemWithPlusgiro(String text) {
        String d = text == null ? null : digits(text);
        if (d == null || d.length() < 2 || d.length() > 8) {
            return Optional.of("format: a plusgiro number is 2 to 8 digits, the last after a hyphen (e.g. 12 34 56-7)");
        }
        return luhn(d) ? Optional.empty() : Optional.of("check digit: the last digit of " + d
                + " is not the Luhn check digit of the others");
    }

    public static String normalPlusgiro(String text) {
        String d = digits(text);
        return d.substring(0, d.length() - 1) + "-" + d.substring(d.length() - 1);
    }

    /** A Swedish VAT number: SE, the organisationsnummer's ten digits, 01; it must be the entity's own. */
    public static Optional<String> problemWithVatNumber(String text, String organisationNumber) {
        if (text == null || !text.matches("SE\\d{10}01")) {
            return Optional.of("format: a Swedish VAT number is SE, the ten digits of the organisationsnummer and 01 "
                    + "(e.g. SE212000156101)");
        }
        String orgNo = text.substring(2, 12);
        Optional<String> problem = OrganisationNumber.problemWith(orgNo);
        if (problem.isPresent()) {
            return Optional.of("its organisationsnummer " + orgNo + " is not valid: " + problem.get());
        }
        if (organisationNumber != null && !orgNo.equals(organisationNumber.replace("-", ""))) {
            return Optional.of("is not this entity's: its digits are " + orgNo + " but the entity is "
                    + organisationNumber);
        }
        return Optional.empty();
    }

    /** The VAT number an entity has under its organisationsnummer. */
    public static String vatNumberOf(String organisationNumber) {
        return "SE" + organisationNumber.replace("-", "") + "01";
    }

    public static Optional<String> problemWithIban(String text) {
        String iban = text == null ? "" : text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}")) {
            return Optional.of("format: an IBAN is a country code, two check digits and 11 to 30 letters or digits");
        }
        if (iban.startsWith("SE") && iban.length() != 24) {
            return Optional.of("format: a Swedish IBAN has 24 characters, this has " + iban.length());
        }
        StringBuilder numeric = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1 ? Optional.empty()
                : Optional.of("check digits: " + iban.substring(2, 4) + " do not match the rest (mod 97)");
    }

    /** An IBAN in groups of four, as printed. */
    public static String normalIban(String text) {
        String iban = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(iban, i, Math.min(iban.length(), i + 4));
        }
        return b.toString();
    }

    public static Optional<String> problemWithBic(String text) {
        return text != null && text.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?") ? Optional.empty()
                : Optional.of("format: a BIC is 8 or 11 letters and digits (e.g. ESSESESS)");
    }

    public static Optional<String> problemWithEmail(String text) {
        return text != null && text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? Optional.empty()
                : Optional.of("format: an e-mail address name@domain.se");
    }

    public static Optional<String> problemWithPhone(String text) {
        return text != null && text.matches("\\+?[0-9][0-9 ()-]{4,24}") ? Optional.empty()
                : Optional.of("format: digits, spaces, hyphens and an optional leading + (e.g. 031-365 00 00)");
    }
}
