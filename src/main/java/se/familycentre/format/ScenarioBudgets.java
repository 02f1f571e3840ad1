package se.familycentre.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.scenario.ScenarioRun;

/**
 * The budget a decided plan leaves behind (issue 11): each year's and each quarter's cost per legal
 * entity as the plan computed them the day it became a centre, kept as JSON beside the plan. The
 * follow-up compares the centre's outcome with these figures, not with the plan computed again:
 * index values entered since would otherwise move the budget after the decision.
 */
public final class ScenarioBudgets {

    private ScenarioBudgets() {
    }

    /** The budget as decided: on which day, per calendar year and per calendar quarter of the horizon. */
    public record Budget(LocalDate decidedOn, List<Entry> years, List<Entry> quarters) {
    }

    /** One period's cost per legal entity. */
    public record Entry(Period period, List<ScenarioRun.EntityCost> entities) {
    }

    public static String write(LocalDate decidedOn, ScenarioRun.Result years, ScenarioRun.Result quarters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decidedOn", decidedOn.toString());
        m.put("years", entries(years.years()));
        m.put("quarters", entries(quarters.quarters()));
        return JsonTree.write(m);
    }

    public static Budget read(String json) {
        Map<String, Object> m = JsonFields.castMap((Map<?, ?>) JsonTree.parse(json));
        return new Budget(LocalDate.parse((String) m.get("decidedOn")), entries(m.get("years")),
                entries(m.get("quarters")));
    }

    private static List<Object> entries(List<ScenarioRun.PeriodResult> periods) {
        List<Object> out = new ArrayList<>();
        for (ScenarioRun.PeriodResult p : periods) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("from", p.period().from().toString());
            e.put("to", p.period().to().toString());
            List<Object> entities = new ArrayList<>();
            for (ScenarioRun.EntityCost c : p.entities()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("organisationNumber", c.organisationNumber());
                x.put("name", c.name());
                Map<String, Object> pools = new LinkedHashMap<>();
                c.byPool().forEach((pool, amount) -> pools.put(pool.name(), Sek.decimal(amount)));
                x.put("byPool", pools);
                x.put("total", Sek.decimal(c.total()));
                x.put("paidOut", Sek.decimal(c.paidOut()));
                x.put("reimbursed", Sek.decimal(c.reimbursed()));
                x.put("reimburses", Sek.decimal(c.reimburses()));
                entities.add(x);
            }
            e.put("entities", entities);
            out.add(e);
        }
        return out;
    }

    private static List<Entry> entries(Object list) {
        List<Entry> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            Map<String, Object> e = JsonFields.castMap((Map<?, ?>) o);
            List<ScenarioRun.EntityCost> costs = new ArrayList<>();
            for (Object c : (List<?>) e.get("entities")) {
                Map<String, Object> x = JsonFields.castMap((Map<?, ?>) c);
                Map<Pool, MonetaryAmount> byPool = new EnumMap<>(Pool.class);
                JsonFields.castMap((Map<?, ?>) x.get("byPool")).forEach((pool, amount) ->
                        byPool.put(Pool.valueOf(pool), Sek.sek((BigDecimal) amount)));
                costs.add(new ScenarioRun.EntityCost((String) x.get("organisationNumber"), (String) x.get("name"), byPool,
                        money(x, "total"), money(x, "paidOut"), money(x, "reimbursed"), money(x, "reimburses")));
            }
            out.add(new Entry(new Period(LocalDate.parse((String) e.get("from")), LocalDate.parse((String) e.get("to"))),
                    costs));
        }
        return out;
    }

    private static MonetaryAmount money(Map<String, Object> m, String key) {
        return Sek.sek((BigDecimal) m.get(key));
    }
}
