package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import se.familycentre.allocation.Allocation.IndexFactor;

/**
 * The factors of one line's indexation clause against its series, by calendar
 * year (RULES §3): 1 before B + 2, then {@code 1 + s × (I(Y−1) − I(B)) / I(B)},
 * a negative change counting as 0 with the floor on. Exact; nothing is
 * rounded. The validator has refused every clause whose factors need a value
 * that is unknown or not above 0, so one missing here is a broken invariant.
 *
 * <p>Asked day by day along a line, it recomputes only when the year changes,
 * and gives one factor object per year, so that the line's segments split
 * exactly where the factor's explanation changes.
 */
final class IndexFactors {

    private static final Fraction PERCENT = Fraction.of(1, 100);

    private final Indexation clause;
    private final IndexSeries series;
    private final int baseYear;
    /** The factor (1) of every year before B + 2: one object, so that those years form one segment. */
    private final IndexFactor before;
    /** The year last asked for, as epoch days, and its factor. */
    private long yearFrom = 1;
    private long yearTo;
    private IndexFactor current;

    IndexFactors(Indexation clause, IndexSeries series) {
        this.clause = clause;
        this.series = series;
        this.baseYear = clause.baseYear();
        this.before = new IndexFactor(series.name(), baseYear, null, null, series.valueFor(baseYear), clause.share(),
                clause.floor(), Fraction.ONE);
    }

    /** The first calendar year whose days are indexed, B + 2 (the standard clause: from 1 January). */
    static long firstIndexedYear(int baseYear) {
        return (long) baseYear + 2;
    }

    /** The factor on a day, given as an epoch day. */
    IndexFactor on(long day) {
        if (day < yearFrom || day > yearTo) {
            int year = LocalDate.ofEpochDay(day).getYear();
            yearFrom = LocalDate.of(year, 1, 1).toEpochDay();
            yearTo = LocalDate.of(year, 12, 31).toEpochDay();
            current = forYear(year);
        }
        return current;
    }

    IndexFactor forYear(int year) {
        if (year < firstIndexedYear(baseYear)) {
            return before;
        }
        BigDecimal index = known(year - 1);
        BigDecimal base = known(baseYear);
        Fraction exactBase = Fraction.of(base);
        Fraction change = Fraction.of(index).subtract(exactBase).divide(exactBase);
        if (clause.floor() && change.signum() < 0) {
            change = Fraction.ZERO;
        }
        Fraction factor = Fraction.ONE.add(Fraction.of(clause.share()).multiply(PERCENT).multiply(change));
        return new IndexFactor(series.name(), baseYear, year - 1, index, base, clause.share(), clause.floor(), factor);
    }

    private BigDecimal known(int year) {
        BigDecimal value = series.valueFor(year);
        if (value == null || value.signum() <= 0) {
            throw new IllegalStateException(series.name() + " for October " + year + " is " + value
                    + "; the validator refuses a line that needs it");
        }
        return value;
    }
}
