package se.familycentre.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.Sek;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioReport;
import se.familycentre.scenario.ScenarioRun;
import se.familycentre.statement.SwedishFormat;
import se.familycentre.statement.SwedishTerms;

/**
 * A computed plan as the simulator's page shows it (issue 12): each year's and the first year's
 * quarters' tables per party, the frames exceeded in words, the warnings and the chart's data; and
 * apart, the rule comparison and the service comparison; all amounts in Swedish formats, from the same
 * {@link ScenarioReport} the API, the PDF and the CSV are written from.
 */
final class ScenarioResults {

    private ScenarioResults() {
    }

    static Map<String, Object> of(ScenarioRun.Result plan) {
        Scenario s = plan.scenario();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pools", java.util.Arrays.stream(Pool.values()).map(SwedishTerms::pool).toList());
        m.put("range", SwedishFormat.date(s.start()) + " – " + SwedishFormat.date(s.end()));
        m.put("rule", SwedishTerms.ruleKind(own(s)));
        m.put("years", plan.years().stream().map(y -> period(plan, y, true)).toList());
        m.put("quarters", plan.quarters().stream().map(q -> period(plan, q, false)).toList());
        m.put("warnings", plan.warnings().stream().map(w -> w.message()).toList());
        m.put("frames", plan.frames().stream().map(f -> name(s, f.organisationNumber()) + " " + f.year()
                + ": kostnaden " + SwedishFormat.amount(f.cost()) + " är över ramen med " + SwedishFormat.amount(f.by())
                + " (ram " + SwedishFormat.amount(f.frame()) + ")").toList());
        m.put("chart", chart(plan));
        m.put("chartRows", chartRows(plan));
        return m;
    }

    /** The plan under each premises rule ({@code ruleComparison}) and without each service ({@code serviceComparison}). */
    static Map<String, Object> comparisons(ScenarioReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleComparison", rules(report));
        m.put("serviceComparison", services(report));
        return m;
    }

    /** The plan's premises rule (equal when it names none). */
    static RuleKind own(Scenario s) {
        PoolRule r = s.rules().get(Pool.PREMISES);
        return r == null || r.rule() == null ? RuleKind.EQUAL : r.rule();
    }

    static String name(Scenario s, String org) {
        return s.entities().stream().filter(e -> e.organisationNumber().equals(org)).findFirst()
                .map(e -> (e.name() == null ? "" : e.name() + " ") + "(" + org + ")").orElse(org);
    }

    private static Map<String, Object> period(ScenarioRun.Result plan, ScenarioRun.PeriodResult p, boolean year) {
        Scenario s = plan.scenario();
        int y = p.period().from().getYear();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", y);
        m.put("label", year ? String.valueOf(y) : "kvartal " + ((p.period().from().getMonthValue() - 1) / 3 + 1) + " " + y);
        m.put("range", SwedishFormat.date(p.period().from()) + " – " + SwedishFormat.date(p.period().to()));
        m.put("key", year ? String.valueOf(y) : "q" + y + "-" + ((p.period().from().getMonthValue() - 1) / 3 + 1));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScenarioRun.EntityCost e : p.entities()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("org", e.organisationNumber());
            r.put("name", name(s, e.organisationNumber()));
            List<String> pools = new ArrayList<>();
            List<String> poolKeys = new ArrayList<>();
            for (Pool pool : Pool.values()) {
                MonetaryAmount a = e.byPool().get(pool);
                pools.add(a == null ? SwedishFormat.amount(Sek.sek(java.math.BigDecimal.ZERO.setScale(2))) : SwedishFormat.amount(a));
                poolKeys.add(pool.name());
            }
            r.put("pools", pools);
            r.put("poolKeys", poolKeys);
            r.put("total", SwedishFormat.amount(e.total()));
            r.put("paidOut", SwedishFormat.amount(e.paidOut()));
            r.put("reimbursed", SwedishFormat.amount(e.reimbursed()));
            r.put("reimburses", SwedishFormat.amount(e.reimburses()));
            String frame = "";
            boolean over = false;
            if (year) {
                MonetaryAmount f = s.frames().get(e.organisationNumber());
                ScenarioRun.FrameExceeded ex = plan.frames().stream()
                        .filter(x -> x.organisationNumber().equals(e.organisationNumber()) && x.year() == y)
                        .findFirst().orElse(null);
                if (ex != null) {
                    over = true;
                    frame = "över ramen med " + SwedishFormat.amount(ex.by());
                } else if (f != null) {
                    frame = "inom ramen (" + SwedishFormat.amount(f) + ")";
                } else {
                    frame = "ingen ram";
                }
            }
            r.put("frame", frame);
            r.put("over", over);
            rows.add(r);
        }
        m.put("rows", rows);
        return m;
    }

    /** Each party's yearly cost per pool, for the stacked chart: years, pools and, per party, per pool, a number a year. */
    private static Map<String, Object> chart(ScenarioRun.Result plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("years", plan.years().stream().map(y -> String.valueOf(y.period().from().getYear())).toList());
        m.put("pools", java.util.Arrays.stream(Pool.values()).map(SwedishTerms::pool).toList());
        List<Map<String, Object>> parties = new ArrayList<>();
        for (LegalEntity e : plan.scenario().entities()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", e.name() == null ? e.organisationNumber() : e.name());
            List<List<String>> byPool = new ArrayList<>();
            for (Pool pool : Pool.values()) {
                List<String> values = new ArrayList<>();
                for (ScenarioRun.PeriodResult y : plan.years()) {
                    values.add(y.entities().stream().filter(c -> c.organisationNumber().equals(e.organisationNumber()))
                            .findFirst().map(c -> c.byPool().get(pool)).map(Sek::plain).orElse("0.00"));
                }
                byPool.add(values);
            }
            p.put("pools", byPool);
            parties.add(p);
        }
        m.put("parties", parties);
        return m;
    }

    /** The chart's figures as a table: party, year, each pool and the total. */
    private static List<Map<String, Object>> chartRows(ScenarioRun.Result plan) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LegalEntity e : plan.scenario().entities()) {
            for (ScenarioRun.PeriodResult y : plan.years()) {
                y.entities().stream().filter(c -> c.organisationNumber().equals(e.organisationNumber())).findFirst()
                        .ifPresent(c -> {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("name", name(plan.scenario(), e.organisationNumber()));
                            r.put("year", y.period().from().getYear());
                            List<String> pools = new ArrayList<>();
                            for (Pool pool : Pool.values()) {
                                MonetaryAmount a = c.byPool().get(pool);
                                pools.add(a == null ? "0,00 kr".replace(' ', SwedishFormat.NBSP) : SwedishFormat.amount(a));
                            }
                            r.put("pools", pools);
                            r.put("total", SwedishFormat.amount(c.total()));
                            rows.add(r);
                        });
            }
        }
        return rows;
    }

    /** The plan under each premises rule, side by side: per party and year each rule's total and its difference from the plan. */
    private static Map<String, Object> rules(ScenarioReport report) {
        ScenarioRun.Result plan = report.plan();
        RuleKind own = own(plan.scenario());
        List<Map<String, Object>> heads = new ArrayList<>();
        List<Map<String, Map<Integer, MonetaryAmount>>> results = new ArrayList<>();
        List<Map<String, Map<Integer, MonetaryAmount>>> diffs = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        report.premisesRules().forEach((kind, outcome) -> {
            if (outcome instanceof ScenarioRun.Result r) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("name", SwedishTerms.ruleKind(kind) + (kind == own ? " (planens regel)" : ""));
                h.put("key", kind.name());
                heads.add(h);
                results.add(ScenarioRun.totals(r));
                diffs.add(ScenarioReport.difference(r, plan));
            } else {
                refused.add(SwedishTerms.ruleKind(kind) + ": kan inte beräknas med planens uppgifter.");
            }
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Map<Integer, MonetaryAmount>> base = ScenarioRun.totals(plan);
        base.forEach((org, years) -> years.forEach((year, amount) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name(plan.scenario(), org));
            row.put("year", year);
            row.put("plan", SwedishFormat.amount(amount));
            List<Map<String, String>> cells = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                MonetaryAmount total = results.get(i).getOrDefault(org, Map.of()).get(year);
                MonetaryAmount diff = diffs.get(i).getOrDefault(org, Map.of()).get(year);
                cells.add(Map.of("total", total == null ? "–" : SwedishFormat.amount(total),
                        "difference", diff == null ? "–" : signed(diff)));
            }
            row.put("cells", cells);
            rows.add(row);
        }));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heads", heads);
        m.put("rows", rows);
        m.put("refused", refused);
        return m;
    }

    /** The plan without each service that can be left out: per party and year the total and the difference from the plan. */
    private static List<Map<String, Object>> services(ScenarioReport report) {
        ScenarioRun.Result plan = report.plan();
        List<Map<String, Object>> out = new ArrayList<>();
        report.withoutEachService().forEach((id, outcome) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", serviceName(plan.scenario(), id));
            m.put("id", id);
            if (outcome instanceof ScenarioRun.Result r) {
                Map<String, Map<Integer, MonetaryAmount>> totals = ScenarioRun.totals(r);
                Map<String, Map<Integer, MonetaryAmount>> diff = ScenarioReport.difference(r, plan);
                List<Map<String, Object>> rows = new ArrayList<>();
                diff.forEach((org, years) -> years.forEach((year, d) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", name(plan.scenario(), org));
                    row.put("year", year);
                    MonetaryAmount t = totals.getOrDefault(org, Map.of()).get(year);
                    row.put("total", t == null ? "–" : SwedishFormat.amount(t));
                    row.put("difference", signed(d));
                    rows.add(row);
                }));
                m.put("rows", rows);
                m.put("refused", List.of());
            } else {
                m.put("rows", List.of());
                m.put("refused", ((ScenarioRun.Refused) outcome).violations().stream()
                        .map(v -> v.field() + ": " + v.reason()).toList());
            }
            out.add(m);
        });
        return out;
    }

    static String serviceName(Scenario s, String id) {
        return s.services().stream().filter(p -> p.id().equals(id)).findFirst()
                .map(p -> p.name() != null ? p.name() : SwedishTerms.serviceType(p.type()) + " (" + id + ")").orElse(id);
    }

    /** An amount with its sign: {@code +1 234,00 kr}, {@code −1 234,00 kr}, {@code 0,00 kr}. */
    static String signed(MonetaryAmount amount) {
        return (amount.signum() > 0 ? "+" : "") + SwedishFormat.amount(amount);
    }

    /** Two plans side by side: per party and year each plan's total and B less A. */
    static List<Map<String, Object>> compare(ScenarioRun.Result a, ScenarioRun.Result b) {
        Map<String, Map<Integer, MonetaryAmount>> ta = ScenarioRun.totals(a);
        Map<String, Map<Integer, MonetaryAmount>> tb = ScenarioRun.totals(b);
        Map<String, Map<Integer, MonetaryAmount>> diff = ScenarioReport.difference(b, a);
        Set<String> orgs = new LinkedHashSet<>(diff.keySet());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String org : orgs) {
            for (int year : new TreeSet<>(diff.get(org).keySet())) {
                Map<String, Object> row = new LinkedHashMap<>();
                String name = a.scenario().entities().stream().anyMatch(e -> e.organisationNumber().equals(org))
                        ? name(a.scenario(), org) : name(b.scenario(), org);
                row.put("org", org);
                row.put("name", name);
                row.put("year", year);
                MonetaryAmount x = ta.getOrDefault(org, Map.of()).get(year);
                MonetaryAmount y = tb.getOrDefault(org, Map.of()).get(year);
                row.put("a", x == null ? "–" : SwedishFormat.amount(x));
                row.put("b", y == null ? "–" : SwedishFormat.amount(y));
                row.put("difference", signed(diff.get(org).get(year)));
                rows.add(row);
            }
        }
        return rows;
    }
}
