package se.familycentre.allocation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An index series as data (RULES §3 indexation): its October values by year,
 * e.g. KPI with 1980 = 100. The engine reads the values it is given and never
 * fetches them; the reference data, the stored values and a simulator's
 * assumptions all arrive as series.
 *
 * <p>A value that is not above 0 can be held (it is data from elsewhere), but a
 * line that needs it is refused with a 422 naming the series and the year:
 * refusals are values, not exceptions.
 *
 * @param name          the name lines refer to ({@code "KPI"})
 * @param octoberValues the value for October of each year, exact
 */
public record IndexSeries(String name, NavigableMap<Integer, BigDecimal> octoberValues) {

    /** The last year an index value may be given for: years are written with four digits. */
    public static final int LAST_YEAR = 9999;

    public IndexSeries {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an index series needs a name");
        }
        TreeMap<Integer, BigDecimal> copy = new TreeMap<>();
        if (octoberValues != null) {
            octoberValues.forEach((year, value) -> copy.put(Objects.requireNonNull(year, "year"),
                    Objects.requireNonNull(value, () -> name + " " + year)));
        }
        octoberValues = Collections.unmodifiableNavigableMap(copy);
    }

    public static IndexSeries of(String name, Map<Integer, BigDecimal> octoberValues) {
        return new IndexSeries(name, octoberValues == null ? null : new TreeMap<>(octoberValues));
    }

    /** The value for October of the year, or {@code null} while it is not known. */
    public BigDecimal valueFor(int year) {
        return octoberValues.get(year);
    }

    /** The first year with a value, or {@code null} for a series without values. */
    public Integer firstYear() {
        return octoberValues.isEmpty() ? null : octoberValues.firstKey();
    }

    /** The last year with a value, or {@code null} for a series without values. */
    public Integer lastYear() {
        return octoberValues.isEmpty() ? null : octoberValues.lastKey();
    }

    /** The series with the value for October of the year added, or replaced. */
    public IndexSeries with(int year, BigDecimal value) {
        TreeMap<Integer, BigDecimal> values = new TreeMap<>(octoberValues);
        values.put(year, value);
        return new IndexSeries(name, values);
    }

    /**
     * The series extended by an assumed yearly change up to {@code toYear} (RULES §7):
     * I(y) = I(last) × (1 + k)^(y − last) for every year after the last known one,
     * exact (a product of decimals is a decimal). Known values are kept; a series
     * without values, or already known up to {@code toYear}, is returned as it is.
     *
     * @param yearlyChange k as a fraction: {@code 0.02} for 2 % a year, {@code -0.01} for a fall of 1 %
     */
    public IndexSeries extendedBy(BigDecimal yearlyChange, int toYear) {
        Objects.requireNonNull(yearlyChange, "yearlyChange");
        if (toYear > LAST_YEAR) {
            throw new IllegalArgumentException("an index series reaches at most " + LAST_YEAR + ", not " + toYear);
        }
        Integer last = lastYear();
        if (last == null || last >= toYear) {
            return this;
        }
        BigDecimal factor = BigDecimal.ONE.add(yearlyChange);
        TreeMap<Integer, BigDecimal> values = new TreeMap<>(octoberValues);
        BigDecimal value = values.get(last);
        for (int year = last + 1; year <= toYear; year++) {
            value = value.multiply(factor);
            values.put(year, value);
        }
        return new IndexSeries(name, values);
    }
}
