package se.familycentre.centre;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import se.familycentre.allocation.Violation;
import se.familycentre.format.PartKind;
import se.familycentre.format.PartReader.Part;

/**
 * A centre's services, rooms, coordinators and cost lines, one part at a time,
 * all handled alike: a new part goes last, an update names the version it
 * changes, and every change passes the history guard of {@link CentreStore#change}.
 */
@Singleton
@Transactional
public class CentreParts {

    private final CentreStore store;
    private final PartTables tables;

    public CentreParts(CentreStore store, PartTables tables) {
        this.store = store;
        this.tables = tables;
    }

    /** The version (ETag) of a part of a centre, if it exists. */
    public Optional<Long> version(long centreId, PartKind kind, String key) {
        return version(tables.of(kind), centreId, key);
    }

    private static <R> Optional<Long> version(PartTable<R> table, long centreId, String key) {
        return table.row(centreId, key).map(table::version);
    }

    /** Adds a part ({@code create}) or replaces the one with its id; returns the part's new version. */
    public long put(long centreId, Part part, ExpectedVersion expected, boolean create) {
        ColumnLimits.checkPart(part);
        return put(tables.of(part.kind()), centreId, part, expected, create);
    }

    private <R> long put(PartTable<R> table, long centreId, Part part, ExpectedVersion expected, boolean create) {
        String singular = table.kind().singular();
        R row = store.change(centreId, create ? "CREATE" : "UPDATE", auditType(table.kind()), centreId + "/" + part.id(), () -> {
            Optional<R> existing = table.row(centreId, part.id());
            if (create) {
                if (existing.isPresent()) {
                    throw new Refusal.Conflict("the centre already has a " + singular + " with id " + part.id(),
                            List.of(new Violation("id", "is taken by another " + singular + " of the centre")));
                }
                return table.write(centreId, null, table.rows(centreId).size(), part);
            }
            R current = existing.orElseThrow(() -> notFound(table.kind(), centreId, part.id()));
            expected.check(table.version(current));
            return table.write(centreId, current, 0, part);
        });
        return table.version(row);
    }

    public void delete(long centreId, PartKind kind, String key, ExpectedVersion expected) {
        delete(tables.of(kind), centreId, key, expected);
    }

    private <R> void delete(PartTable<R> table, long centreId, String key, ExpectedVersion expected) {
        store.change(centreId, "DELETE", auditType(table.kind()), centreId + "/" + key, () -> {
            R current = table.row(centreId, key).orElseThrow(() -> notFound(table.kind(), centreId, key));
            expected.check(table.version(current));
            List<Violation> uses = table.usesOf(store.document(centreId).centre(), key);
            if (!uses.isEmpty()) {
                throw new Refusal.Conflict(table.kind().singular() + " " + key + " is still named by other parts of "
                        + "the centre; change or remove them first (or end its participation with a to date)", uses);
            }
            table.delete(current);
            return null;
        });
    }

    static Refusal.NotFound notFound(PartKind kind, long centreId, String key) {
        return new Refusal.NotFound(kind.singular() + " " + key + " of centre " + centreId);
    }

    /** The audit's resource type: the address's name in the singular ({@code cost-line}). */
    private static String auditType(PartKind kind) {
        return kind.path().substring(0, kind.path().length() - 1);
    }
}
