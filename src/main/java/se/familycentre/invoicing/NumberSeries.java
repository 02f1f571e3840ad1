package se.familycentre.invoicing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * Gap-free numbers, one series per creditor entity and calendar year of issue
 * (RULES §5: {@code 2025-0007}). The next number is taken by an UPDATE of the
 * series row, which holds that row's lock until the issuing transaction ends:
 * concurrent issuers wait, a rolled-back issue gives its number back, and the
 * series lives in the database, so several instances share it.
 */
@Singleton
public class NumberSeries {

    private final JdbcOperations jdbc;
    private final SeriesRows rows;

    public NumberSeries(JdbcOperations jdbc, SeriesRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /**
     * Must run inside the issuing transaction. The series row is created (in a transaction of its own,
     * so on a second connection) only when the UPDATE finds none: the first number of a creditor and
     * year. Asking for that second connection on every number would let as many concurrent issuers as
     * the pool has connections each hold one and wait for another until the pool's timeout.
     */
    public String next(String creditor, int year) {
        if (increment(creditor, year) == 0) {
            rows.ensure(creditor, year);
            if (increment(creditor, year) != 1) {
                throw new IllegalStateException("no number series for " + creditor + " " + year);
            }
        }
        return String.format("%d-%04d", year, current(creditor, year));
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
        return jdbc.prepareStatement("SELECT last_number FROM statement_series WHERE creditor = ? AND series_year = ?",
                ps -> {
                    ps.setString(1, creditor);
                    ps.setInt(2, year);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }
}
