package se.familycentre.web.api;

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
 * The centre's JSON format, shared by the calculator, the fixtures and (later)
 * import and export. Property names are the core's own, so a refusal's field
 * path in the core is the same path in the body. Reading collects every
 * structural error (400) before anything is built.
 */
public final class CentreFormat {

    private static final Set<String> REQUEST = Set.of("period", "centre");
    private static final Set<String> PERIOD = Set.of("from", "to");
    private static final Set<String> CENTRE = Set.of("name", "municipality", "region", "establishedOn",
            "localAgreement", "entities", "services", "rooms", "rules", "coordinators", "costLines", "dedicatedRent");
    private static final Set<String> AGREEMENT = Set.of("reference", "from", "to");
    private static final Set<String> ENTITY = Set.of("organisationNumber", "name", "invoiceAddress", "invoiceReference",
            "paymentTermsDays");
    private static final Set<String> SERVICE = Set.of("id", "type", "entity", "name", "from", "to", "coLocated",
            "sharesPremises", "pools", "costReference");
    private static final Set<String> ROOM = Set.of("id", "type", "name", "area", "service", "from", "to");
    private static final Set<String> RULE = Set.of("from", "rule", "percentages");
    private static final Set<String> COORDINATOR = Set.of("id", "name", "employer", "from", "to", "monthlySalary",
            "salaryChanges", "ftePercent", "fteChanges", "onCostPercent", "onCostChanges",
            "competenceDevelopmentPerYear", "itPerYear", "otherPerYear");
    private static final Set<String> AMOUNT_CHANGE = Set.of("from", "amount");
    private static final Set<String> PERCENT_CHANGE = Set.of("from", "percent");
    private static final Set<String> COST_LINE = Set.of("id", "name", "pool", "payer", "periodicity", "amount",
            "from", "to", "changes", "date", "borneBy");
    private static final Set<String> RENT = Set.of("leaseHolder", "rentPerSquareMetreYear");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CentreFormat() {
    }

    /** A calculation request: a whole centre and the period to compute. */
    public record AllocationRequest(Period period, Centre centre, CentreProfile profile) {
    }

    /** Reads {@code {"period": …, "centre": …}}; throws a 400 problem listing every structural error. */
    public static AllocationRequest readRequest(String body) {
        ImportRequest read = readDocument(body, true);
        return new AllocationRequest(read.period(), read.document().centre(), read.document().profile());
    }

    /** Reads a centre document on its own (fixtures, import). */
    public static CentreDocument readCentre(String body) {
        JsonFields f = new JsonFields();
        CentreDocument doc = centre(f, parse(body), "");
        if (!f.errors().isEmpty()) {
            throw ProblemException.malformed(f.errors());
        }
        return doc;
    }

    /** An import: a centre document, and optionally the period it must compute (the fixtures carry one). */
    public record ImportRequest(Period period, CentreDocument document) {
    }

    /** Reads {@code {"centre": …}} with an optional {@code "period"}: the fixtures' and the export's form. */
    public static ImportRequest readImport(String body) {
        return readDocument(body, false);
    }

    /** {@code {"period": …, "centre": …}}; every structural error at once, as a 400. */
    private static ImportRequest readDocument(String body, boolean periodRequired) {
        JsonFields f = new JsonFields();
        Map<String, Object> root = f.object(parse(body), "", REQUEST);
        Period period = null;
        CentreDocument doc = null;
        if (root != null) {
            if (periodRequired || !JsonFields.absent(root, "period")) {
                period = period(f, root.get("period"));
            }
            if (JsonFields.absent(root, "centre")) {
                f.error("centre", "is required");
            } else {
                doc = centre(f, root.get("centre"), "centre");
            }
        }
        if (!f.errors().isEmpty()) {
            throw ProblemException.malformed(f.errors());
        }
        return new ImportRequest(period, doc);
    }

    /** One part of a centre read on its own; {@code costReference} is a service's, else null. */
    public record Part(String id, Object value, String costReference, String roomName) {
    }

    /**
     * Reads the body as one object of the centre's {@code kind} list (services,
     * rooms, coordinators, cost-lines). An absent id takes {@code key}.
     */
    public static Part readPart(String body, String kind, String key) {
        JsonFields f = new JsonFields();
        Object tree = parse(body);
        if (key != null && tree instanceof Map<?, ?> m && !m.containsKey("id")) {
            castMap(m).put("id", key);
        }
        Object value = switch (kind) {
            case "services" -> service(f, tree, "");
            case "rooms" -> room(f, tree, "");
            case "coordinators" -> coordinator(f, tree, "");
            default -> costLine(f, tree, "");
        };
        String costReference = kind.equals("services") && tree instanceof Map<?, ?> m
                ? f.text(castMap(m), "costReference", "") : null;
        String roomName = kind.equals("rooms") && tree instanceof Map<?, ?> m
                ? roomName(f, f.text(castMap(m), "name", ""), "name") : null;
        if (!f.errors().isEmpty()) {
            throw ProblemException.malformed(f.errors());
        }
        String id = switch (kind) {
            case "services" -> ((Service) value).id();
            case "rooms" -> ((Room) value).id();
            case "coordinators" -> ((Coordinator) value).id();
            default -> ((CostLine) value).id();
        };
        List<Violation> missing = new ArrayList<>();
        if (id == null || id.isBlank()) {
            missing.add(new Violation("id", "is required"));
        }
        if (kind.equals("services") && ((Service) value).type() == null) {
            missing.add(new Violation("type", "is required"));
        }
        if (kind.equals("rooms") && (((Room) value).type() == null || ((Room) value).area() == null)) {
            missing.add(new Violation(((Room) value).type() == null ? "type" : "area", "is required"));
        }
        if (kind.equals("cost-lines") && (((CostLine) value).pool() == null || ((CostLine) value).periodicity() == null
                || ((CostLine) value).amount() == null)) {
            missing.add(new Violation("pool, periodicity and amount", "are required"));
        }
        if (kind.equals("coordinators") && (((Coordinator) value).monthlySalary() == null
                || ((Coordinator) value).onCostPercent() == null || ((Coordinator) value).employer() == null)) {
            missing.add(new Violation("employer, monthlySalary and onCostPercent", "are required"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        return new Part(id, value, costReference, roomName);
    }

    /** The period of a query: {@code period=2025-Q1}, or {@code from} and {@code to}; a 400 names what is wrong. */
    public static Period periodParameter(String quarter, String from, String to) {
        JsonFields f = new JsonFields();
        Map<String, Object> m = new LinkedHashMap<>();
        if (quarter != null) {
            Period p = period(f, quarter);
            if (f.errors().isEmpty() && from == null && to == null) {
                return p;
            }
            if (from != null || to != null) {
                f.error("period", "give either period or from and to, not both");
            }
        } else {
            if (from != null) {
                m.put("from", from);
            }
            if (to != null) {
                m.put("to", to);
            }
            Period p = period(f, m.isEmpty() ? null : m);
            if (f.errors().isEmpty()) {
                if (p.to().isBefore(p.from())) {
                    throw ProblemException.invalid(List.of(new Violation("to", "is before from (" + p.from() + ")")));
                }
                if (p.to().isAfter(p.from().minusDays(1).plusYears(10))) {
                    throw ProblemException.invalid(List.of(new Violation("period", "is longer than ten years")));
                }
                return p;
            }
        }
        throw ProblemException.malformed(f.errors());
    }

    static Object parseBody(String body) {
        return parse(body);
    }

    private static Object parse(String body) {
        try {
            return JsonTree.parse(body);
        } catch (JsonTree.MalformedJson e) {
            throw ProblemException.malformed(List.of(new Violation("body", e.getMessage())));
        }
    }

    private static Period period(JsonFields f, Object value) {
        if (value == null || value == JsonTree.NULL) {
            f.error("period", "is required: a quarter such as \"2025-Q1\" or {\"from\": \"2025-01-01\", \"to\": \"2025-03-31\"}");
            return null;
        }
        if (value instanceof String s) {
            if (!Period.isQuarter(s)) {
                f.error("period", "\"" + s + "\" is not a quarter; write YYYY-Qn with n from 1 to 4, e.g. 2025-Q1");
                return null;
            }
            return Period.ofQuarter(s);
        }
        Map<String, Object> map = f.object(value, "period", PERIOD);
        if (map == null) {
            return null;
        }
        LocalDate from = f.date(map, "from", "period");
        LocalDate to = f.date(map, "to", "period");
        if (from == null && JsonFields.absent(map, "from")) {
            f.error("period.from", "is required");
        }
        if (to == null && JsonFields.absent(map, "to")) {
            f.error("period.to", "is required");
        }
        return from == null || to == null ? null : new Period(from, to);
    }

    private static CentreDocument centre(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, CENTRE);
        if (m == null) {
            return null;
        }
        CentreProfile profile = new CentreProfile(
                f.text(m, "municipality", path), f.text(m, "region", path), f.date(m, "establishedOn", path),
                agreement(f, m, path));
        Centre centre = new Centre(
                f.text(m, "name", path),
                f.list(m, "entities", path, (v, p) -> entity(f, v, p)),
                f.list(m, "services", path, (v, p) -> service(f, v, p)),
                f.list(m, "rooms", path, (v, p) -> room(f, v, p)),
                rules(f, m, path),
                f.list(m, "coordinators", path, (v, p) -> coordinator(f, v, p)),
                f.list(m, "costLines", path, (v, p) -> costLine(f, v, p)),
                rent(f, m, path));
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
                    String ref = f.text(castMap(sm), "costReference", JsonFields.join(path, "services[" + i + "]"));
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
                        && rm.get("name") instanceof String name) {
                    roomNames.put(id, roomName(f, name, JsonFields.join(path, "rooms[" + i + "].name")));
                }
            }
        }
        return new CentreDocument(centre, profile, details, costReferences, roomNames);
    }

    /** A room's name is for people only; the register keeps up to 200 characters. */
    private static String roomName(JsonFields f, String name, String path) {
        if (name != null && name.length() > 200) {
            f.error(path, "is at most 200 characters, was " + name.length());
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
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

    private static LegalEntity entity(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, ENTITY);
        if (m == null) {
            return null;
        }
        f.text(m, "invoiceAddress", path);
        f.text(m, "invoiceReference", path);
        return new LegalEntity(f.text(m, "organisationNumber", path), f.text(m, "name", path));
    }

    private static Service service(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, SERVICE);
        if (m == null) {
            return null;
        }
        Boolean coLocated = f.bool(m, "coLocated", path);
        Set<Pool> pools = EnumSet.noneOf(Pool.class);
        pools.addAll(f.list(m, "pools", path, (v, p) -> f.enumOf(v, p, Pool.class)));
        return new Service(f.text(m, "id", path), f.enumValue(m, "type", path, ServiceType.class),
                f.text(m, "entity", path), f.text(m, "name", path), f.date(m, "from", path), f.date(m, "to", path),
                coLocated == null || coLocated, f.bool(m, "sharesPremises", path), pools);
    }

    private static Room room(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, ROOM);
        if (m == null) {
            return null;
        }
        return new Room(f.text(m, "id", path), f.enumValue(m, "type", path, RoomType.class),
                f.decimal(m, "area", path), f.text(m, "service", path), f.date(m, "from", path), f.date(m, "to", path));
    }

    private static Map<Pool, List<PoolRule>> rules(JsonFields f, Map<String, Object> centre, String path) {
        Map<Pool, List<PoolRule>> rules = new EnumMap<>(Pool.class);
        if (JsonFields.absent(centre, "rules")) {
            return rules;
        }
        String rulesPath = JsonFields.join(path, "rules");
        Set<String> pools = new java.util.TreeSet<>();
        for (Pool p : Pool.values()) {
            pools.add(p.name());
        }
        Map<String, Object> m = f.object(centre.get("rules"), rulesPath, pools);
        if (m == null) {
            return rules;
        }
        for (Pool pool : Pool.values()) {
            if (!JsonFields.absent(m, pool.name())) {
                rules.put(pool, f.list(m, pool.name(), rulesPath, (v, p) -> rule(f, v, p)));
            }
        }
        return rules;
    }

    private static PoolRule rule(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, RULE);
        if (m == null) {
            return null;
        }
        Map<String, BigDecimal> percentages = new LinkedHashMap<>();
        if (!JsonFields.absent(m, "percentages")) {
            String p = JsonFields.join(path, "percentages");
            Object raw = m.get("percentages");
            if (raw instanceof Map<?, ?> pm) {
                pm.forEach((k, v) -> percentages.put((String) k, f.decimalValue(v, p + "." + k)));
            } else {
                f.error(p, "must be an object of service id to percentage, was " + JsonFields.describe(raw));
            }
        }
        RuleKind kind = f.enumValue(m, "rule", path, RuleKind.class);
        if (kind == null && JsonFields.absent(m, "rule")) {
            f.error(JsonFields.join(path, "rule"), "is required: one of EQUAL, AREA, PERCENT");
        }
        return new PoolRule(f.date(m, "from", path), kind, percentages);
    }

    private static Coordinator coordinator(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, COORDINATOR);
        if (m == null) {
            return null;
        }
        BigDecimal fte = f.decimal(m, "ftePercent", path);
        return new Coordinator(f.text(m, "id", path), f.text(m, "name", path), f.text(m, "employer", path),
                f.date(m, "from", path), f.date(m, "to", path),
                money(f.decimal(m, "monthlySalary", path)),
                f.list(m, "salaryChanges", path, (v, p) -> amountChange(f, v, p)),
                fte == null && JsonFields.absent(m, "ftePercent") ? HUNDRED : fte,
                f.list(m, "fteChanges", path, (v, p) -> percentChange(f, v, p)),
                f.decimal(m, "onCostPercent", path),
                f.list(m, "onCostChanges", path, (v, p) -> percentChange(f, v, p)),
                money(f.decimal(m, "competenceDevelopmentPerYear", path)),
                money(f.decimal(m, "itPerYear", path)),
                money(f.decimal(m, "otherPerYear", path)));
    }

    private static AmountChange amountChange(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, AMOUNT_CHANGE);
        return m == null ? null : new AmountChange(f.date(m, "from", path), money(f.decimal(m, "amount", path)));
    }

    private static PercentChange percentChange(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, PERCENT_CHANGE);
        return m == null ? null : new PercentChange(f.date(m, "from", path), f.decimal(m, "percent", path));
    }

    private static CostLine costLine(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, COST_LINE);
        if (m == null) {
            return null;
        }
        return new CostLine(f.text(m, "id", path), f.text(m, "name", path), f.enumValue(m, "pool", path, Pool.class),
                f.text(m, "payer", path), f.enumValue(m, "periodicity", path, Periodicity.class),
                money(f.decimal(m, "amount", path)), f.date(m, "from", path), f.date(m, "to", path),
                f.list(m, "changes", path, (v, p) -> amountChange(f, v, p)), f.date(m, "date", path),
                f.text(m, "borneBy", path));
    }

    private static DedicatedRent rent(JsonFields f, Map<String, Object> centre, String path) {
        if (JsonFields.absent(centre, "dedicatedRent")) {
            return null;
        }
        String p = JsonFields.join(path, "dedicatedRent");
        Map<String, Object> m = f.object(centre.get("dedicatedRent"), p, RENT);
        return m == null ? null
                : new DedicatedRent(f.text(m, "leaseHolder", p), money(f.decimal(m, "rentPerSquareMetreYear", p)));
    }

    private static javax.money.MonetaryAmount money(BigDecimal amount) {
        return amount == null ? null : Sek.sek(amount);
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
