package se.familycentre.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.Violation;

/** Reads one part of a centre on its own: the object the centre document has in that part's list. */
public final class PartReader {

    private PartReader() {
    }

    /**
     * A part as read. {@code value} is a {@link Service}, {@link Room},
     * {@link Coordinator} or {@link CostLine} as {@code kind} says;
     * {@code costReference} is a service's, {@code roomName} a room's, else null.
     */
    public record Part(PartKind kind, String id, Object value, String costReference, String roomName) {
    }

    /**
     * Reads the body as one object of the kind's list; an absent id takes {@code key}.
     * Structural errors are {@link FormatException.Kind#MALFORMED}; a control character in a
     * text is {@link FormatException.Kind#OUT_OF_BOUNDS}; a part without what
     * the rules need to know of it is {@link FormatException.Kind#INCOMPLETE}.
     */
    public static Part read(String body, PartKind kind, String key) {
        JsonFields f = new JsonFields();
        Object tree = JsonTree.parseBody(body);
        if (key != null && tree instanceof Map<?, ?> m && !m.containsKey("id")) {
            JsonFields.castMap(m).put("id", key);
        }
        Map<String, Object> object = tree instanceof Map<?, ?> m ? JsonFields.castMap(m) : null;
        Part part = switch (kind) {
            case SERVICES -> {
                Service s = PartReaders.service(f, tree, "");
                yield new Part(kind, s == null ? null : s.id(), s,
                        object == null ? null : f.text(object, "costReference", ""), null);
            }
            case ROOMS -> {
                Room r = PartReaders.room(f, tree, "");
                yield new Part(kind, r == null ? null : r.id(), r, null,
                        object == null ? null : PartReaders.roomName(f, f.text(object, "name", ""), "name"));
            }
            case COORDINATORS -> {
                Coordinator c = PartReaders.coordinator(f, tree, "");
                yield new Part(kind, c == null ? null : c.id(), c, null, null);
            }
            case COST_LINES -> {
                CostLine l = PartReaders.costLine(f, tree, "");
                yield new Part(kind, l == null ? null : l.id(), l, null, null);
            }
        };
        f.throwIfAny();
        List<Violation> missing = missing(part);
        if (!missing.isEmpty()) {
            throw new FormatException(FormatException.Kind.INCOMPLETE, missing);
        }
        return part;
    }

    private static List<Violation> missing(Part part) {
        List<Violation> missing = new ArrayList<>();
        if (part.id() == null || part.id().isBlank()) {
            missing.add(new Violation("id", "is required"));
        }
        if (part.value() instanceof Service s && s.type() == null) {
            missing.add(new Violation("type", "is required"));
        } else if (part.value() instanceof Room r && (r.type() == null || r.area() == null)) {
            missing.add(new Violation(r.type() == null ? "type" : "area", "is required"));
        } else if (part.value() instanceof CostLine l
                && (l.pool() == null || l.periodicity() == null || l.amount() == null)) {
            missing.add(new Violation("pool, periodicity and amount", "are required"));
        } else if (part.value() instanceof Coordinator c
                && (c.monthlySalary() == null || c.onCostPercent() == null || c.employer() == null)) {
            missing.add(new Violation("employer, monthlySalary and onCostPercent", "are required"));
        }
        return missing;
    }
}
