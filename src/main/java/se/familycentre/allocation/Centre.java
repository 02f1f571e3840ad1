package se.familycentre.allocation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A whole centre as the engine sees it. The order of {@code services} is
 * significant: it breaks rounding ties (RULES §1, §4). Pools without a rule
 * are shared {@code EQUAL}; the {@code COORDINATOR} pool is always equal.
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
        return list == null || list.isEmpty() ? List.of(PoolRule.equal()) : list;
    }

    /**
     * The dated rules that share the pool's costs: the centre's own, unless the
     * agreement fixes the pool's rule ({@link Pool#mandatoryRule()}), which then
     * holds throughout.
     */
    public List<PoolRule> rulesInForce(Pool pool) {
        return pool.mandatoryRule() == null ? rulesOf(pool)
                : List.of(new PoolRule(null, pool.mandatoryRule(), java.util.Map.of()));
    }

    /** The rule that shares the pool's costs on the day. */
    public PoolRule ruleOn(Pool pool, java.time.LocalDate day) {
        return Dated.inForceOn(rulesInForce(pool), PoolRule::from, day);
    }
}
