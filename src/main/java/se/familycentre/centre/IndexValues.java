package se.familycentre.centre;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import se.familycentre.allocation.IndexSeries;
import se.familycentre.allocation.IndexTable;
import se.familycentre.allocation.Violation;
import se.familycentre.format.IndexSeriesReader;

/**
 * The index series' October values (RULES §3 indexation), kept in the database so every instance
 * computes with the same ones: the shipped reference values ({@link IndexSeriesReader#reference()})
 * are entered at start, and an ADMIN enters each new October value when it is published. A value
 * once entered stays: statements were computed with it, so a different value for the same October
 * is refused, while entering the same value again changes nothing.
 */
@Singleton
public class IndexValues {

    /** Who the shipped values are recorded by. */
    static final String REFERENCE = "reference data";

    private static final String COLUMNS = "SELECT series, index_year, october, recorded_at, recorded_by FROM index_value";
    private static final String INSERT = "INSERT INTO index_value (series, index_year, october, recorded_at, recorded_by) "
            + "VALUES (?, ?, ?, ?, ?)";

    private static final Pattern SERIES = Pattern.compile("[A-Z][A-Z0-9_-]{0,19}");
    private static final int FIRST_YEAR = 1980;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public IndexValues(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = Clock.system(SWEDEN);
    }

    /** One October value as entered. */
    public record Entry(String series, int year, BigDecimal october, OffsetDateTime recordedAt, String recordedBy) {
    }

    /** What entering a value did: entered it, or found the same value already there. */
    public record Entered(Entry entry, boolean created) {
    }

    /** Enters the shipped values any instance has not entered yet; a value already there is left as it is. */
    @EventListener
    @Transactional
    void enterReference(StartupEvent event) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (IndexSeries s : IndexSeriesReader.reference().all()) {
            s.octoberValues().forEach((year, value) ->
                    insert(INSERT + " ON CONFLICT DO NOTHING", s.name(), year, value, now, REFERENCE));
        }
    }

    /** Every series with its values, as the engine takes them. */
    @Transactional(readOnly = true)
    public IndexTable table() {
        List<IndexSeries> series = new ArrayList<>();
        bySeries().forEach((name, entries) -> {
            Map<Integer, BigDecimal> values = new TreeMap<>();
            entries.forEach(e -> values.put(e.year(), e.october()));
            series.add(IndexSeries.of(name, values));
        });
        return IndexTable.of(series);
    }

    /** Every series' values in year order, the series in name order. */
    @Transactional(readOnly = true)
    public Map<String, List<Entry>> bySeries() {
        Map<String, List<Entry>> bySeries = new LinkedHashMap<>();
        entries(null).forEach(e -> bySeries.computeIfAbsent(e.series(), k -> new ArrayList<>()).add(e));
        return bySeries;
    }

    /** The values of one series, or of all when {@code series} is null, by series and year. */
    @Transactional(readOnly = true)
    public List<Entry> entries(String series) {
        String sql = COLUMNS + (series == null ? "" : " WHERE series = ?") + " ORDER BY series, index_year";
        return jdbc.prepareStatement(sql, ps -> {
            if (series != null) {
                ps.setString(1, series);
            }
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        });
    }

    /**
     * Enters the October value of a series for a year. A new series begins with its first value.
     *
     * @throws Refusal.InvalidValue a series name or year out of bounds
     * @throws Refusal.Conflict     the year has another value already
     */
    @Transactional
    public Entered enter(String series, int year, BigDecimal october) {
        List<Violation> refused = new ArrayList<>();
        if (series == null || !SERIES.matcher(series).matches()) {
            refused.add(new Violation("series", "is 1–20 capital letters, digits, '-' or '_', beginning with a"
                    + " letter (KPI), was " + series));
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (year < FIRST_YEAR || year > thisYear) {
            refused.add(new Violation("year", "an October value is entered for a year from " + FIRST_YEAR
                    + " to this year, " + thisYear + "; was " + year));
        }
        if (!refused.isEmpty()) {
            throw new Refusal.InvalidValue(refused);
        }
        Optional<Entry> existing = find(series, year);
        if (existing.isPresent()) {
            if (existing.get().october().compareTo(october) == 0) {
                return new Entered(existing.get(), false);
            }
            throw new Refusal.Conflict(series + " for October " + year + " is " + existing.get().october().toPlainString()
                    + " already", List.of(new Violation("october", "the value for October " + year + " is "
                    + existing.get().october().toPlainString() + ", entered by " + existing.get().recordedBy()
                    + "; an entered value does not change, statements were computed with it")));
        }
        String by = audit.currentActor();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        insert(INSERT, series, year, october, now, by);
        audit.record("CREATE", "INDEX_VALUE", series + "/" + year, null,
                series + " October " + year + " = " + october.toPlainString());
        return new Entered(find(series, year).orElseThrow(), true);
    }

    private Optional<Entry> find(String series, int year) {
        return jdbc.prepareStatement(COLUMNS + " WHERE series = ? AND index_year = ?", ps -> {
                    ps.setString(1, series);
                    ps.setInt(2, year);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(entry(rs)) : Optional.<Entry>empty();
                    }
                });
    }

    private void insert(String sql, String series, int year, BigDecimal october, OffsetDateTime at, String by) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, series);
            ps.setInt(2, year);
            ps.setBigDecimal(3, october);
            ps.setTimestamp(4, Timestamp.from(at.toInstant()));
            ps.setString(5, by);
            return ps.executeUpdate();
        });
    }

    /** A row, its value as published: the column's four decimals cut to what is needed, at least two. */
    private static Entry entry(ResultSet rs) throws SQLException {
        BigDecimal v = rs.getBigDecimal(3).stripTrailingZeros();
        return new Entry(rs.getString(1), rs.getInt(2), v.scale() < 2 ? v.setScale(2) : v,
                rs.getObject(4, OffsetDateTime.class), rs.getString(5));
    }
}
