package se.familycentre.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Violation;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioReport;
import se.familycentre.scenario.ScenarioRun;
import se.familycentre.statement.CsvCells;
import se.familycentre.statement.SwedishTerms;

/**
 * A scenario's report as CSV, written as the statements' CSV is ({@link CsvCells}: UTF-8 with BOM,
 * semicolons, decimal comma, Swedish headings): one row per section, period and legal entity.
 * The sections: each calendar year of the plan ({@code år}), each quarter of its first year
 * ({@code kvartal}), each frame exceeded ({@code budgetram}), the plan under each premises rule
 * ({@code lokalregel}) and without each service ({@code utan verksamhet}), both with the
 * difference from the plan ({@link ScenarioReport#difference}), and the warnings ({@code varning}).
 * A variant the rules refuse has a row per reason instead. Every amount is the report's, to the öre.
 */
public final class ScenarioCsv {

    /** The columns, in Swedish; the pools named as on the statements ({@link SwedishTerms#pool}). */
    static final String HEADER = "Avsnitt;Variant;Beskrivning;Period;Från;Till;Org.nr;Part;"
            + String.join(";", java.util.Arrays.stream(Pool.values()).map(SwedishTerms::pool).toList())
            + ";Totalt;Utbetalt;Ersätts med;Ersätter;Budgetram;Överskrids med;Skillnad mot planen;Anmärkning";

    /** The remark is the last column. */
    private static final int REMARK = HEADER.split(";").length - 1;

    static final String YEAR = "år";
    static final String QUARTER = "kvartal";
    static final String FRAME = "budgetram";
    static final String RULE = "lokalregel";
    static final String WITHOUT = "utan verksamhet";
    static final String WARNING = "varning";
    static final String PLAN = "plan";

    private ScenarioCsv() {
    }

    public static byte[] write(ScenarioReport report) {
        StringBuilder out = new StringBuilder(HEADER).append(CsvCells.LINE_END);
        ScenarioRun.Result plan = report.plan();
        for (ScenarioRun.PeriodResult y : plan.years()) {
            costs(out, YEAR, PLAN, "Planen", String.valueOf(y.period().from().getYear()), y, null);
        }
        for (ScenarioRun.PeriodResult q : plan.quarters()) {
            costs(out, QUARTER, PLAN, "Planen", quarter(q.period()), q, null);
        }
        for (ScenarioRun.FrameExceeded f : plan.frames()) {
            List<String> cells = head(FRAME, PLAN, "Planen", String.valueOf(f.year()), f.period(),
                    f.organisationNumber(), entityName(plan, f.organisationNumber()));
            for (int i = 0; i < Pool.values().length; i++) {
                cells.add("");
            }
            cells.add(CsvCells.money(f.cost()));
            cells.add("");
            cells.add("");
            cells.add("");
            cells.add(CsvCells.money(f.frame()));
            cells.add(CsvCells.money(f.by()));
            cells.add("");
            cells.add("");
            CsvCells.row(out, cells);
        }
        report.premisesRules().forEach((kind, outcome) ->
                variant(out, RULE, kind.name(), SwedishTerms.ruleKind(kind), outcome, plan));
        report.withoutEachService().forEach((id, outcome) ->
                variant(out, WITHOUT, id, "Utan " + serviceName(plan.scenario(), id), outcome, plan));
        for (Allocation.Warning w : plan.warnings()) {
            List<String> cells = new ArrayList<>(List.of(CsvCells.text(WARNING), CsvCells.text(w.code())));
            while (cells.size() < REMARK) {
                cells.add("");
            }
            cells.add(CsvCells.text(w.message()));
            CsvCells.row(out, cells);
        }
        return CsvCells.bytes(out);
    }

    /** A variant's years with the difference from the plan, or a row per reason the rules refuse it. */
    private static void variant(StringBuilder out, String section, String code, String description,
                                ScenarioRun.Outcome outcome, ScenarioRun.Result plan) {
        if (outcome instanceof ScenarioRun.Refused refused) {
            for (Violation v : refused.violations()) {
                List<String> cells = new ArrayList<>(List.of(CsvCells.text(section), CsvCells.text(code),
                        CsvCells.text(description)));
                while (cells.size() < REMARK) {
                    cells.add("");
                }
                cells.add(CsvCells.text("Kan inte beräknas: " + v.reason() + " (" + v.field() + ")"));
                CsvCells.row(out, cells);
            }
            return;
        }
        ScenarioRun.Result r = (ScenarioRun.Result) outcome;
        Map<String, Map<Integer, MonetaryAmount>> difference = ScenarioReport.difference(r, plan);
        for (ScenarioRun.PeriodResult y : r.years()) {
            costs(out, section, code, description, String.valueOf(y.period().from().getYear()), y, difference);
        }
    }

    /** A row per legal entity of the period: per pool, total, paid out, reimbursed, reimburses. */
    private static void costs(StringBuilder out, String section, String code, String description, String label,
                              ScenarioRun.PeriodResult p, Map<String, Map<Integer, MonetaryAmount>> difference) {
        for (ScenarioRun.EntityCost e : p.entities()) {
            List<String> cells = head(section, code, description, label, p.period(), e.organisationNumber(), e.name());
            for (Pool pool : Pool.values()) {
                MonetaryAmount a = e.byPool().get(pool);
                cells.add(a == null ? "0,00" : CsvCells.money(a));
            }
            cells.add(CsvCells.money(e.total()));
            cells.add(CsvCells.money(e.paidOut()));
            cells.add(CsvCells.money(e.reimbursed()));
            cells.add(CsvCells.money(e.reimburses()));
            cells.add("");
            cells.add("");
            MonetaryAmount d = difference == null ? null
                    : difference.getOrDefault(e.organisationNumber(), Map.of()).get(p.period().from().getYear());
            cells.add(d == null ? "" : CsvCells.money(d));
            cells.add("");
            CsvCells.row(out, cells);
        }
    }

    private static List<String> head(String section, String code, String description, String label, Period period,
                                     String organisationNumber, String name) {
        return new ArrayList<>(List.of(CsvCells.text(section), CsvCells.text(code), CsvCells.text(description),
                CsvCells.text(label), period.from().toString(), period.to().toString(),
                CsvCells.text(organisationNumber), CsvCells.text(name)));
    }

    /** {@code 2027-Q3}, also for the first quarter cut to start at the start date. */
    private static String quarter(Period p) {
        return p.from().getYear() + "-Q" + ((p.from().getMonthValue() - 1) / 3 + 1);
    }

    private static String serviceName(Scenario s, String id) {
        return s.services().stream().filter(p -> p.id().equals(id)).findFirst().map(Scenario.PlannedService::name)
                .orElse(id);
    }

    private static String entityName(ScenarioRun.Result r, String organisationNumber) {
        return r.scenario().entities().stream().filter(e -> e.organisationNumber().equals(organisationNumber))
                .findFirst().map(se.familycentre.allocation.LegalEntity::name).orElse(organisationNumber);
    }
}
