package se.familycentre.access;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The few statements this package runs, bound by position; inside the caller's connection. */
final class Sql {

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        });
    }

    int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            return ps.executeUpdate();
        });
    }

    /** Inserts a row and returns its generated id. */
    long insert(String sql, Object... params) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
                bind(ps, params);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof OffsetDateTime t) {
                ps.setObject(i + 1, t);
            } else if (p instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** Linked legal entities, as the selects aggregate them: "id=organisation number,…". */
    record Entities(Set<Long> ids, Set<String> organisationNumbers) {
    }

    static Entities entities(String aggregated) {
        Set<Long> ids = new TreeSet<>();
        Set<String> orgs = new TreeSet<>();
        if (aggregated != null && !aggregated.isEmpty()) {
            for (String pair : aggregated.split(",")) {
                String[] p = pair.split("=", 2);
                ids.add(Long.parseLong(p[0]));
                orgs.add(p[1]);
            }
        }
        return new Entities(ids, orgs);
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
