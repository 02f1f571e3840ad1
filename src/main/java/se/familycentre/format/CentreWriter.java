package se.familycentre.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.AmountChange;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.Indexation;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.PercentChange;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Service;

/**
 * Writes a centre in the format {@link CentreFormat} reads, so that export,
 * import, fixtures and the calculator share one format. Decimals are written as
 * strings; absent values are left out.
 */
public final class CentreWriter {

    private CentreWriter() {
    }

    public static Map<String, Object> document(CentreDocument doc) {
        Centre c = doc.centre();
        CentreProfile p = doc.profile();
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", c.name());
        if (p != null) {
            put(m, "municipality", p.municipality());
            put(m, "region", p.region());
            put(m, "establishedOn", p.establishedOn());
            if (p.localAgreement() != null) {
                Map<String, Object> a = new LinkedHashMap<>();
                put(a, "reference", p.localAgreement().reference());
                put(a, "from", p.localAgreement().from());
                put(a, "to", p.localAgreement().to());
                m.put("localAgreement", a);
            }
            if (!p.partyReferences().isEmpty()) {
                m.put("partyReferences", p.partyReferences().stream().map(r -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    put(e, "organisationNumber", r.organisationNumber());
                    put(e, "buyerReference", r.buyerReference());
                    put(e, "costCentre", r.costCentre());
                    return e;
                }).toList());
            }
        }
        m.put("entities", c.entities().stream().map(e -> entity(e, doc.entityDetails().get(e.organisationNumber()))).toList());
        m.put("services", c.services().stream().map(s -> service(s, doc.costReferences().get(s.id()))).toList());
        m.put("rooms", c.rooms().stream().map(r -> room(r, doc.roomNames().get(r.id()))).toList());
        m.put("rules", rules(c));
        m.put("coordinators", c.coordinators().stream().map(CentreWriter::coordinator).toList());
        m.put("costLines", c.costLines().stream().map(CentreWriter::costLine).toList());
        if (c.dedicatedRent() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            put(r, "leaseHolder", c.dedicatedRent().leaseHolder());
            put(r, "rentPerSquareMetreYear", c.dedicatedRent().rentPerSquareMetreYear());
            m.put("dedicatedRent", r);
        }
        return m;
    }

    public static Map<String, Object> entity(LegalEntity e, CentreDocument.EntityDetails details) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "organisationNumber", e.organisationNumber());
        put(m, "name", e.name());
        if (details != null) {
            put(m, "invoiceAddress", details.invoiceAddress());
            put(m, "invoiceReference", details.invoiceReference());
            put(m, "paymentTermsDays", details.paymentTermsDays());
        }
        return m;
    }

    public static Map<String, Object> service(Service s, String costReference) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "id", s.id());
        put(m, "type", s.type());
        put(m, "entity", s.entity());
        put(m, "name", s.name());
        put(m, "from", s.from());
        put(m, "to", s.to());
        m.put("coLocated", s.coLocated());
        put(m, "sharesPremises", s.sharesPremisesGiven());
        if (!s.pools().isEmpty()) {
            m.put("pools", s.pools().stream().sorted().map(Enum::name).toList());
        }
        put(m, "costReference", costReference);
        return m;
    }

    public static Map<String, Object> room(Room r, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "id", r.id());
        put(m, "type", r.type());
        put(m, "name", name);
        put(m, "area", r.area());
        put(m, "service", r.service());
        put(m, "from", r.from());
        put(m, "to", r.to());
        return m;
    }

    public static Map<String, Object> rules(Centre c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Pool pool : Pool.values()) {
            List<PoolRule> list = c.rules().get(pool);
            if (list == null || list.isEmpty()) {
                continue;
            }
            List<Object> rules = new ArrayList<>();
            for (PoolRule r : list) {
                Map<String, Object> rm = new LinkedHashMap<>();
                put(rm, "from", r.from());
                put(rm, "rule", r.rule());
                if (!r.percentages().isEmpty()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    r.percentages().forEach((k, v) -> pm.put(k, plain(v)));
                    rm.put("percentages", pm);
                }
                rules.add(rm);
            }
            m.put(pool.name(), rules);
        }
        return m;
    }

    public static Map<String, Object> coordinator(Coordinator c) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "id", c.id());
        put(m, "name", c.name());
        put(m, "employer", c.employer());
        put(m, "from", c.from());
        put(m, "to", c.to());
        put(m, "monthlySalary", c.monthlySalary());
        if (!c.salaryChanges().isEmpty()) {
            m.put("salaryChanges", amountChanges(c.salaryChanges()));
        }
        put(m, "ftePercent", c.ftePercent());
        if (!c.fteChanges().isEmpty()) {
            m.put("fteChanges", percentChanges(c.fteChanges()));
        }
        put(m, "onCostPercent", c.onCostPercent());
        if (!c.onCostChanges().isEmpty()) {
            m.put("onCostChanges", percentChanges(c.onCostChanges()));
        }
        put(m, "competenceDevelopmentPerYear", c.competenceDevelopmentPerYear());
        put(m, "itPerYear", c.itPerYear());
        put(m, "otherPerYear", c.otherPerYear());
        return m;
    }

    public static Map<String, Object> costLine(CostLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "id", l.id());
        put(m, "name", l.name());
        put(m, "pool", l.pool());
        put(m, "payer", l.payer());
        put(m, "periodicity", l.periodicity());
        put(m, "amount", l.amount());
        put(m, "from", l.from());
        put(m, "to", l.to());
        if (!l.changes().isEmpty()) {
            m.put("changes", amountChanges(l.changes()));
        }
        put(m, "date", l.date());
        put(m, "borneBy", l.borneBy());
        if (l.indexation() != null) {
            m.put("indexation", indexation(l.indexation()));
        }
        return m;
    }

    /** Every part of the clause, defaults too, so the document says what was agreed. */
    private static Map<String, Object> indexation(Indexation x) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "series", x.series());
        put(m, "baseYear", x.baseYear());
        put(m, "share", x.share());
        m.put("floor", x.floor());
        return m;
    }

    private static List<Object> amountChanges(List<AmountChange> changes) {
        List<Object> list = new ArrayList<>();
        for (AmountChange ch : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "from", ch.from());
            put(m, "amount", ch.amount());
            list.add(m);
        }
        return list;
    }

    private static List<Object> percentChanges(List<PercentChange> changes) {
        List<Object> list = new ArrayList<>();
        for (PercentChange ch : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "from", ch.from());
            put(m, "percent", ch.percent());
            list.add(m);
        }
        return list;
    }

    /** Puts a value in its JSON form: decimals and money as plain strings, dates ISO, enums by name. */
    public static void put(Map<String, Object> m, String key, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof MonetaryAmount amount) {
            m.put(key, plain(Sek.decimal(amount)));
        } else if (value instanceof BigDecimal d) {
            m.put(key, plain(d));
        } else if (value instanceof LocalDate d) {
            m.put(key, d.toString());
        } else if (value instanceof Enum<?> e) {
            m.put(key, e.name());
        } else {
            m.put(key, value);
        }
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
