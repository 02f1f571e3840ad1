package se.familycentre.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Fraction;
import se.familycentre.allocation.Periodicity;

/**
 * How one segment of a line accrues (RULES §3, accrual by calendar month), laid open so a reader
 * can redo it: the amount as entered, the part of it that falls in one full month, the whole months
 * and the parts of months (covered days of the month's days) the segment covers, and the exact,
 * unrounded amount that accrues. A line's total is the sum of its segments' exact amounts, rounded
 * once. Nothing here decides a share: the engine did; this only explains its segments.
 *
 * @param perMonth    the amount of one full calendar month (exact; null for a {@code ONCE} amount)
 * @param wholeMonths the calendar months the segment covers in full
 * @param partMonths  the months it covers in part
 * @param exact       what the segment accrues, exact: the months' amount, times the segment's index
 *                    factor when an index value applied ({@link Allocation.IndexFactor#applies()})
 */
public record Accrual(Allocation.Segment segment, Periodicity periodicity, Fraction perMonth, int wholeMonths,
                      List<PartMonth> partMonths, Fraction exact) {

    /** A month the segment covers in part: {@code days} of its {@code length} days. */
    public record PartMonth(YearMonth month, long days, int length) {
    }

    /** The accrual of a segment whose amount was entered with this periodicity. */
    public static Accrual of(Allocation.Segment segment, Periodicity periodicity) {
        Fraction amount = Fraction.of(segment.amount());
        if (periodicity == Periodicity.ONCE) {
            return new Accrual(segment, periodicity, null, 0, List.of(), indexed(segment, amount));
        }
        int months = switch (periodicity) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case YEAR -> 12;
            case ONCE -> throw new IllegalStateException();
        };
        Fraction perMonth = amount.divide(Fraction.of(months));
        int whole = 0;
        List<PartMonth> parts = new ArrayList<>();
        Fraction covered = Fraction.ZERO;
        LocalDate day = segment.from();
        while (!day.isAfter(segment.to())) {
            YearMonth month = YearMonth.from(day);
            LocalDate last = month.atEndOfMonth().isAfter(segment.to()) ? segment.to() : month.atEndOfMonth();
            long days = last.toEpochDay() - day.toEpochDay() + 1;
            int length = month.lengthOfMonth();
            if (days == length) {
                whole++;
                covered = covered.add(Fraction.ONE);
            } else {
                parts.add(new PartMonth(month, days, length));
                covered = covered.add(Fraction.of(days, length));
            }
            day = last.plusDays(1);
        }
        return new Accrual(segment, periodicity, perMonth, whole, List.copyOf(parts), indexed(segment, perMonth.multiply(covered)));
    }

    /** The months' amount before the index factor, exact. */
    public Fraction beforeIndex() {
        Allocation.IndexFactor index = segment.indexation();
        return index == null || !index.applies() ? exact : exact.divide(index.factor());
    }

    private static Fraction indexed(Allocation.Segment segment, Fraction amount) {
        Allocation.IndexFactor index = segment.indexation();
        return index == null || !index.applies() ? amount : amount.multiply(index.factor());
    }

    /** The exact decimal when it has at most {@code maxScale} decimals, else null (it is cut when printed). */
    public static BigDecimal exactDecimal(Fraction value, int maxScale) {
        BigDecimal cut = value.toBigDecimal(maxScale, java.math.RoundingMode.DOWN);
        return Fraction.of(cut).compareTo(value) == 0 ? cut : null;
    }
}
