package se.familycentre.invoicing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Creates a series row in a transaction of its own, so a race to create it costs nothing. */
@Singleton
public class SeriesRows {

    private final JdbcOperations jdbc;

    public SeriesRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void ensure(String creditor, int year) {
        jdbc.prepareStatement("INSERT INTO statement_series (creditor, series_year, last_number) "
                + "SELECT ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM statement_series WHERE creditor = ? AND series_year = ?)",
                (PreparedStatement ps) -> {
                    ps.setString(1, creditor);
                    ps.setInt(2, year);
                    ps.setString(3, creditor);
                    ps.setInt(4, year);
                    try {
                        return ps.executeUpdate();
                    } catch (SQLException e) {
                        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                            return 0; // another issuer created it first
                        }
                        throw e;
                    }
                });
    }
}
