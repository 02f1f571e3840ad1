package se.familycentre.centre;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Violation;
import se.familycentre.format.ScenarioReader;
import se.familycentre.scenario.Scenario;

/**
 * A steering group's saved plans (issue 11): the plan as received, kept so the group can come back
 * to it, copy it, compare it, and once decided turn it into a centre whose outcome is followed up
 * against it. A plan belongs to the legal entities it names; a principal sees it when one of its
 * own entities is among them ({@code mine}: their organisationsnummer, or null for an administrator,
 * who sees all). Out of scope is answered as not existing. A plan that became a centre is the budget
 * the centre is followed up against, so it no longer changes and is not deleted: copy it instead.
 */
@Singleton
public class SavedScenarios {

    private static final String COLUMNS = "SELECT s.id, s.name, s.plan, s.centre_id, s.version, s.created_at, "
            + "s.created_by, s.updated_at, s.updated_by, s.budget FROM scenario s";
    private static final int NAME_LIMIT = 200;

    private final JdbcOperations jdbc;
    private final AuditLog audit;

    public SavedScenarios(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * One saved plan.
     *
     * @param plan     the plan's JSON as it was saved
     * @param centreId the centre it became, or null
     * @param parties  the organisationsnummer of the plan's legal entities
     * @param budget   the budget as computed the day it became a centre ({@link se.familycentre.format.ScenarioBudgets}), or null
     */
    public record Saved(long id, String name, String plan, Long centreId, long version, OffsetDateTime createdAt,
                        String createdBy, OffsetDateTime updatedAt, String updatedBy, List<String> parties,
                        String budget) {
    }

    /** A page of plans and how many there are in all. */
    public record Listing(List<Saved> items, long total) {
    }

    /**
     * Saves a new plan.
     *
     * @param json the plan as received, already read into {@code scenario}
     * @throws Refusal.InvalidValue a plan without a name, or none of whose entities is the principal's
     */
    @Transactional
    public Saved create(Scenario scenario, String json, Set<String> mine) {
        String name = checked(scenario, json, mine);
        String by = audit.currentActor();
        Timestamp now = now();
        long id = jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO scenario (name, plan, version, "
                    + "created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, name);
                ps.setString(2, json);
                ps.setTimestamp(3, now);
                ps.setString(4, by);
                ps.setTimestamp(5, now);
                ps.setString(6, by);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        parties(id, scenario);
        audit.record("CREATE", "scenario", String.valueOf(id), null, name);
        return find(id).orElseThrow();
    }

    /** The plans the principal sees, by name, a page at a time. */
    @Transactional(readOnly = true)
    public Listing list(Set<String> mine, int page, int size) {
        if (mine != null && mine.isEmpty()) {
            return new Listing(List.of(), 0);
        }
        String where = mine == null ? "" : " WHERE EXISTS (SELECT 1 FROM scenario_party p WHERE p.scenario_id = s.id "
                + "AND p.organisation_number IN (" + marks(mine) + "))";
        Object[] params = mine == null ? new Object[0] : mine.toArray();
        long total = jdbc.prepareStatement("SELECT COUNT(*) FROM scenario s" + where, ps -> {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<Saved> items = jdbc.prepareStatement(COLUMNS + where + " ORDER BY s.name, s.id OFFSET " + (long) page * size
                + " ROWS FETCH NEXT " + size + " ROWS ONLY", ps -> {
                    bind(ps, params);
                    return rows(ps);
                });
        return new Listing(items, total);
    }

    /** @throws Refusal.NotFound no such plan, or not the principal's */
    @Transactional(readOnly = true)
    public Saved get(long id, Set<String> mine) {
        return visible(id, mine, false);
    }

    /**
     * Replaces a plan, at the version the caller read.
     *
     * @throws Refusal.Conflict the plan became a centre; it is that centre's budget now
     */
    @Transactional
    public Saved update(long id, Scenario scenario, String json, se.familycentre.centre.ExpectedVersion expected,
                        Set<String> mine) {
        Saved saved = visible(id, mine, true);
        expected.check(saved.version());
        decided(saved, "changed");
        String name = checked(scenario, json, mine);
        String by = audit.currentActor();
        Timestamp now = now();
        jdbc.prepareStatement("UPDATE scenario SET name = ?, plan = ?, version = version + 1, updated_at = ?, "
                + "updated_by = ? WHERE id = ?", ps -> {
                    ps.setString(1, name);
                    ps.setString(2, json);
                    ps.setTimestamp(3, now);
                    ps.setString(4, by);
                    ps.setLong(5, id);
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("DELETE FROM scenario_party WHERE scenario_id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
        parties(id, scenario);
        audit.record("UPDATE", "scenario", String.valueOf(id), null, name);
        return find(id).orElseThrow();
    }

    /**
     * A new plan with the same content under another name (the original's name and "(kopia)" when none is given).
     * A decided plan can be copied: that is how its budget is carried on.
     */
    @Transactional
    public Saved copy(long id, String name, Set<String> mine) {
        Saved original = visible(id, mine, false);
        String json = ScenarioReader.renamed(original.plan(),
                name != null && !name.isBlank() ? name : cut(original.name() + " (kopia)"));
        Saved saved = create(ScenarioReader.read(json), json, mine);
        audit.record("COPY", "scenario", String.valueOf(saved.id()), null, "copy of scenario " + id);
        return saved;
    }

    /** @throws Refusal.Conflict the plan became a centre and is that centre's budget */
    @Transactional
    public void delete(long id, se.familycentre.centre.ExpectedVersion expected, Set<String> mine) {
        Saved saved = visible(id, mine, true);
        expected.check(saved.version());
        decided(saved, "deleted");
        jdbc.prepareStatement("DELETE FROM scenario WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
        audit.record("DELETE", "scenario", String.valueOf(id), null, saved.name());
    }

    /**
     * The plan locked for the rest of the transaction, so that two requests turning it into a centre
     * (on one instance or two) are made one after the other and the second finds the first's centre.
     */
    Saved lockForCentre(long id, Set<String> mine) {
        Saved saved = visible(id, mine, true);
        if (saved.centreId() != null) {
            throw new Refusal.Conflict("scenario " + id + " became centre " + saved.centreId() + " already",
                    List.of(new Violation("centreId", "is " + saved.centreId() + "; a plan becomes one centre")));
        }
        return saved;
    }

    /** Records the centre a locked plan became, and the budget as computed today. */
    void becameCentre(long id, long centreId, String budget) {
        jdbc.prepareStatement("UPDATE scenario SET centre_id = ?, budget = ?, version = version + 1 WHERE id = ?", ps -> {
            ps.setLong(1, centreId);
            ps.setString(2, budget);
            ps.setLong(3, id);
            return ps.executeUpdate();
        });
        audit.record("CENTRE", "scenario", String.valueOf(id), centreId, "became centre " + centreId);
    }

    /** The plan a centre was made from, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Saved> byCentre(long centreId) {
        return jdbc.prepareStatement(COLUMNS + " WHERE s.centre_id = ?", ps -> {
            ps.setLong(1, centreId);
            return rows(ps).stream().findFirst();
        });
    }

    private Saved visible(long id, Set<String> mine, boolean lock) {
        java.util.Optional<Saved> saved = jdbc.prepareStatement(COLUMNS + " WHERE s.id = ?" + (lock ? " FOR UPDATE" : ""),
                ps -> {
                    ps.setLong(1, id);
                    return rows(ps).stream().findFirst();
                });
        if (saved.isEmpty() || mine != null && saved.get().parties().stream().noneMatch(mine::contains)) {
            throw new Refusal.NotFound("scenario " + id);
        }
        return saved.get();
    }

    private java.util.Optional<Saved> find(long id) {
        return jdbc.prepareStatement(COLUMNS + " WHERE s.id = ?", ps -> {
            ps.setLong(1, id);
            return rows(ps).stream().findFirst();
        });
    }

    private static void decided(Saved saved, String what) {
        if (saved.centreId() != null) {
            throw new Refusal.Conflict("scenario " + saved.id() + " became centre " + saved.centreId()
                    + " and is the budget its outcome is followed up against; copy it to plan on",
                    List.of(new Violation("centreId", "is " + saved.centreId() + "; a decided plan is not " + what)));
        }
    }

    /** The name to save under; refuses a plan the principal would not see once saved. */
    private static String checked(Scenario scenario, String json, Set<String> mine) {
        List<Violation> refused = new ArrayList<>();
        // the reader names an unnamed plan "Scenario" for computing; a saved one is named by its group
        Object given = ScenarioReader.tree(json).get("name");
        if (!(given instanceof String text) || text.isBlank()) {
            refused.add(new Violation("name", "is required to save a plan"));
        } else if (scenario.name().length() > NAME_LIMIT) {
            refused.add(new Violation("name", "is at most " + NAME_LIMIT + " characters, was " + scenario.name().length()));
        }
        if (mine != null && scenario.entities().stream().map(LegalEntity::organisationNumber).noneMatch(mine::contains)) {
            refused.add(new Violation("entities", "none of the plan's legal entities is one the principal acts for ("
                    + String.join(", ", new TreeSet<>(mine)) + "); it could not see the plan once saved"));
        }
        if (!refused.isEmpty()) {
            throw new Refusal.InvalidValue(refused);
        }
        return scenario.name();
    }

    private void parties(long id, Scenario scenario) {
        for (String org : new TreeSet<>(scenario.entities().stream().map(LegalEntity::organisationNumber).toList())) {
            jdbc.prepareStatement("INSERT INTO scenario_party (scenario_id, organisation_number) VALUES (?, ?)", ps -> {
                ps.setLong(1, id);
                ps.setString(2, org);
                return ps.executeUpdate();
            });
        }
    }

    private List<Saved> rows(PreparedStatement ps) throws SQLException {
        List<Saved> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long centre = rs.getLong(4);
                Long centreId = rs.wasNull() ? null : centre;
                out.add(new Saved(rs.getLong(1), rs.getString(2), rs.getString(3), centreId,
                        rs.getLong(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class), rs.getString(9), List.of(), rs.getString(10)));
            }
        }
        List<Saved> withParties = new ArrayList<>();
        for (Saved s : out) {
            withParties.add(new Saved(s.id(), s.name(), s.plan(), s.centreId(), s.version(), s.createdAt(),
                    s.createdBy(), s.updatedAt(), s.updatedBy(), partiesOf(ps.getConnection(), s.id()), s.budget()));
        }
        return withParties;
    }

    private static List<String> partiesOf(java.sql.Connection connection, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT organisation_number FROM scenario_party WHERE scenario_id = ? ORDER BY organisation_number")) {
            ps.setLong(1, id);
            List<String> orgs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orgs.add(rs.getString(1));
                }
            }
            return orgs;
        }
    }

    private static String cut(String name) {
        return name.length() <= NAME_LIMIT ? name : name.substring(0, NAME_LIMIT);
    }

    private static Timestamp now() {
        return Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static String marks(Set<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }
}
