package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.money.MonetaryAmount;

/**
 * Every rule of RULES.md that can be checked without accruing anything: ids,
 * references, dates, signs, percentages. It lists all violations at once.
 * What depends on the period's segments (weights that are all zero, the
 * minimum room set) is checked by {@link Allocator} while it computes.
 */
public final class CentreValidator {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MAX_AREA = new BigDecimal("10000000000");
    static final BigDecimal MAX_PERCENT = new BigDecimal("100000");
    /** Ids are short keys that address parts of a centre; names are for people. */
    static final int MAX_ID = 64;
    static final int MAX_NAME = 200;

    private final List<Violation> violations = new ArrayList<>();
    private final Centre centre;
    private final Map<String, Service> services = new HashMap<>();

    private CentreValidator(Centre centre) {
        this.centre = centre;
    }

    public static List<Violation> validate(Centre centre, Period period) {
        CentreValidator v = new CentreValidator(centre);
        v.period(period);
        v.centre();
        return List.copyOf(v.violations);
    }

    /** The centre alone, for stored centres and imports that name no period. */
    public static List<Violation> validate(Centre centre) {
        CentreValidator v = new CentreValidator(centre);
        v.centre();
        return List.copyOf(v.violations);
    }

    private void centre() {
        maxLength(centre.name(), "name", MAX_NAME);
        entities();
        services();
        rooms();
        rules();
        Set<String> lineIds = new HashSet<>();
        coordinators(lineIds);
        costLines(lineIds);
        dedicatedRent(lineIds);
    }

    private void add(String field, String reason) {
        violations.add(new Violation(field, reason));
    }

    private void period(Period period) {
        if (period.to().isBefore(period.from())) {
            add("period.to", "is before period.from (" + period.from() + ")");
        } else if (period.to().isAfter(period.from().minusDays(1).plusYears(10))) {
            // the last day of ten years from `from` is the day before `from`, ten years on (2024-02-29 → 2034-02-28)
            add("period", "is longer than ten years (" + period.from() + " to " + period.to() + ")");
        }
    }

    private void entities() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < centre.entities().size(); i++) {
            LegalEntity e = centre.entities().get(i);
            String path = "entities[" + i + "]";
            if (e.organisationNumber() == null) {
                add(path + ".organisationNumber", "is required");
            } else {
                OrganisationNumber.problemWith(e.organisationNumber())
                        .ifPresent(p -> add(path + ".organisationNumber", "is not a valid organisationsnummer: " + p));
                Integer first = seen.putIfAbsent(OrganisationNumber.normalise(e.organisationNumber()), i);
                if (first != null) {
                    add(path + ".organisationNumber", "duplicates entities[" + first + "] (" + e.organisationNumber() + ")");
                }
            }
            requireText(e.name(), path + ".name");
        }
    }

    private boolean entityExists(String orgNo) {
        String normalised = OrganisationNumber.normalise(orgNo);
        return centre.entities().stream()
                .anyMatch(e -> e.organisationNumber() != null && OrganisationNumber.normalise(e.organisationNumber()).equals(normalised));
    }

    private void services() {
        if (centre.services().isEmpty()) {
            add("services", "a centre needs at least one service");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < centre.services().size(); i++) {
            Service s = centre.services().get(i);
            String path = "services[" + i + "]";
            if (requireText(s.id(), path + ".id")) {
                Integer first = seen.putIfAbsent(s.id(), i);
                if (first != null) {
                    add(path + ".id", "duplicates the id of services[" + first + "] (" + s.id() + ")");
                } else {
                    services.put(s.id(), s);
                }
            }
            if (s.type() == null) {
                add(path + ".type", "is required");
            }
            maxLength(s.name(), path + ".name", MAX_NAME);
            if (s.entity() == null) {
                add(path + ".entity", "is required");
            } else if (!entityExists(s.entity())) {
                add(path + ".entity", "no entity of the centre has organisationsnummer " + s.entity());
            }
            dateOrder(s.from(), s.to(), path);
            if (s.type() == ServiceType.OTHER) {
                if (s.pools().contains(Pool.COORDINATOR)) {
                    add(path + ".pools", "an OTHER actor is never in the COORDINATOR pool (RULES §2)");
                }
            } else if (s.type() != null && !s.pools().isEmpty()) {
                add(path + ".pools", "only OTHER actors name their pools; a base service is a member by its type");
            }
        }
    }

    private void rooms() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < centre.rooms().size(); i++) {
            Room r = centre.rooms().get(i);
            String path = "rooms[" + i + "]";
            if (requireText(r.id(), path + ".id")) {
                Integer first = seen.putIfAbsent(r.id(), i);
                if (first != null) {
                    add(path + ".id", "duplicates the id of rooms[" + first + "] (" + r.id() + ")");
                }
            }
            if (r.type() == null) {
                add(path + ".type", "is required");
            }
            if (r.area() == null) {
                add(path + ".area", "is required");
            } else if (r.area().signum() <= 0) {
                add(path + ".area", "must be above 0 m², was " + r.area().toPlainString());
            } else if (r.area().compareTo(MAX_AREA) >= 0) {
                add(path + ".area", "must be below 10 000 000 000 m², was " + r.area().toPlainString());
            } else if (r.area().stripTrailingZeros().scale() > 2) {
                add(path + ".area", "has at most two decimals, was " + r.area().toPlainString());
            }
            if (r.service() != null && !services.containsKey(r.service())) {
                add(path + ".service", "no service of the centre has id " + r.service());
            }
            dateOrder(r.from(), r.to(), path);
        }
    }

    private void rules() {
        for (Map.Entry<Pool, List<PoolRule>> entry : centre.rules().entrySet()) {
            Pool pool = entry.getKey();
            List<PoolRule> list = entry.getValue();
            LocalDate previous = null;
            for (int k = 0; k < list.size(); k++) {
                PoolRule rule = list.get(k);
                String path = "rules." + pool + "[" + k + "]";
                if (k == 0 && rule.from() != null) {
                    add(path + ".from", "the first rule holds from the start; leave from out");
                } else if (k > 0) {
                    if (rule.from() == null) {
                        add(path + ".from", "is required for every rule after the first");
                    } else if (previous != null && !rule.from().isAfter(previous)) {
                        add(path + ".from", "must be after the previous rule's date " + previous);
                    }
                }
                if (rule.from() != null) {
                    previous = rule.from();
                }
                if (rule.rule() == null) {
                    add(path + ".rule", "is required");
                    continue;
                }
                if (pool == Pool.COORDINATOR && rule.rule() != RuleKind.EQUAL) {
                    add(path + ".rule", "the coordinator's cost is always shared EQUAL (§14.1), not " + rule.rule());
                }
                if (rule.rule() == RuleKind.PERCENT) {
                    percentages(pool, rule, path);
                } else if (!rule.percentages().isEmpty()) {
                    add(path + ".percentages", "only a PERCENT rule takes percentages, this rule is " + rule.rule());
                }
            }
        }
    }

    private void percentages(Pool pool, PoolRule rule, String path) {
        if (rule.percentages().isEmpty()) {
            add(path + ".percentages", "a PERCENT rule needs the members' percentages");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> p : rule.percentages().entrySet()) {
            String field = path + ".percentages." + p.getKey();
            Service s = services.get(p.getKey());
            if (s == null) {
                add(field, "no service of the centre has id " + p.getKey());
            } else if (s.type() != null && !s.canBeMemberOf(pool)) {
                add(field, s.id() + " cannot be a member of the " + pool + " pool" + whyNotMember(s, pool));
            }
            if (p.getValue() == null) {
                add(field, "is required");
                continue;
            }
            if (p.getValue().signum() < 0) {
                add(field, "must not be negative, was " + p.getValue().toPlainString());
            }
            sum = sum.add(p.getValue());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            BigDecimal diff = sum.subtract(HUNDRED);
            add(path + ".percentages", "add up to " + sum.stripTrailingZeros().toPlainString() + ", not 100 (difference "
                    + (diff.signum() > 0 ? "+" : "") + diff.stripTrailingZeros().toPlainString() + ")");
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

    private void coordinators(Set<String> lineIds) {
        for (int i = 0; i < centre.coordinators().size(); i++) {
            Coordinator c = centre.coordinators().get(i);
            String path = "coordinators[" + i + "]";
            if (requireText(c.id(), path + ".id")) {
                for (String id : CoordinatorExpansion.possibleIds(c.id())) {
                    if (!lineIds.add(id)) {
                        add(path + ".id", "gives line id " + id + ", which another line already has");
                        break;
                    }
                }
            }
            maxLength(c.name(), path + ".name", MAX_NAME);
            if (c.employer() == null) {
                add(path + ".employer", "is required");
            } else {
                Service employer = services.get(c.employer());
                if (employer == null) {
                    add(path + ".employer", "no service of the centre has id " + c.employer());
                } else if (employer.type() != null && !employer.type().isBase()) {
                    add(path + ".employer", "must be a base service (MIDWIFE_CLINIC, CHILD_HEALTH, OPEN_PRESCHOOL, "
                            + "SOCIAL_SERVICES); " + employer.id() + " is OTHER");
                }
            }
            dateOrder(c.from(), c.to(), path);
            money(c.monthlySalary(), path + ".monthlySalary", true);
            amountChanges(c.salaryChanges(), c.from(), c.to(), path + ".salaryChanges");
            percent(c.ftePercent(), path + ".ftePercent", true);
            percentChanges(c.fteChanges(), c.from(), c.to(), path + ".fteChanges", true);
            percent(c.onCostPercent(), path + ".onCostPercent", false);
            percentChanges(c.onCostChanges(), c.from(), c.to(), path + ".onCostChanges", false);
            money(c.competenceDevelopmentPerYear(), path + ".competenceDevelopmentPerYear", false);
            money(c.itPerYear(), path + ".itPerYear", false);
            money(c.otherPerYear(), path + ".otherPerYear", false);
        }
    }

    private void costLines(Set<String> lineIds) {
        for (int i = 0; i < centre.costLines().size(); i++) {
            CostLine l = centre.costLines().get(i);
            String path = "costLines[" + i + "]";
            if (requireText(l.id(), path + ".id") && !lineIds.add(l.id())) {
                add(path + ".id", "duplicates the id of another line (" + l.id() + ")");
            }
            maxLength(l.name(), path + ".name", MAX_NAME);
            if (l.pool() == null) {
                add(path + ".pool", "is required");
            }
            serviceRef(l.payer(), path + ".payer", true);
            serviceRef(l.borneBy(), path + ".borneBy", false);
            money(l.amount(), path + ".amount", true);
            if (l.periodicity() == null) {
                add(path + ".periodicity", "is required");
            } else if (l.periodicity() == Periodicity.ONCE) {
                if (l.date() == null) {
                    add(path + ".date", "a ONCE line needs the date it falls on");
                }
                if (l.from() != null || l.to() != null) {
                    add(path + (l.from() != null ? ".from" : ".to"), "a ONCE line has a date, not a validity");
                }
                if (!l.changes().isEmpty()) {
                    add(path + ".changes", "a ONCE line has one amount and no changes");
                }
            } else {
                if (l.date() != null) {
                    add(path + ".date", "only a ONCE line has a date; this line is " + l.periodicity()
                            + " and uses from/to");
                }
                dateOrder(l.from(), l.to(), path);
                amountChanges(l.changes(), l.from(), l.to(), path + ".changes");
            }
        }
    }

    private void dedicatedRent(Set<String> lineIds) {
        DedicatedRent rent = centre.dedicatedRent();
        if (rent == null) {
            return;
        }
        serviceRef(rent.leaseHolder(), "dedicatedRent.leaseHolder", true);
        money(rent.rentPerSquareMetreYear(), "dedicatedRent.rentPerSquareMetreYear", true);
        for (Service s : centre.services()) {
            if (s.id() != null && !lineIds.add(DedicatedRentExpansion.idFor(s.id()))) {
                add("dedicatedRent", "the recharge line id " + DedicatedRentExpansion.idFor(s.id())
                        + " is already taken by another line");
            }
        }
    }

    private void serviceRef(String id, String field, boolean required) {
        if (id == null) {
            if (required) {
                add(field, "is required");
            }
        } else if (!services.containsKey(id)) {
            add(field, "no service of the centre has id " + id);
        }
    }

    private void amountChanges(List<AmountChange> changes, LocalDate from, LocalDate to, String path) {
        changeDates(changes, AmountChange::from, from, to, path);
        for (int k = 0; k < changes.size(); k++) {
            money(changes.get(k).amount(), path + "[" + k + "].amount", true);
        }
    }

    private void percentChanges(List<PercentChange> changes, LocalDate from, LocalDate to, String path, boolean fte) {
        changeDates(changes, PercentChange::from, from, to, path);
        for (int k = 0; k < changes.size(); k++) {
            percent(changes.get(k).percent(), path + "[" + k + "].percent", fte);
        }
    }

    private <T> void changeDates(List<T> changes, Function<T, LocalDate> date, LocalDate from, LocalDate to, String path) {
        LocalDate previous = from;
        for (int k = 0; k < changes.size(); k++) {
            LocalDate d = date.apply(changes.get(k));
            String field = path + "[" + k + "].from";
            if (d == null) {
                add(field, "is required");
                continue;
            }
            if (previous != null && !d.isAfter(previous)) {
                add(field, k == 0 && previous.equals(from)
                        ? "must be after the start " + from + " (the first amount holds from the start)"
                        : "must be after the previous change's date " + previous);
            } else if (to != null && d.isAfter(to)) {
                add(field, "falls after the end of the validity " + to);
            }
            previous = d;
        }
    }

    private void money(MonetaryAmount amount, String field, boolean required) {
        if (amount == null) {
            if (required) {
                add(field, "is required");
            }
            return;
        }
        if (!Sek.isSek(amount)) {
            add(field, "must be in SEK, was " + amount.getCurrency().getCurrencyCode());
        }
        if (amount.isNegative()) {
            add(field, "must not be negative, was " + Sek.decimal(amount).toPlainString());
        }
        decimals(Sek.decimal(amount), field);
    }

    /** The register keeps amounts and percentages to four decimals; more would be rounded silently, so it is refused. */
    private void decimals(BigDecimal value, String field) {
        if (value.stripTrailingZeros().scale() > 4) {
            add(field, "has at most four decimals, was " + value.toPlainString());
        }
    }

    private void percent(BigDecimal value, String field, boolean fte) {
        if (value == null) {
            add(field, "is required");
        } else if (fte && (value.signum() <= 0 || value.compareTo(HUNDRED) > 0)) {
            add(field, "an FTE percentage is above 0 and at most 100, was " + value.toPlainString());
        } else if (!fte && value.signum() < 0) {
            add(field, "must not be negative, was " + value.toPlainString());
        } else if (value.compareTo(MAX_PERCENT) >= 0) {
            add(field, "must be below " + MAX_PERCENT.toPlainString() + ", was " + value.toPlainString());
        } else {
            decimals(value, field);
        }
    }

    private void dateOrder(LocalDate from, LocalDate to, String path) {
        if (from != null && to != null && to.isBefore(from)) {
            add(path + ".to", "is before from (" + from + ")");
        }
    }

    private boolean requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            add(field, "is required");
            return false;
        }
        return maxLength(text, field, field.endsWith(".id") ? MAX_ID : MAX_NAME);
    }

    private boolean maxLength(String text, String field, int max) {
        if (text != null && text.length() > max) {
            add(field, "is at most " + max + " characters, was " + text.length());
            return false;
        }
        return true;
    }
}
