package se.familycentre.statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.LineOrigin;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.ServiceType;

/**
 * The Swedish words every output uses for the engine's terms: service types, pools, rooms, the
 * lines the engine generates, the sharing rules, and each line's name on a statement.
 * The PDF and the CSV both take them from here, so a line is called the same in both.
 */
public final class SwedishTerms {

    private SwedishTerms() {
    }

    public static String serviceType(ServiceType type) {
        return switch (type) {
            case MIDWIFE_CLINIC -> "Barnmorskemottagning";
            case CHILD_HEALTH -> "Barnhälsovård (BVC)";
            case OPEN_PRESCHOOL -> "Öppen förskola";
            case SOCIAL_SERVICES -> "Förebyggande socialtjänst";
            case OTHER -> "Övrig aktör";
        };
    }

    /** The Swedish heading of a pool. */
    public static String pool(Pool pool) {
        return switch (pool) {
            case COORDINATOR -> "Samordnare";
            case PREMISES -> "Gemensamma lokaler";
            case JOINT -> "Gemensamma aktiviteter";
        };
    }

    /** The Swedish name of a generated line; null for an entered cost line, which keeps its own name. */
    public static String origin(LineOrigin origin) {
        return switch (origin) {
            case COST_LINE -> null;
            case COORDINATOR_SALARY -> "Samordnarens lön";
            case COORDINATOR_ON_COSTS -> "Personalomkostnader (PO-pålägg)";
            case COORDINATOR_COMPETENCE_DEVELOPMENT -> "Kompetensutveckling";
            case COORDINATOR_IT -> "IT-utrustning";
            case COORDINATOR_OTHER -> "Övriga kostnader";
            case DEDICATED_RENT -> "Hyra egna lokaler";
        };
    }

    /** The Swedish name of a pool's rule, as a centre or plan states it. */
    public static String ruleKind(RuleKind kind) {
        return switch (kind) {
            case EQUAL -> "Lika delar";
            case AREA -> "Efter yta";
            case PERCENT -> "Procentsatser";
        };
    }

    /** The Swedish name of a kind of room. */
    public static String roomType(RoomType type) {
        return switch (type) {
            case STAFF_TOILET -> "Personaltoalett";
            case VISITOR_TOILET -> "Besökstoalett";
            case CONFERENCE_ROOM -> "Konferensrum";
            case STAFF_ROOM -> "Personalrum";
            case RECEPTION -> "Reception";
            case WAITING_ROOM -> "Väntrum";
            case PLAY_ROOM -> "Lekrum";
            case GROUP_ROOM -> "Grupprum";
            case KITCHEN -> "Kök";
            case OFFICE -> "Kontor";
            case TREATMENT_ROOM -> "Behandlingsrum";
            case STORAGE -> "Förråd";
            case OTHER -> "Övrigt";
        };
    }

    /** The Swedish name of a segment's sharing rule. */
    public static String rule(Allocation.SegmentRule rule) {
        return switch (rule) {
            case EQUAL -> "Lika delar";
            case AREA -> "Yta";
            case PERCENT -> "Procent";
            case BORNE -> "Bärs av en verksamhet";
        };
    }

    /**
     * Each line's name on a statement: a generated line's Swedish name with the suffix the engine gave
     * it (the coordinator's or the service's name), an entered line its own; lines that would read
     * alike get their id's first part added, so none is ambiguous.
     */
    public static Map<String, String> lineNames(List<StatementLine> lines) {
        Map<String, String> names = new HashMap<>();
        Map<String, List<String>> idsByName = new LinkedHashMap<>();
        for (StatementLine line : lines) {
            if (names.containsKey(line.lineId())) {
                continue;
            }
            String name;
            String swedish = line.origin() == null ? null : origin(line.origin());
            if (swedish == null) {
                name = line.lineName() == null || line.lineName().isBlank() ? line.lineId() : line.lineName();
            } else {
                String given = line.lineName() == null ? "" : line.lineName();
                int comma = given.indexOf(", ");
                name = comma < 0 ? swedish : swedish + given.substring(comma);
            }
            names.put(line.lineId(), name);
            idsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(line.lineId());
        }
        idsByName.forEach((name, ids) -> {
            if (ids.size() > 1) {
                for (String id : ids) {
                    int slash = id.indexOf('/');
                    names.put(id, name + " (" + (slash > 0 ? id.substring(0, slash) : id) + ")");
                }
            }
        });
        return names;
    }
}
