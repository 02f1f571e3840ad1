package se.familycentre.sie;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a voucher ({@code #TRANS}): an account, an optional cost centre
 * (null for an empty object list), the amount in kronor (positive debit,
 * negative credit), and an optional date and text (null if none).
 *
 * <p>An amount that has at most two decimals is kept with exactly two, so
 * {@code 1500} and {@code 1500.00} make equal transactions; one with more
 * decimals is kept as it is, and {@link SieWriter} refuses it.
 */
public record SieTransaction(
        SieAccount account,
        SieCostCentre costCentre,
        BigDecimal amount,
        LocalDate date,
        String text) {

    public SieTransaction {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        amount = twoDecimalsIfExact(amount);
    }

    /** A transaction without a date or text of its own. */
    public SieTransaction(SieAccount account, SieCostCentre costCentre, BigDecimal amount) {
        this(account, costCentre, amount, null, null);
    }

    /** Whether the amount has more than two decimals (öre are the smallest unit). */
    public boolean hasFractionOfOre() {
        return amount.scale() > 2;
    }

    private static BigDecimal twoDecimalsIfExact(BigDecimal amount) {
        try {
            return amount.setScale(2);
        } catch (ArithmeticException moreThanTwoDecimals) {
            return amount;
        }
    }
}
