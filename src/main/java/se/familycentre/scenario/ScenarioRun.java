package se.familycentre.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.IndexTable;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Violation;

/**
 * Computes a scenario (RULES §7): the planned centre ({@link ScenarioExpansion}) allocated by the
 * engine for each calendar year of the horizon (the first from the start date, the last to the
 * horizon's end) and each calendar quarter of the first year, each an ordinary allocation of its own
 * period, rounded per RULES §4; index series extended beyond their last known October by the
 * assumed yearly change; and each legal entity's year compared with its budget frame.
 */
public final class ScenarioRun {

    private final Allocator allocator;

    public ScenarioRun(Allocator allocator) {
        this.allocator = allocator;
    }

    /** What the scenario comes to, or the engine's refusal of the centre it expands to. */
    public sealed interface Outcome {
    }

    public record Refused(List<Violation> violations) implements Outcome {
    }

    /**
     * @param years         each calendar year of the horizon
     * @param quarters      each calendar quarter of the first year
     * @param frames        each budget frame exceeded, by year
     * @param warnings      what the steering group should know, in Swedish ({@link ScenarioWarnings}); a plan is
     *                      warned, not refused
     */
    public record Result(Scenario scenario, Centre centre, List<PeriodResult> years, List<PeriodResult> quarters,
                         List<FrameExceeded> frames, List<Allocation.Warning> warnings) implements Outcome {
    }

    /** One period's allocation, and what it comes to for each legal entity. */
    public record PeriodResult(Period period, Allocation allocation, List<EntityCost> entities) {
    }

    /**
     * A legal entity's period: its services' rounded shares per pool and in total, what its services
     * paid out, what the other entities reimburse it, and what it reimburses them.
     */
    public record EntityCost(String organisationNumber, String name, Map<Pool, MonetaryAmount> byPool,
                             MonetaryAmount total, MonetaryAmount paidOut, MonetaryAmount reimbursed,
                             MonetaryAmount reimburses) {
    }

    /** A year whose cost is above the entity's frame, and by how much. */
    public record FrameExceeded(String organisationNumber, int year, Period period, MonetaryAmount frame,
                                MonetaryAmount cost, MonetaryAmount by) {
    }

    /** What the scenario comes to per calendar year and per quarter of its first year. */
    public Outcome run(Scenario scenario, IndexTable known) {
        return run(scenario, known, true);
    }

    /**
     * The computed plan with its comparisons ({@link ScenarioReport}), with the index values the plan
     * was computed with. A variant is compared by calendar year, so only the plan has its first year's
     * quarters; the variant under the plan's own premises rule is the plan, not computed twice.
     */
    public ScenarioReport report(Result plan, IndexTable known) {
        Scenario scenario = plan.scenario();
        Map<RuleKind, Outcome> rules = new LinkedHashMap<>();
        ScenarioVariants.premisesRules(scenario).forEach((kind, variant) ->
                rules.put(kind, variant.equals(scenario) ? plan : run(variant, known, false)));
        Map<String, Outcome> without = new LinkedHashMap<>();
        ScenarioVariants.withoutEachService(scenario).forEach((id, variant) ->
                without.put(id, run(variant, known, false)));
        return new ScenarioReport(plan, rules, without);
    }

    private Outcome run(Scenario scenario, IndexTable known, boolean withQuarters) {
        Centre centre = ScenarioExpansion.expand(scenario);
        IndexTable index = known.extendedBy(scenario.assumptions().indexChangePercent().movePointLeft(2),
                scenario.end().getYear());
        List<PeriodResult> years = new ArrayList<>();
        List<PeriodResult> quarters = new ArrayList<>();
        for (Period p : years(scenario)) {
            AllocationOutcome outcome = allocator.allocatePlan(centre, p, index);
            if (outcome instanceof AllocationOutcome.Refused r) {
                return new Refused(r.violations());
            }
            Allocation a = ((AllocationOutcome.Allocated) outcome).allocation();
            years.add(new PeriodResult(p, a, entities(centre, a)));
        }
        for (Period p : withQuarters ? quarters(scenario) : List.<Period>of()) {
            Allocation a = ((AllocationOutcome.Allocated) allocator.allocatePlan(centre, p, index)).allocation();
            quarters.add(new PeriodResult(p, a, entities(centre, a)));
        }
        return new Result(scenario, centre, years, quarters, frames(scenario, years), ScenarioWarnings.of(scenario, years));
    }

    /**
     * Each calendar quarter of the horizon (the first cut to start at the start date, the last to end
     * at the horizon's end), as the plan computes it: the budget a centre made from the plan is
     * followed up against, quarter by quarter, as its statements are issued.
     */
    public Outcome quarters(Scenario scenario, IndexTable known) {
        Centre centre = ScenarioExpansion.expand(scenario);
        IndexTable index = known.extendedBy(scenario.assumptions().indexChangePercent().movePointLeft(2),
                scenario.end().getYear());
        List<PeriodResult> quarters = new ArrayList<>();
        for (Period year : years(scenario)) {
            for (Period p : quartersOf(year)) {
                AllocationOutcome outcome = allocator.allocatePlan(centre, p, index);
                if (outcome instanceof AllocationOutcome.Refused r) {
                    return new Refused(r.violations());
                }
                Allocation a = ((AllocationOutcome.Allocated) outcome).allocation();
                quarters.add(new PeriodResult(p, a, entities(centre, a)));
            }
        }
        return new Result(scenario, centre, List.of(), quarters, List.of(), List.of());
    }

    /** The calendar years of the horizon, the first from the start, the last to the horizon's end. */
    static List<Period> years(Scenario s) {
        List<Period> years = new ArrayList<>();
        for (int y = s.start().getYear(); y <= s.end().getYear(); y++) {
            LocalDate from = y == s.start().getYear() ? s.start() : LocalDate.of(y, 1, 1);
            LocalDate to = y == s.end().getYear() ? s.end() : LocalDate.of(y, 12, 31);
            years.add(new Period(from, to));
        }
        return years;
    }

    /** The calendar quarters of the first year, the first cut to start at the start date. */
    static List<Period> quarters(Scenario s) {
        return quartersOf(years(s).get(0));
    }

    /** The calendar quarters of a year's period, the first and last cut to the period. */
    static List<Period> quartersOf(Period first) {
        List<Period> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            LocalDate from = LocalDate.of(first.from().getYear(), 3 * q + 1, 1);
            LocalDate to = from.plusMonths(3).minusDays(1);
            if (to.isBefore(first.from()) || from.isAfter(first.to())) {
                continue;
            }
            quarters.add(new Period(from.isBefore(first.from()) ? first.from() : from,
                    to.isAfter(first.to()) ? first.to() : to));
        }
        return quarters;
    }

    /** Each legal entity's cost, payments and reimbursements in an allocation of the centre. */
    public static List<EntityCost> entities(Centre centre, Allocation a) {
        List<EntityCost> costs = new ArrayList<>();
        for (LegalEntity e : centre.entities()) {
            Map<Pool, MonetaryAmount> byPool = new EnumMap<>(Pool.class);
            MonetaryAmount total = zero();
            MonetaryAmount paid = zero();
            for (Allocation.ServiceTotal t : a.services()) {
                if (!t.entity().equals(e.organisationNumber())) {
                    continue;
                }
                t.byPool().forEach((pool, amount) -> byPool.merge(pool, amount, MonetaryAmount::add));
                total = total.add(t.total());
                paid = paid.add(t.paid());
            }
            MonetaryAmount reimbursed = zero();
            MonetaryAmount reimburses = zero();
            for (Allocation.Flow f : a.flows()) {
                if (f.internal()) {
                    continue;
                }
                if (f.creditor().equals(e.organisationNumber())) {
                    reimbursed = reimbursed.add(f.amount());
                }
                if (f.debtor().equals(e.organisationNumber())) {
                    reimburses = reimburses.add(f.amount());
                }
            }
            costs.add(new EntityCost(e.organisationNumber(), e.name(), byPool, total, paid, reimbursed, reimburses));
        }
        return costs;
    }

    static List<FrameExceeded> frames(Scenario s, List<PeriodResult> years) {
        List<FrameExceeded> exceeded = new ArrayList<>();
        for (PeriodResult y : years) {
            for (EntityCost e : y.entities()) {
                MonetaryAmount frame = s.frames().get(e.organisationNumber());
                if (frame != null && e.total().isGreaterThan(frame)) {
                    exceeded.add(new FrameExceeded(e.organisationNumber(), y.period().from().getYear(), y.period(), frame,
                            e.total(), e.total().subtract(frame)));
                }
            }
        }
        return exceeded;
    }

    private static MonetaryAmount zero() {
        return Sek.sek(java.math.BigDecimal.ZERO.setScale(2));
    }

    /** Costs per legal entity and year, for tables: organisationsnummer → year → total. */
    public static Map<String, Map<Integer, MonetaryAmount>> totals(Result r) {
        Map<String, Map<Integer, MonetaryAmount>> m = new LinkedHashMap<>();
        for (PeriodResult y : r.years()) {
            for (EntityCost e : y.entities()) {
                m.computeIfAbsent(e.organisationNumber(), k -> new LinkedHashMap<>()).put(y.period().from().getYear(),
                        e.total());
            }
        }
        return m;
    }
}
