package se.familycentre.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.RuleKind;

/** The plans a scenario is compared with (issue 11): under each premises rule, and without each service. */
public final class ScenarioVariants {

    private ScenarioVariants() {
    }

    /**
     * The scenario under each premises rule it can take (RULES §2): equal and by area, and by
     * percentages when the scenario gives them; the scenario's own rule among them.
     */
    public static Map<RuleKind, Scenario> premisesRules(Scenario s) {
        Map<RuleKind, Scenario> variants = new LinkedHashMap<>();
        PoolRule own = s.rules().get(Pool.PREMISES);
        for (RuleKind kind : RuleKind.values()) {
            PoolRule rule = kind == RuleKind.PERCENT ? (own != null && own.rule() == RuleKind.PERCENT ? own : null)
                    : new PoolRule(null, kind, Map.of());
            if (rule != null) {
                Map<Pool, PoolRule> rules = new LinkedHashMap<>(s.rules());
                rules.put(Pool.PREMISES, rule);
                variants.put(kind, s.withRules(rules));
            }
        }
        return variants;
    }

    /**
     * The scenario without each of its services in turn, keyed by the service left out: who pays
     * what if that service does not join. A service that employs the coordinator, pays the premises
     * or pays a shared cost cannot be left out of the plan without changing it otherwise, and is not.
     */
    public static Map<String, Scenario> withoutEachService(Scenario s) {
        String employer = s.coordinator() == null ? null : s.coordinator().employer();
        Map<String, Scenario> variants = new LinkedHashMap<>();
        for (Scenario.PlannedService left : s.services()) {
            boolean paysACost = s.sharedCosts().stream().anyMatch(c -> left.id().equals(c.payer()));
            if (left.id().equals(employer) || left.id().equals(s.premisesPayer()) || paysACost || s.services().size() < 2) {
                continue;
            }
            // it joins the day after the horizon: absent throughout, as RULES §2 treats an absent member
            // (a percentage rule naming it is renormalised over the others), yet still a service of the plan
            Scenario.PlannedService never = new Scenario.PlannedService(left.id(), left.type(), left.entity(),
                    left.name(), s.end().plusDays(1), left.coLocated(), left.dedicatedArea());
            variants.put(left.id(), s.withServices(s.services().stream().map(p -> p == left ? never : p).toList()));
        }
        return variants;
    }
}
