package se.familycentre.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Indexation;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.ServiceType;
import se.familycentre.scenario.Scenario;

/**
 * Reads a scenario (RULES §7, issue 11): a planned centre and its assumptions, as a steering group
 * writes it. Structural errors are a 400 with every field at once; values the plan cannot have (a
 * horizon beyond ten years, a payer that is no service, a frame for an entity not in the plan) a 422,
 * each naming its field. What is not given takes its default: a horizon of 3 years, the minimum
 * rooms at typical sizes, equal sharing, salaries revised on 1 April, no increase.
 */
public final class ScenarioReader {

    private static final Set<String> ROOT = Set.of("name", "start", "horizonYears", "entities", "services",
            "sharedRooms", "rentPerSquareMetreYear", "rentIndexation", "cleaningPerYear", "otherSharedPerYear",
            "premisesPayer", "coordinator", "jointActivitiesPerYear", "rules", "assumptions", "frames", "sharedCosts");
    private static final Set<String> COST = Set.of("id", "name", "pool", "payer", "perYear");
    /** The ids the expansion gives its own lines; a further cost takes another. */
    private static final Set<String> RESERVED = Set.of("hyra", "stadning", "ovrigt", "aktiviteter");
    private static final Set<String> ENTITY = Set.of("organisationNumber", "name");
    private static final Set<String> SERVICE = Set.of("id", "type", "entity", "name", "from", "coLocated",
            "dedicatedArea");
    private static final Set<String> ROOM = Set.of("id", "type", "name", "area");
    private static final Set<String> COORDINATOR = Set.of("employer", "ftePercent", "monthlySalary", "onCostPercent",
            "competenceDevelopmentPerYear", "itPerYear");
    private static final Set<String> ASSUMPTIONS = Set.of("salaryIncreasePercent", "salaryRevision",
            "indexChangePercent");
    private static final Set<String> FRAME = Set.of("organisationNumber", "perYear");
    private static final int MAX_HORIZON = 10;

    private ScenarioReader() {
    }

    /** A saved plan's JSON as a tree to answer with (objects, lists, strings, numbers, booleans, nulls). */
    public static Map<String, Object> tree(String json) {
        return JsonFields.castMap((Map<?, ?>) JsonTree.plain(JsonTree.parse(json)));
    }

    /** A saved plan's JSON under another name, all else as it was. */
    public static String renamed(String json, String name) {
        Map<String, Object> m = JsonFields.castMap((Map<?, ?>) JsonTree.parse(json));
        m.put("name", name);
        return JsonTree.write(m);
    }

    /** The body of a copy: nothing, or {@code {"name": …}} for the copy's name. */
    public static String copyName(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonFields f = new JsonFields();
        Map<String, Object> m = f.object(JsonTree.parseBody(body), "", Set.of("name"));
        String name = m == null ? null : f.text(m, "name", "");
        f.throwIfAny();
        return name;
    }

    public static Scenario read(String body) {
        JsonFields f = new JsonFields();
        Map<String, Object> m = f.object(JsonTree.parseBody(body), "", ROOT);
        if (m == null) {
            f.throwIfAny();
        }
        LocalDate start = f.date(m, "start", "");
        BigDecimal horizon = f.decimal(m, "horizonYears", "");
        List<LegalEntity> entities = f.list(m, "entities", "", (v, p) -> entity(f, v, p));
        List<Scenario.PlannedService> services = f.list(m, "services", "", (v, p) -> service(f, v, p));
        List<Scenario.PlannedRoom> rooms = f.list(m, "sharedRooms", "", (v, p) -> room(f, v, p));
        Map<String, Object> rent = new LinkedHashMap<>();
        if (!JsonFields.absent(m, "rentIndexation")) {
            rent.put("indexation", m.get("rentIndexation"));
        }
        Indexation indexation = PartReaders.indexation(f, rent, "rent");
        Scenario.PlannedCoordinator coordinator = JsonFields.absent(m, "coordinator") ? null
                : coordinator(f, m.get("coordinator"), "coordinator");
        Map<Pool, PoolRule> rules = new EnumMap<>(Pool.class);
        PartReaders.rules(f, m, "").forEach((pool, list) -> {
            if (list.size() == 1 && list.get(0) != null) {
                rules.put(pool, list.get(0));
            } else {
                f.error("rules." + pool.name(), "a scenario has one rule per pool, without a date");
            }
        });
        Scenario.Assumptions assumptions = assumptions(f, m.get("assumptions"));
        Map<String, MonetaryAmount> frames = new LinkedHashMap<>();
        List<Object[]> frameList = f.list(m, "frames", "", (v, p) -> frame(f, v, p));
        List<Scenario.PlannedCost> costs = f.list(m, "sharedCosts", "", (v, p) -> cost(f, v, p));
        MonetaryAmount rate = money(f, m, "rentPerSquareMetreYear", "");
        MonetaryAmount cleaning = money(f, m, "cleaningPerYear", "");
        MonetaryAmount other = money(f, m, "otherSharedPerYear", "");
        MonetaryAmount joint = money(f, m, "jointActivitiesPerYear", "");
        String payer = f.text(m, "premisesPayer", "");
        String name = f.text(m, "name", "");
        f.throwIfAny();

        if (start == null) {
            f.refuse("start", "is required: the day the centre opens");
        }
        int years = Scenario.DEFAULT_HORIZON;
        if (horizon != null) {
            if (horizon.stripTrailingZeros().scale() > 0 || horizon.compareTo(BigDecimal.ONE) < 0
                    || horizon.compareTo(BigDecimal.valueOf(MAX_HORIZON)) > 0) {
                f.refuse("horizonYears", "is a whole number of years from 1 to " + MAX_HORIZON + ", was "
                        + horizon.toPlainString());
            } else {
                years = horizon.intValueExact();
            }
        }
        Set<String> orgs = new HashSet<>();
        for (int i = 0; i < entities.size(); i++) {
            if (!orgs.add(entities.get(i).organisationNumber())) {
                f.refuse("entities[" + i + "].organisationNumber", "names an entity a second time");
            }
        }
        if (entities.isEmpty()) {
            f.refuse("entities", "a plan has at least one legal entity");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            Scenario.PlannedService s = services.get(i);
            if (s.id() != null && !ids.add(s.id())) {
                f.refuse("services[" + i + "].id", "names a service a second time");
            }
            if (s.entity() != null && !orgs.contains(s.entity())) {
                f.refuse("services[" + i + "].entity", "is not one of the plan's entities: " + s.entity());
            }
        }
        if (services.isEmpty()) {
            f.refuse("services", "a plan has at least one service");
        }
        if (coordinator != null && coordinator.employer() != null && !ids.contains(coordinator.employer())) {
            f.refuse("coordinator.employer", "is not one of the plan's services: " + coordinator.employer());
        }
        if (payer != null && !ids.contains(payer)) {
            f.refuse("premisesPayer", "is not one of the plan's services: " + payer);
        }
        if (payer == null && coordinator == null && (rate != null || cleaning != null || other != null)) {
            f.refuse("premisesPayer", "is required when there is no coordinator: the service that pays the premises");
        }
        Set<String> costIds = new HashSet<>();
        for (int i = 0; i < costs.size(); i++) {
            Scenario.PlannedCost c = costs.get(i);
            String at = "sharedCosts[" + i + "]";
            if (c.id() != null && (RESERVED.contains(c.id()) || c.id().startsWith("egna-"))) {
                f.refuse(at + ".id", "is the id of a line the plan makes itself (" + String.join(", ", new java.util.TreeSet<>(RESERVED))
                        + ", egna-…); choose another");
            } else if (c.id() != null && !costIds.add(c.id())) {
                f.refuse(at + ".id", "names a cost a second time");
            }
            if (c.payer() != null && !ids.contains(c.payer())) {
                f.refuse(at + ".payer", "is not one of the plan's services: " + c.payer());
            }
            if (c.payer() == null && payer == null && coordinator == null) {
                f.refuse(at + ".payer", "is required when the plan has neither a premises payer nor a coordinator");
            }
        }
        for (int i = 0; i < frameList.size(); i++) {
            Object[] fr = frameList.get(i);
            if (fr == null) {
                continue;
            }
            if (!orgs.contains((String) fr[0])) {
                f.refuse("frames[" + i + "].organisationNumber", "is not one of the plan's entities: " + fr[0]);
            } else if (frames.put((String) fr[0], (MonetaryAmount) fr[1]) != null) {
                f.refuse("frames[" + i + "].organisationNumber", "has a frame already");
            }
        }
        f.throwIfAny();
        return new Scenario(name == null ? "Scenario" : name, start, years, entities, services, rooms, rate, indexation,
                cleaning, other, payer, coordinator, joint, rules, assumptions, frames, costs);
    }

    private static LegalEntity entity(JsonFields f, Object v, String p) {
        Map<String, Object> m = f.object(v, p, ENTITY);
        return m == null ? null : new LegalEntity(required(f, m, "organisationNumber", p), f.text(m, "name", p));
    }

    private static Scenario.PlannedService service(JsonFields f, Object v, String p) {
        Map<String, Object> m = f.object(v, p, SERVICE);
        if (m == null) {
            return null;
        }
        Boolean coLocated = f.bool(m, "coLocated", p);
        BigDecimal area = f.decimal(m, "dedicatedArea", p);
        if (area != null && area.signum() < 0) {
            f.refuse(JsonFields.join(p, "dedicatedArea"), "is 0 or more m², was " + area.toPlainString());
        }
        ServiceType type = f.enumValue(m, "type", p, ServiceType.class);
        if (type == null && JsonFields.absent(m, "type")) {
            f.error(JsonFields.join(p, "type"), "is required");
        }
        return new Scenario.PlannedService(required(f, m, "id", p), type, required(f, m, "entity", p),
                f.text(m, "name", p), f.date(m, "from", p), coLocated == null || coLocated, area);
    }

    private static Scenario.PlannedCost cost(JsonFields f, Object v, String p) {
        Map<String, Object> m = f.object(v, p, COST);
        if (m == null) {
            return null;
        }
        Pool pool = f.enumValue(m, "pool", p, Pool.class);
        if (pool == null && JsonFields.absent(m, "pool")) {
            f.error(JsonFields.join(p, "pool"), "is required: PREMISES, JOINT or COORDINATOR");
        }
        MonetaryAmount perYear = money(f, m, "perYear", p);
        if (perYear == null && JsonFields.absent(m, "perYear")) {
            f.refuse(JsonFields.join(p, "perYear"), "is required: the cost in kr a year");
        }
        return new Scenario.PlannedCost(required(f, m, "id", p), f.text(m, "name", p), pool, f.text(m, "payer", p),
                perYear);
    }

    private static Scenario.PlannedRoom room(JsonFields f, Object v, String p) {
        Map<String, Object> m = f.object(v, p, ROOM);
        if (m == null) {
            return null;
        }
        BigDecimal area = f.decimal(m, "area", p);
        if (area == null || area.signum() <= 0) {
            f.refuse(JsonFields.join(p, "area"), "is required and above 0 m²");
        }
        RoomType type = f.enumValue(m, "type", p, RoomType.class);
        return new Scenario.PlannedRoom(required(f, m, "id", p), type == null ? RoomType.OTHER : type,
                f.text(m, "name", p), area);
    }

    private static Scenario.PlannedCoordinator coordinator(JsonFields f, Object v, String p) {
        Map<String, Object> m = f.object(v, p, COORDINATOR);
        if (m == null) {
            return null;
        }
        BigDecimal fte = percent(f, m, "ftePercent", p, BigDecimal.valueOf(100));
        BigDecimal onCost = percent(f, m, "onCostPercent", p, BigDecimal.ZERO);
        MonetaryAmount salary = money(f, m, "monthlySalary", p);
        if (salary == null) {
            f.refuse(JsonFields.join(p, "monthlySalary"), "is required: the coordinator's monthly salary");
        }
        return new Scenario.PlannedCoordinator(required(f, m, "employer", p), fte, salary, onCost,
                money(f, m, "competenceDevelopmentPerYear", p), money(f, m, "itPerYear", p));
    }

    private static Scenario.Assumptions assumptions(JsonFields f, Object v) {
        if (v == null) {
            return new Scenario.Assumptions(null, null, null);
        }
        Map<String, Object> m = f.object(v, "assumptions", ASSUMPTIONS);
        if (m == null) {
            return new Scenario.Assumptions(null, null, null);
        }
        BigDecimal increase = f.decimal(m, "salaryIncreasePercent", "assumptions");
        BigDecimal k = f.decimal(m, "indexChangePercent", "assumptions");
        for (Map.Entry<String, BigDecimal> e : Map.of("salaryIncreasePercent", increase == null ? BigDecimal.ZERO : increase,
                "indexChangePercent", k == null ? BigDecimal.ZERO : k).entrySet()) {
            if (e.getValue().abs().compareTo(BigDecimal.valueOf(50)) > 0) {
                f.refuse("assumptions." + e.getKey(), "is a yearly change from -50 to 50 percent, was "
                        + e.getValue().toPlainString());
            }
        }
        String revision = f.text(m, "salaryRevision", "assumptions");
        MonthDay day = null;
        if (revision != null) {
            try {
                day = MonthDay.parse("--" + revision);
            } catch (DateTimeParseException e) {
                f.error("assumptions.salaryRevision", "is a day of the year written MM-DD (04-01), was " + revision);
            }
        }
        return new Scenario.Assumptions(increase, day, k);
    }

    private static Object[] frame(JsonFields f, Object v, String p) {
        Map<String, Object> m = f.object(v, p, FRAME);
        if (m == null) {
            return null;
        }
        String org = required(f, m, "organisationNumber", p);
        MonetaryAmount perYear = money(f, m, "perYear", p);
        if (perYear == null) {
            f.refuse(JsonFields.join(p, "perYear"), "is required: the entity's frame in kr a year");
        }
        return new Object[] {org, perYear};
    }

    private static BigDecimal percent(JsonFields f, Map<String, Object> m, String key, String p, BigDecimal otherwise) {
        BigDecimal v = f.decimal(m, key, p);
        if (v == null) {
            return otherwise;
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 && !key.equals("onCostPercent")) {
            f.refuse(JsonFields.join(p, key), "is a percentage from 0 to 100, was " + v.toPlainString());
        }
        return v;
    }

    private static MonetaryAmount money(JsonFields f, Map<String, Object> m, String key, String p) {
        BigDecimal v = f.decimal(m, key, p);
        if (v != null && v.signum() < 0) {
            f.refuse(JsonFields.join(p, key), "is 0 kr or more, was " + v.toPlainString());
        }
        return PartReaders.money(v);
    }

    private static String required(JsonFields f, Map<String, Object> m, String key, String p) {
        String v = f.text(m, key, p);
        if (v == null && JsonFields.absent(m, key)) {
            f.error(JsonFields.join(p, key), "is required");
        }
        return v;
    }
}
