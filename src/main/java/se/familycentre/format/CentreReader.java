package se.familycentre.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.allocation.AmountChange;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.DedicatedRent;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.PercentChange;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Periodicity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.ServiceType;
import se.familycentre.allocation.Violation;

/**
 * Reads the centre's JSON format, which the calculator, the fixtures, import
 * and export and the issued archive share. Property names are the core's own,
 * so a refusal's field path in the core is the same path in the body. Numbers
 * are read exactly, a key given twice is refused, and every structural error is
 * collected before anything is built.
 */
public final class CentreReader {

    private static final Set<String> REQUEST = Set.of("period", "centre");
    private static final Set<String> CENTRE = Set.of("name", "municipality", "region", "establishedOn",
            "localAgreement", "partyReferences", "entities", "services", "rooms", "rules", "coordinators", "costLines",
            "dedicatedRent");
    private static final Set<String> AGREEMENT = Set.of("reference", "from", "to");
    private static final Set<String> PARTY_REFERENCE = Set.of("organisationNumber", "buyerReference", "costCentre");

    private CentreReader() {
    }

    /** A calculation request: a whole centre and the period to compute. */
    public record AllocationRequest(Period period, Centre centre, CentreProfile profile) {
    }

    /** Reads {@code {"period": …, "centre": …}}; refuses with every structural error at once. */
    public static AllocationRequest readRequest(String body) {
        return request(readDocument(JsonTree.parseBody(body), true));
    }

    /** The same from the request's bytes (UTF-8), the calculator's hot path. */
    public static AllocationRequest readRequest(byte[] body) {
        return request(readDocument(JsonTree.parseBody(body), true));
    }

    private static AllocationRequest request(ImportRequest read) {
        return new AllocationRequest(read.period(), read.document().centre(), read.document().profile());
    }

    /** Reads a centre document on its own (fixtures, import). */
    public static CentreDocument readCentre(String body) {
        JsonFields f = new JsonFields();
        CentreDocument doc = centre(f, JsonTree.parseBody(body), "");
        f.throwIfAny();
        return doc;
    }

    /** An import: a centre document, and optionally the period it must compute (the fixtures carry one). */
    public record ImportRequest(Period period, CentreDocument document) {
    }

    /** Reads {@code {"centre": …}} with an optional {@code "period"}: the fixtures' and the export's form, read to be stored. */
    public static ImportRequest readImport(String body) {
        return readDocument(JsonTree.parseBody(body), false);
    }

    /** {@code {"period": …, "centre": …}}; every structural error at once. */
    private static ImportRequest readDocument(Object tree, boolean periodRequired) {
        JsonFields f = new JsonFields();
        Map<String, Object> root = f.object(tree, "", REQUEST);
        Period period = null;
        CentreDocument doc = null;
        if (root != null) {
            if (periodRequired || !JsonFields.absent(root, "period")) {
                period = PeriodReader.period(f, root.get("period"));
            }
            if (JsonFields.absent(root, "centre")) {
                f.error("centre", "is required");
            } else {
                doc = centre(f, root.get("centre"), "centre");
            }
        }
        f.throwIfAny();
        return new ImportRequest(period, doc);
    }

    private static CentreDocument centre(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, CENTRE);
        if (m == null) {
            return null;
        }
        CentreProfile profile = new CentreProfile(
                f.text(m, "municipality", path), f.text(m, "region", path), f.date(m, "establishedOn", path),
                agreement(f, m, path), JsonFields.absent(m, "partyReferences") ? List.of()
                        : f.list(m, "partyReferences", path, (v, p) -> partyReference(f, v, p)));
        Centre centre = new Centre(
                f.text(m, "name", path),
                f.list(m, "entities", path, (v, p) -> PartReaders.entity(f, v, p)),
                f.list(m, "services", path, (v, p) -> PartReaders.service(f, v, p)),
                f.list(m, "rooms", path, (v, p) -> PartReaders.room(f, v, p)),
                PartReaders.rules(f, m, path),
                f.list(m, "coordinators", path, (v, p) -> PartReaders.coordinator(f, v, p)),
                f.list(m, "costLines", path, (v, p) -> PartReaders.costLine(f, v, p)),
                PartReaders.rent(f, m, path));
        Map<String, CentreDocument.EntityDetails> details = new LinkedHashMap<>();
        Map<String, String> costReferences = new LinkedHashMap<>();
        if (m.get("entities") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> e) {
                    Object terms = e.get("paymentTermsDays");
                    Integer days = terms == null || terms == JsonTree.NULL ? null
                            : wholeDays(f, terms, JsonFields.join(path, "entities[" + i + "]"));
                    Object address = e.get("invoiceAddress");
                    Object reference = e.get("invoiceReference");
                    if (e.get("organisationNumber") instanceof String orgNo
                            && (terms != null || address != null || reference != null)) {
                        details.put(orgNo, new CentreDocument.EntityDetails(
                                address instanceof String a ? a : null, reference instanceof String r ? r : null, days));
                    }
                }
            }
        }
        if (m.get("services") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> sm && sm.get("id") instanceof String id) {
                    String ref = f.text(JsonFields.castMap(sm), "costReference", JsonFields.join(path, "services[" + i + "]"));
                    if (ref != null) {
                        costReferences.put(id, ref);
                    }
                }
            }
        }
        Map<String, String> roomNames = new LinkedHashMap<>();
        if (m.get("rooms") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> rm && rm.get("id") instanceof String id
                        && rm.get("name") instanceof String) {
                    String roomPath = JsonFields.join(path, "rooms[" + i + "]");
                    String name = f.text(JsonFields.castMap(rm), "name", roomPath);
                    roomNames.put(id, PartReaders.roomName(f, name, JsonFields.join(roomPath, "name")));
                }
            }
        }
        return new CentreDocument(centre, profile, details, costReferences, roomNames);
    }

    /** A number of days given anywhere else than as a whole JSON number from 0 to 365 is a 400, never dropped silently. */
    private static Integer wholeDays(JsonFields f, Object days, String entityPath) {
        if (days instanceof BigDecimal d) {
            try {
                int value = d.intValueExact();
                if (value >= 0 && value <= 365) {
                    return value;
                }
            } catch (ArithmeticException e) {
                // reported below
            }
        }
        f.error(JsonFields.join(entityPath, "paymentTermsDays"), "is a whole number of days from 0 to 365, was "
                + JsonFields.describe(days));
        return null;
    }

    private static CentreProfile.LocalAgreement agreement(JsonFields f, Map<String, Object> m, String path) {
        if (JsonFields.absent(m, "localAgreement")) {
            return null;
        }
        String p = JsonFields.join(path, "localAgreement");
        Map<String, Object> a = f.object(m.get("localAgreement"), p, AGREEMENT);
        return a == null ? null : new CentreProfile.LocalAgreement(f.text(a, "reference", p), f.date(a, "from", p), f.date(a, "to", p));
    }

    private static CentreProfile.PartyReference partyReference(JsonFields f, Object value, String path) {
        Map<String, Object> r = f.object(value, path, PARTY_REFERENCE);
        return r == null ? null : new CentreProfile.PartyReference(f.text(r, "organisationNumber", path),
                f.text(r, "buyerReference", path), f.text(r, "costCentre", path));
    }

    /** Field paths of the core are relative to the centre; in a request body they sit under {@code centre}. */
    public static List<Violation> inRequest(List<Violation> violations) {
        List<Violation> result = new ArrayList<>();
        for (Violation v : violations) {
            result.add(v.field().startsWith("period") ? v : new Violation("centre." + v.field(), v.reason()));
        }
        return result;
    }
}
