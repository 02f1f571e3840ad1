package se.familycentre.invoicing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * Gap-free numbers, one series per creditor entity and calendar year of issue
 * (RULES §5: {@code 2025-0007}). The next number is taken by an UPDATE of the
 * series row, which holds that row's lock until the issuing transaction ends:
 * concurrent issuers of one creditor wait, a rolled-back issue gives its number
 * back, and the series lives in the database, so several instances share it.
 *
 * <p>A creditor's first number of a year creates its row in the same
 * transaction, on the same connection ({@code INSERT … ON CONFLICT DO NOTHING},
 * which H2 in its PostgreSQL mode and PostgreSQL both take): a concurrent issuer
 * that inserts the same row waits for the first to end and then finds it. No
 * issuer ever needs a second connection, so no number of concurrent issuers can
 * exhaust the pool.
 */
@Singleton
public class NumberSeries {

    private final JdbcOperations jdbc;

    public NumberSeries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the issuing transaction. */
    public String next(String creditor, int year) {
        if (increment(creditor, year) == 0) {
            create(creditor, year);
            if (increment(creditor, year) != 1) {
                throw new IllegalStateException("no number series for " + creditor + " " + year);
            }
        }
        return label(year, current(creditor, year));
    }

    /** A number as statements print it: {@code 2025-0007}. */
    public static String label(int year, int number) {
        return String.format("%d-%04d", year, number);
    }

    /**
     * The last number taken in a creditor's series of a year (0 before the first), read without a
     * lock: what a confirmation shows before issuing, which a concurrent issuer may overtake.
     */
    public int last(String creditor, int year) {
        return jdbc.prepareStatement("SELECT last_number FROM statement_series WHERE creditor = ? AND series_year = ?",
                ps -> {
                    ps.setString(1, creditor);
                    ps.setInt(2, year);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                });
    }

    private void create(String creditor, int year) {
        jdbc.prepareStatement("INSERT INTO statement_series (creditor, series_year, last_number) VALUES (?, ?, 0) "
                + "ON CONFLICT DO NOTHING", ps -> {
                    ps.setString(1, creditor);
                    ps.setInt(2, year);
                    return ps.executeUpdate();
                });
    }

    private int increment(String creditor, int year) {
        return jdbc.prepareStatement(
                "UPDATE statement_series SET last_number = last_number + 1 WHERE creditor = ? AND series_year = ?",
                ps -> {
                    ps.setString(1, creditor);
                    ps.setInt(2, year);
                    return ps.executeUpdate();
                });
    }

    private int current(String creditor, int year) {
        return last(creditor, year);
    }
}
