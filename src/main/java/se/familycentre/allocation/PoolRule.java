package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A pool's rule from a date (RULES §3: a dated list, the first holding from the
 * start, so its {@code from} may be {@code null}). {@code percentages} maps a
 * service id to its percentage under {@code PERCENT}.
 */
public record PoolRule(LocalDate from, RuleKind rule, Map<String, BigDecimal> percentages) {

    public PoolRule {
        percentages = percentages == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(percentages));
    }

    public static PoolRule equal() {
        return new PoolRule(null, RuleKind.EQUAL, Map.of());
    }
}
