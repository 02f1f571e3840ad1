package se.familycentre.allocation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A whole centre as the engine sees it. The order of {@code services} is
 * significant: it breaks rounding ties (RULES §1, §4). Pools without a rule
 * are shared {@code EQUAL}; a pool whose rule the agreement fixes is shared by
 * that rule ({@link #rulesInForce}).
 */
public record Centre(
        String name,
        List<LegalEntity> entities,
        List<Service> services,
        List<Room> rooms,
        Map<Pool, List<PoolRule>> rules,
        List<Coordinator> coordinators,
        List<CostLine> costLines,
        DedicatedRent dedicatedRent) {

    private static final List<PoolRule> EQUAL_THROUGHOUT = List.of(PoolRule.equal());
    /** The pools whose rule the agreement fixes, each with that rule holding throughout. */
    private static final Map<Pool, List<PoolRule>> MANDATORY_RULES = new EnumMap<>(Pool.class);

    static {
        for (Pool pool : Pool.values()) {
            if (pool.mandatoryRule() != null) {
                MANDATORY_RULES.put(pool, List.of(new PoolRule(null, pool.mandatoryRule(), Map.of())));
            }
        }
    }

    public Centre {
        entities = entities == null ? List.of() : List.copyOf(entities);
        services = services == null ? List.of() : List.copyOf(services);
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
        Map<Pool, List<PoolRule>> copy = new EnumMap<>(Pool.class);
        if (rules != null) {
            rules.forEach((pool, list) -> copy.put(pool, List.copyOf(list)));
        }
        rules = java.util.Collections.unmodifiableMap(copy);
        coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
        costLines = costLines == null ? List.of() : List.copyOf(costLines);
    }

    /** The dated rules of a pool as the centre states them; a pool with none is {@code EQUAL} throughout. */
    public List<PoolRule> rulesOf(Pool pool) {
        List<PoolRule> list = rules.get(pool);
        return list == null || list.isEmpty() ? EQUAL_THROUGHOUT : list;
    }

    /**
     * The dated rules that share the pool's costs: the centre's own, unless the
     * agreement fixes the pool's rule ({@link Pool#mandatoryRule()}), which then
     * holds throughout.
     */
    public List<PoolRule> rulesInForce(Pool pool) {
        List<PoolRule> fixed = MANDATORY_RULES.get(pool);
        return fixed != null ? fixed : rulesOf(pool);
    }
}
