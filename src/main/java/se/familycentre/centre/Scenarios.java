package se.familycentre.centre;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.IndexTable;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.RuleKind;
import se.familycentre.scenario.Scenario;
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
     * The scenario under each premises rule it can take (RULES §2): equal and by area, and by
     * percentages when the scenario gives them; the scenario's own rule among them.
     */
    public Map<RuleKind, ScenarioRun.Outcome> premisesRules(Scenario scenario) {
        IndexTable table = index.table();
        Map<RuleKind, ScenarioRun.Outcome> outcomes = new LinkedHashMap<>();
        PoolRule own = scenario.rules().get(Pool.PREMISES);
        for (RuleKind kind : RuleKind.values()) {
            PoolRule rule = kind == RuleKind.PERCENT ? (own != null && own.rule() == RuleKind.PERCENT ? own : null)
                    : new PoolRule(null, kind, Map.of());
            if (rule != null) {
                outcomes.put(kind, run.run(withPremisesRule(scenario, rule), table));
            }
        }
        return outcomes;
    }

    /**
     * The scenario without each of its services in turn, keyed by the service left out: who pays
     * what if that service does not join. A service that employs the coordinator or pays the
     * premises cannot be left out of the plan without changing it otherwise, and is not.
     */
    public Map<String, ScenarioRun.Outcome> withoutEachService(Scenario scenario) {
        IndexTable table = index.table();
        String employer = scenario.coordinator() == null ? null : scenario.coordinator().employer();
        Map<String, ScenarioRun.Outcome> outcomes = new LinkedHashMap<>();
        for (Scenario.PlannedService left : scenario.services()) {
            if (left.id().equals(employer) || left.id().equals(scenario.premisesPayer()) || scenario.services().size() < 2) {
                continue;
            }
            Scenario without = new Scenario(scenario.name(), scenario.start(), scenario.horizonYears(),
                    scenario.entities(), scenario.services().stream().filter(p -> p != left).toList(),
                    scenario.sharedRooms(), scenario.rentPerSquareMetreYear(), scenario.rentIndexation(),
                    scenario.cleaningPerYear(), scenario.otherSharedPerYear(), scenario.premisesPayer(),
                    scenario.coordinator(), scenario.jointActivitiesPerYear(), scenario.rules(), scenario.assumptions(),
                    scenario.frames());
            outcomes.put(left.id(), run.run(without, table));
        }
        return outcomes;
    }

    private static Scenario withPremisesRule(Scenario s, PoolRule rule) {
        Map<Pool, PoolRule> rules = new LinkedHashMap<>(s.rules());
        rules.put(Pool.PREMISES, rule);
        return new Scenario(s.name(), s.start(), s.horizonYears(), s.entities(), s.services(), s.sharedRooms(),
                s.rentPerSquareMetreYear(), s.rentIndexation(), s.cleaningPerYear(), s.otherSharedPerYear(),
                s.premisesPayer(), s.coordinator(), s.jointActivitiesPerYear(), rules, s.assumptions(), s.frames());
    }
}
