package se.familycentre.access;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a principal sees (issue 9): an administrator everything; anyone else a centre only if one
 * of its entities has a service in it, and a statement only if one of its entities is the creditor
 * or the debtor. What is out of scope is answered as if it did not exist.
 */
@Singleton
public class Scope {

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;

    public Scope(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.sql = new Sql(jdbc);
        this.transactions = transactions;
    }

    /** The centres the actor sees, or null for all (an administrator). */
    public Set<Long> centreIds(Actor actor) {
        if (actor.isAdmin()) {
            return null;
        }
        if (actor.entityIds().isEmpty()) {
            return Set.of();
        }
        return transactions.executeRead(status -> new TreeSet<>(sql.list(
                "SELECT DISTINCT centre_id FROM centre_service WHERE entity_id IN (" + marks(actor.entityIds()) + ")",
                rs -> rs.getLong(1), actor.entityIds().toArray())));
    }

    public boolean seesCentre(Actor actor, long centreId) {
        if (actor.isAdmin()) {
            return true;
        }
        if (actor.entityIds().isEmpty()) {
            return false;
        }
        Object[] params = new Object[actor.entityIds().size() + 1];
        params[0] = centreId;
        System.arraycopy(actor.entityIds().toArray(), 0, params, 1, actor.entityIds().size());
        return transactions.executeRead(status -> !sql.list("SELECT 1 FROM centre_service WHERE centre_id = ? "
                + "AND entity_id IN (" + marks(actor.entityIds()) + ") FETCH FIRST 1 ROWS ONLY", rs -> 1, params)
                .isEmpty());
    }

    /** The organisation numbers of the actor's entities, or null for all (an administrator). */
    public Set<String> organisationNumbers(Actor actor) {
        if (actor.isAdmin()) {
            return null;
        }
        if (actor.entityIds().isEmpty()) {
            return Set.of();
        }
        return transactions.executeRead(status -> new TreeSet<>(sql.list(
                "SELECT organisation_number FROM legal_entity WHERE id IN (" + marks(actor.entityIds()) + ")",
                rs -> rs.getString(1), actor.entityIds().toArray())));
    }

    public boolean seesStatement(Actor actor, String creditor, String debtor) {
        Set<String> mine = organisationNumbers(actor);
        return mine == null || mine.contains(creditor) || mine.contains(debtor);
    }

    private static String marks(Set<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    /** A short stable name of the actor's scope: "all", or a digest of its entity ids in order. */
    public static String key(Actor actor) {
        if (actor.isAdmin()) {
            return "all";
        }
        String ids = actor.entityIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(ids.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "e" + java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
