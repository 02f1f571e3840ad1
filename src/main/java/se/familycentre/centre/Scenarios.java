package se.familycentre.centre;

import jakarta.inject.Singleton;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.IndexTable;
import se.familycentre.allocation.Violation;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioReport;
import se.familycentre.scenario.ScenarioRun;

/**
 * Scenarios computed with the index values the database holds ({@link IndexValues}), extended by
 * each scenario's assumed change beyond the last October entered.
 */
@Singleton
public class Scenarios {

    private final ScenarioRun run;
    private final IndexValues index;

    public Scenarios(Allocator allocator, IndexValues index) {
        this.run = new ScenarioRun(allocator);
        this.index = index;
    }

    public ScenarioRun.Outcome compute(Scenario scenario) {
        return run.run(scenario, index.table());
    }

    /**
     * The plan with its comparisons, or the rules' refusal of the plan itself (named under {@code plan.}).
     *
     * @throws Refusal.RefusedByRules the plan cannot be computed
     */
    public ScenarioReport report(Scenario scenario) {
        IndexTable table = index.table();
        return run.report(computed(run.run(scenario, table)), table);
    }

    /**
     * What a plan came to, or its refusal as the registry's, each field named under {@code plan.}.
     *
     * @throws Refusal.RefusedByRules the plan cannot be computed
     */
    public static ScenarioRun.Result computed(ScenarioRun.Outcome outcome) {
        if (outcome instanceof ScenarioRun.Refused refused) {
            throw new Refusal.RefusedByRules(refused.violations().stream()
                    .map(v -> new Violation("plan." + v.field(), v.reason())).toList());
        }
        return (ScenarioRun.Result) outcome;
    }

    /** Each calendar quarter of the plan's horizon ({@link ScenarioRun#quarters(Scenario, IndexTable)}). */
    public ScenarioRun.Outcome quarters(Scenario scenario) {
        return run.quarters(scenario, index.table());
    }
}
