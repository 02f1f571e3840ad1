package se.familycentre.allocation;

/**
 * The Luhn (mod 10) check digit that organisationsnummer, bankgiro and plusgiro numbers and payment
 * references end with: from the right, every second digit of the payload (starting with the last)
 * is doubled and its digits added.
 */
public final class Luhn {

    private Luhn() {
    }

    /** The check digit that, appended to the digits, makes the whole pass {@link #valid}. */
    public static int checkDigit(String digits) {
        return (10 - sum(digits, true) % 10) % 10;
    }

    /** Whether the last digit is the check digit of those before it. */
    public static boolean valid(String digits) {
        return !digits.isEmpty() && sum(digits, false) % 10 == 0;
    }

    /** A digit's term of the sum: itself, or doubled with the digits of the product added. */
    public static int term(int digit, boolean doubled) {
        if (!doubled) {
            return digit;
        }
        int d = digit * 2;
        return d > 9 ? d - 9 : d;
    }

    private static int sum(String digits, boolean doubleLast) {
        int sum = 0;
        boolean doubled = doubleLast;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += term(digits.charAt(i) - '0', doubled);
            doubled = !doubled;
        }
        return sum;
    }
}
