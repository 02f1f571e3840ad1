package se.familycentre.centre;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.IndexTable;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.Violation;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioReport;
import se.familycentre.scenario.ScenarioRun;
import se.familycentre.scenario.ScenarioVariants;

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
        return new ScenarioReport(computed(compute(scenario)), premisesRules(scenario), withoutEachService(scenario));
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

    /** The scenario under each premises rule ({@link ScenarioVariants#premisesRules}). */
    public Map<RuleKind, ScenarioRun.Outcome> premisesRules(Scenario scenario) {
        return runAll(ScenarioVariants.premisesRules(scenario));
    }

    /** The scenario without each service that can be left out ({@link ScenarioVariants#withoutEachService}). */
    public Map<String, ScenarioRun.Outcome> withoutEachService(Scenario scenario) {
        return runAll(ScenarioVariants.withoutEachService(scenario));
    }

    private <K> Map<K, ScenarioRun.Outcome> runAll(Map<K, Scenario> variants) {
        IndexTable table = index.table();
        Map<K, ScenarioRun.Outcome> outcomes = new LinkedHashMap<>();
        variants.forEach((k, s) -> outcomes.put(k, run.run(s, table)));
        return outcomes;
    }
}
