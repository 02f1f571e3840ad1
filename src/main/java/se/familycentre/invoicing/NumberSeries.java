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

    /** Must run inside the issuing transaction. */
    public String next(String creditor, int year) {
        rows.ensure(creditor, year);
        int number = jdbc.prepareStatement(
                "UPDATE statement_series SET last_number = last_number + 1 WHERE creditor = ? AND series_year = ?",
                ps -> {
                    ps.setString(1, creditor);
                    ps.setInt(2, year);
                    ps.executeUpdate();
                    return current(creditor, year);
                });
        return String.format("%d-%04d", year, number);
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
