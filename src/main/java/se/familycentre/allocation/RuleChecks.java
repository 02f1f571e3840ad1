package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The pools' dated rules (RULES §2, §3): the first holds from the start, each
 * later one from a later date; a pool whose rule the agreement fixes takes no
 * other; percentages go to possible members only and add up to exactly 100.
 */
final class RuleChecks {

    private static final Field RULES = Field.root("rules");

    private final Centre centre;
    private final Checks checks;

    RuleChecks(Centre centre, Checks checks) {
        this.centre = centre;
        this.checks = checks;
    }

    void check() {
        for (Map.Entry<Pool, List<PoolRule>> entry : centre.rules().entrySet()) {
            Pool pool = entry.getKey();
            List<PoolRule> list = entry.getValue();
            LocalDate previous = null;
            for (int k = 0; k < list.size(); k++) {
                PoolRule rule = list.get(k);
                Field path = RULES.dot(String.valueOf(pool)).at(k);
                if (k == 0 && rule.from() != null) {
                    checks.add(path.dot("from"), "the first rule holds from the start; leave from out");
                } else if (k > 0) {
                    if (rule.from() == null) {
                        checks.add(path.dot("from"), "is required for every rule after the first");
                    } else if (previous != null && !rule.from().isAfter(previous)) {
                        checks.add(path.dot("from"), "must be after the previous rule's date " + previous);
                    }
                }
                if (rule.from() != null) {
                    previous = rule.from();
                }
                if (rule.rule() == null) {
                    checks.add(path.dot("rule"), "is required");
                    continue;
                }
                if (pool.mandatoryRule() != null && rule.rule() != pool.mandatoryRule()) {
                    checks.add(path.dot("rule"), "the coordinator's cost is always shared " + pool.mandatoryRule()
                            + " (§14.1), not " + rule.rule());
                }
                if (rule.rule() == RuleKind.PERCENT) {
                    percentages(pool, rule, path);
                } else if (!rule.percentages().isEmpty()) {
                    checks.add(path.dot("percentages"), "only a PERCENT rule takes percentages, this rule is " + rule.rule());
                }
            }
        }
    }

    private void percentages(Pool pool, PoolRule rule, Field path) {
        if (rule.percentages().isEmpty()) {
            checks.add(path.dot("percentages"), "a PERCENT rule needs the members' percentages");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> p : rule.percentages().entrySet()) {
            Field field = path.dot("percentages").dot(p.getKey());
            Service s = checks.services.get(p.getKey());
            if (s == null) {
                checks.add(field, "no service of the centre has id " + p.getKey());
            } else if (s.type() != null && !s.canBeMemberOf(pool)) {
                checks.add(field, s.id() + " cannot be a member of the " + pool + " pool" + whyNotMember(s, pool));
            }
            if (p.getValue() == null) {
                checks.add(field, "is required");
                continue;
            }
            if (p.getValue().signum() < 0) {
                checks.add(field, "must not be negative, was " + p.getValue().toPlainString());
            }
            sum = sum.add(p.getValue());
        }
        if (sum.compareTo(Checks.HUNDRED) != 0) {
            BigDecimal diff = sum.subtract(Checks.HUNDRED);
            checks.add(path.dot("percentages"), "add up to " + sum.stripTrailingZeros().toPlainString()
                    + ", not 100 (difference " + (diff.signum() > 0 ? "+" : "") + diff.stripTrailingZeros().toPlainString()
                    + ")");
        }
    }

    private static String whyNotMember(Service s, Pool pool) {
        if (s.type() == ServiceType.OTHER) {
            return " (an OTHER actor is a member only of the pools it names)";
        }
        if (pool == Pool.PREMISES) {
            return " (it does not share the premises)";
        }
        return "";
    }
}
