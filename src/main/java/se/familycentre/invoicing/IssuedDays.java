package se.familycentre.invoicing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import se.familycentre.allocation.Period;

/**
 * RULES §5, "a centre's costs are invoiced once", enforced by the database: an
 * issue claims each day of its period for its centre, in the issuing
 * transaction, and the primary key (centre, day) refuses a second claim of any
 * day, whichever instance or request races. Crediting the last standing
 * statement of a period gives its days back.
 */
@Singleton
public class IssuedDays {

    private static final String CLAIM = "INSERT INTO issued_day (centre_id, claimed_day) VALUES (?, ?)";
    private static final String RECLAIM = CLAIM + " ON CONFLICT DO NOTHING";

    private final JdbcOperations jdbc;

    public IssuedDays(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims every day of the period, or refuses if any is claimed. Issuers of one centre take turns
     * on the centre's row, so the first query answers; the key is the last word should anything
     * reach the insert anyway (the transaction is then refused as a whole).
     */
    void claim(long centreId, Period period) {
        boolean free = jdbc.prepareStatement(
                "SELECT 1 FROM issued_day WHERE centre_id = ? AND claimed_day BETWEEN ? AND ? FETCH FIRST 1 ROWS ONLY", ps -> {
                    ps.setLong(1, centreId);
                    ps.setDate(2, Date.valueOf(period.from()));
                    ps.setDate(3, Date.valueOf(period.to()));
                    try (ResultSet rs = ps.executeQuery()) {
                        return !rs.next();
                    }
                });
        if (!free) {
            throw new Claimed();
        }
        try {
            insert(CLAIM, centreId, period.from(), period.to());
        } catch (DataAccessException e) {
            throw SqlStates.isUniqueViolation(e) ? new Claimed() : e;
        }
    }

    /** Some day of the period is claimed by statements that stand. */
    static final class Claimed extends RuntimeException {
        Claimed() {
            super("a day of the period is already invoiced", null, false, false);
        }
    }

    /**
     * Gives back the days of a period whose statements are all credited, except the days of periods
     * that still stand (only data from before the claims existed can overlap).
     */
    void release(long centreId, Period period, List<StatementRow> stillStanding) {
        jdbc.prepareStatement("DELETE FROM issued_day WHERE centre_id = ? AND claimed_day BETWEEN ? AND ?", ps -> {
            ps.setLong(1, centreId);
            ps.setDate(2, Date.valueOf(period.from()));
            ps.setDate(3, Date.valueOf(period.to()));
            return ps.executeUpdate();
        });
        for (StatementRow r : stillStanding) {
            LocalDate from = r.periodFrom().isAfter(period.from()) ? r.periodFrom() : period.from();
            LocalDate to = r.periodTo().isBefore(period.to()) ? r.periodTo() : period.to();
            insert(RECLAIM, centreId, from, to);
        }
    }

    private void insert(String sql, long centreId, LocalDate from, LocalDate to) {
        jdbc.prepareStatement(sql, ps -> {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                ps.setLong(1, centreId);
                ps.setDate(2, Date.valueOf(day));
                ps.addBatch();
            }
            return ps.executeBatch().length;
        });
    }
}
