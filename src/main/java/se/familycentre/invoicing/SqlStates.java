package se.familycentre.invoicing;

import java.sql.SQLException;

/** What a failed statement says about itself, the same on H2 and PostgreSQL (SQLSTATE classes). */
final class SqlStates {

    private SqlStates() {
    }

    /** Class 23, integrity constraint violation: a unique key already taken. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
