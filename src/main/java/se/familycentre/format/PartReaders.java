package se.familycentre.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.AmountChange;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.DedicatedRent;
import se.familycentre.allocation.Indexation;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.PercentChange;
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
 * Readers of the parts a centre lists (entities, services, rooms, rules,
 * coordinators, cost lines, the rent recharge), each collecting its structural
 * errors under its own path. The defaults that are rules of the format live
 * here: a service is co-located unless it says otherwise, a coordinator works
 * full time unless an FTE is given, an indexation clause indexes the whole
 * amount by KPI with the floor on unless it says otherwise.
 */
final class PartReaders {

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
            "from", "to", "changes", "date", "borneBy", "indexation");
    private static final Set<String> INDEXATION = Set.of("series", "baseYear", "share", "floor");
    private static final Set<String> RENT = Set.of("leaseHolder", "rentPerSquareMetreYear");


    /** A coordinator without {@code ftePercent} works full time. */
    static final BigDecimal FULL_TIME_PERCENT = BigDecimal.valueOf(100);

    private PartReaders() {
    }

    static LegalEntity entity(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, ENTITY);
        if (m == null) {
            return null;
        }
        f.multiLineText(m, "invoiceAddress", path);
        f.text(m, "invoiceReference", path);
        return new LegalEntity(f.text(m, "organisationNumber", path), f.text(m, "name", path));
    }

    static Service service(JsonFields f, Object value, String path) {
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

    static Room room(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, ROOM);
        if (m == null) {
            return null;
        }
        return new Room(f.text(m, "id", path), f.enumValue(m, "type", path, RoomType.class),
                f.decimal(m, "area", path), f.text(m, "service", path), f.date(m, "from", path), f.date(m, "to", path));
    }

    static Map<Pool, List<PoolRule>> rules(JsonFields f, Map<String, Object> centre, String path) {
        Map<Pool, List<PoolRule>> rules = new EnumMap<>(Pool.class);
        if (JsonFields.absent(centre, "rules")) {
            return rules;
        }
        String rulesPath = JsonFields.join(path, "rules");
        Set<String> pools = new TreeSet<>();
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

    static PoolRule rule(JsonFields f, Object value, String path) {
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

    static Coordinator coordinator(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, COORDINATOR);
        if (m == null) {
            return null;
        }
        BigDecimal fte = f.decimal(m, "ftePercent", path);
        return new Coordinator(f.text(m, "id", path), f.text(m, "name", path), f.text(m, "employer", path),
                f.date(m, "from", path), f.date(m, "to", path),
                money(f.decimal(m, "monthlySalary", path)),
                f.list(m, "salaryChanges", path, (v, p) -> amountChange(f, v, p)),
                fte == null && JsonFields.absent(m, "ftePercent") ? FULL_TIME_PERCENT : fte,
                f.list(m, "fteChanges", path, (v, p) -> percentChange(f, v, p)),
                f.decimal(m, "onCostPercent", path),
                f.list(m, "onCostChanges", path, (v, p) -> percentChange(f, v, p)),
                money(f.decimal(m, "competenceDevelopmentPerYear", path)),
                money(f.decimal(m, "itPerYear", path)),
                money(f.decimal(m, "otherPerYear", path)));
    }

    static AmountChange amountChange(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, AMOUNT_CHANGE);
        return m == null ? null : new AmountChange(f.date(m, "from", path), money(f.decimal(m, "amount", path)));
    }

    static PercentChange percentChange(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, PERCENT_CHANGE);
        return m == null ? null : new PercentChange(f.date(m, "from", path), f.decimal(m, "percent", path));
    }

    static CostLine costLine(JsonFields f, Object value, String path) {
        Map<String, Object> m = f.object(value, path, COST_LINE);
        if (m == null) {
            return null;
        }
        return new CostLine(f.text(m, "id", path), f.text(m, "name", path), f.enumValue(m, "pool", path, Pool.class),
                f.text(m, "payer", path), f.enumValue(m, "periodicity", path, Periodicity.class),
                money(f.decimal(m, "amount", path)), f.date(m, "from", path), f.date(m, "to", path),
                f.list(m, "changes", path, (v, p) -> amountChange(f, v, p)), f.date(m, "date", path),
                f.text(m, "borneBy", path), indexation(f, m, path));
    }

    /**
     * A cost line's {@code "indexation": {"series": "KPI", "baseYear": 2021, "share": 100, "floor": true}}
     * (RULES §3); only the base year is required. An explicit {@code null} is no indexation.
     */
    static Indexation indexation(JsonFields f, Map<String, Object> line, String linePath) {
        if (JsonFields.absent(line, "indexation")) {
            return null;
        }
        String path = JsonFields.join(linePath, "indexation");
        Map<String, Object> m = f.object(line.get("indexation"), path, INDEXATION);
        if (m == null) {
            return null;
        }
        String series = f.text(m, "series", path);
        Integer baseYear = f.year(m, "baseYear", path);
        if (baseYear == null && JsonFields.absent(m, "baseYear")) {
            f.error(JsonFields.join(path, "baseYear"), "is required: the year whose price level the amounts are in");
        }
        BigDecimal share = f.decimal(m, "share", path);
        Boolean floor = f.bool(m, "floor", path);
        return new Indexation(series == null && JsonFields.absent(m, "series") ? Indexation.KPI : series, baseYear,
                share == null && JsonFields.absent(m, "share") ? Indexation.FULL_SHARE : share,
                floor == null || floor);
    }

    static DedicatedRent rent(JsonFields f, Map<String, Object> centre, String path) {
        if (JsonFields.absent(centre, "dedicatedRent")) {
            return null;
        }
        String p = JsonFields.join(path, "dedicatedRent");
        Map<String, Object> m = f.object(centre.get("dedicatedRent"), p, RENT);
        return m == null ? null
                : new DedicatedRent(f.text(m, "leaseHolder", p), money(f.decimal(m, "rentPerSquareMetreYear", p)));
    }

    static MonetaryAmount money(BigDecimal amount) {
        return amount == null ? null : Sek.sek(amount);
    }

    /** A room's name is for people only; the register keeps up to 200 characters. */
    static String roomName(JsonFields f, String name, String path) {
        if (name != null && name.length() > 200) {
            f.error(path, "is at most 200 characters, was " + name.length());
        }
        return name;
    }
}
