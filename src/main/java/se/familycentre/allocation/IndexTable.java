package se.familycentre.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The index series the engine may use, by name (RULES §3 indexation). The
 * caller passes it to {@link Allocator#allocate(Centre, Period, IndexTable)}:
 * the shipped reference data (read by {@code format.IndexSeriesReader}), the
 * stored values, or a simulator's series extended by an assumed yearly change
 * ({@link #extendedBy}). Immutable.
 */
public final class IndexTable {

    private static final IndexTable EMPTY = new IndexTable(List.of());

    private final Map<String, IndexSeries> series;

    private IndexTable(Collection<IndexSeries> series) {
        Map<String, IndexSeries> byName = new LinkedHashMap<>();
        for (IndexSeries s : series) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("two index series are named " + s.name());
            }
        }
        this.series = Collections.unmodifiableMap(byName);
    }

    /** No series: every indexed line is refused, naming the series it needs. */
    public static IndexTable empty() {
        return EMPTY;
    }

    public static IndexTable of(IndexSeries... series) {
        return of(List.of(series));
    }

    /** @throws IllegalArgumentException if two series have one name */
    public static IndexTable of(Collection<IndexSeries> series) {
        return series.isEmpty() ? EMPTY : new IndexTable(series);
    }

    /** The series of that name, or {@code null}. */
    public IndexSeries series(String name) {
        return series.get(name);
    }

    /** The names of the series, in the order they were given. */
    public Set<String> names() {
        return series.keySet();
    }

    public List<IndexSeries> all() {
        return List.copyOf(series.values());
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** The table with the series added, or replacing the one of its name. */
    public IndexTable with(IndexSeries added) {
        Map<String, IndexSeries> copy = new LinkedHashMap<>(series);
        copy.put(added.name(), added);
        return new IndexTable(copy.values());
    }

    /**
     * Every series extended by the assumed yearly change up to {@code toYear}
     * (RULES §7; see {@link IndexSeries#extendedBy}), exact.
     *
     * @param yearlyChange k as a fraction: {@code 0.02} for 2 % a year
     */
    public IndexTable extendedBy(BigDecimal yearlyChange, int toYear) {
        List<IndexSeries> extended = new ArrayList<>(series.size());
        for (IndexSeries s : series.values()) {
            extended.add(s.extendedBy(yearlyChange, toYear));
        }
        return of(extended);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexTable t && series.equals(t.series);
    }

    @Override
    public int hashCode() {
        return series.hashCode();
    }

    @Override
    public String toString() {
        return "IndexTable" + series.values();
    }
}
