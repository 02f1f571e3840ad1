package se.familycentre.allocation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Swedish organisationsnummer: ten digits written {@code NNNNNN-NNNN}, whose
 * last digit is the Luhn (mod 10) check digit of the first nine (RULES §1).
 * Ten digits without the hyphen are accepted and kept hyphenated.
 */
public record OrganisationNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{6}-?\\d{4}");

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
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.of("format: must be ten digits written NNNNNN-NNNN");
        }
        String digits = text.replace("-", "");
        int expected = checkDigit(digits.substring(0, 9));
        int actual = digits.charAt(9) - '0';
        if (expected != actual) {
            return Optional.of("check digit: the last digit is " + actual + " but the Luhn check digit of "
                    + digits.substring(0, 9) + " is " + expected);
        }
        return Optional.empty();
    }

    /** The hyphenated form of a ten-digit text that passes the format check; other text unchanged. */
    public static String normalise(String text) {
        if (text != null && text.length() == 10 && text.chars().allMatch(Character::isDigit)) {
            return text.substring(0, 6) + "-" + text.substring(6);
        }
        return text;
    }

    /** The organisationsnummer that the nine digits make with their check digit appended. */
    public static OrganisationNumber withCheckDigit(String nineDigits) {
        return parse(nineDigits + checkDigit(nineDigits));
    }

    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
