package se.familycentre.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.RuleKind;

/**
 * Everything a steering group is shown about one plan (issue 11): the plan computed, the same plan
 * under each premises rule it can take, and the plan without each service that can be left out.
 * The API, the decision basis (PDF) and the CSV are all written from this one value.
 *
 * @param plan               the plan as given
 * @param premisesRules      the plan under each premises rule ({@link ScenarioVariants#premisesRules})
 * @param withoutEachService the plan without each service, keyed by the service's id
 *                           ({@link ScenarioVariants#withoutEachService}); a variant the rules refuse is a
 *                           {@link ScenarioRun.Refused}
 */
public record ScenarioReport(ScenarioRun.Result plan, Map<RuleKind, ScenarioRun.Outcome> premisesRules,
                             Map<String, ScenarioRun.Outcome> withoutEachService) {

    public ScenarioReport {
        premisesRules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(premisesRules));
        withoutEachService = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(withoutEachService));
    }

    /**
     * Per legal entity (organisationsnummer) and calendar year, {@code other}'s total less {@code base}'s:
     * positive where the entity pays more in {@code other}. Entities or years only one side has count
     * as zero on the other.
     */
    public static Map<String, Map<Integer, MonetaryAmount>> difference(ScenarioRun.Result other,
                                                                       ScenarioRun.Result base) {
        Map<String, Map<Integer, MonetaryAmount>> o = ScenarioRun.totals(other);
        Map<String, Map<Integer, MonetaryAmount>> b = ScenarioRun.totals(base);
        Map<String, Map<Integer, MonetaryAmount>> m = new LinkedHashMap<>();
        java.util.Set<String> entities = new java.util.LinkedHashSet<>(b.keySet());
        entities.addAll(o.keySet());
        for (String org : entities) {
            Map<Integer, MonetaryAmount> oy = o.getOrDefault(org, Map.of());
            Map<Integer, MonetaryAmount> by = b.getOrDefault(org, Map.of());
            java.util.TreeSet<Integer> years = new java.util.TreeSet<>(by.keySet());
            years.addAll(oy.keySet());
            Map<Integer, MonetaryAmount> y = new LinkedHashMap<>();
            for (int year : years) {
                MonetaryAmount zero = se.familycentre.allocation.Sek.sek(java.math.BigDecimal.ZERO.setScale(2));
                y.put(year, oy.getOrDefault(year, zero).subtract(by.getOrDefault(year, zero)));
            }
            m.put(org, y);
        }
        return m;
    }
}
