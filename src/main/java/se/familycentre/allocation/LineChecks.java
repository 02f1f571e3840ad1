package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything that becomes a line (RULES §3): the coordinators, the cost lines
 * (with their indexation, {@link IndexChecks}) and the dedicated-room rent.
 * Their line ids share one space, since the answer names every line by id.
 */
final class LineChecks {

    private static final Field COORDINATORS = Field.root("coordinators");
    private static final Field COST_LINES = Field.root("costLines");
    private static final Field DEDICATED_RENT = Field.root("dedicatedRent");

    private final Centre centre;
    private final Checks checks;
    private final IndexChecks indexation;
    private final Set<String> lineIds = new HashSet<>();

    /**
     * @param period the period computed, or {@code null}
     * @param table  the index values given, or {@code null} to check indexation clauses alone
     */
    LineChecks(Centre centre, Checks checks, Period period, IndexTable table) {
        this.centre = centre;
        this.checks = checks;
        this.indexation = new IndexChecks(checks, period, table);
    }

    void check() {
        coordinators();
        costLines();
        dedicatedRent();
    }

    private void coordinators() {
        for (int i = 0; i < centre.coordinators().size(); i++) {
            Coordinator c = centre.coordinators().get(i);
            Field path = COORDINATORS.at(i);
            if (checks.requireText(c.id(), path.dot("id"))) {
                for (String id : CoordinatorExpansion.possibleIds(c.id())) {
                    if (!lineIds.add(id)) {
                        checks.add(path.dot("id"), "gives line id " + id + ", which another line already has");
                        break;
                    }
                }
            }
            checks.maxLength(c.name(), path.dot("name"), Checks.MAX_NAME);
            if (c.employer() == null) {
                checks.add(path.dot("employer"), "is required");
            } else {
                Service employer = checks.services.get(c.employer());
                if (employer == null) {
                    checks.add(path.dot("employer"), "no service of the centre has id " + c.employer());
                } else if (employer.type() != null && !employer.type().isBase()) {
                    checks.add(path.dot("employer"), "must be a base service (MIDWIFE_CLINIC, CHILD_HEALTH, "
                            + "OPEN_PRESCHOOL, SOCIAL_SERVICES); " + employer.id() + " is OTHER");
                }
            }
            checks.dateOrder(c.from(), c.to(), path);
            checks.money(c.monthlySalary(), path.dot("monthlySalary"), true);
            amountChanges(c.salaryChanges(), c.from(), c.to(), path.dot("salaryChanges"));
            checks.percent(c.ftePercent(), path.dot("ftePercent"), true);
            percentChanges(c.fteChanges(), c.from(), c.to(), path.dot("fteChanges"), true);
            checks.percent(c.onCostPercent(), path.dot("onCostPercent"), false);
            percentChanges(c.onCostChanges(), c.from(), c.to(), path.dot("onCostChanges"), false);
            checks.money(c.competenceDevelopmentPerYear(), path.dot("competenceDevelopmentPerYear"), false);
            checks.money(c.itPerYear(), path.dot("itPerYear"), false);
            checks.money(c.otherPerYear(), path.dot("otherPerYear"), false);
        }
    }

    private void costLines() {
        for (int i = 0; i < centre.costLines().size(); i++) {
            CostLine l = centre.costLines().get(i);
            Field path = COST_LINES.at(i);
            if (checks.requireText(l.id(), path.dot("id")) && !lineIds.add(l.id())) {
                checks.add(path.dot("id"), "duplicates the id of another line (" + l.id() + ")");
            }
            checks.maxLength(l.name(), path.dot("name"), Checks.MAX_NAME);
            if (l.pool() == null) {
                checks.add(path.dot("pool"), "is required");
            }
            checks.serviceRef(l.payer(), path.dot("payer"), true);
            checks.serviceRef(l.borneBy(), path.dot("borneBy"), false);
            checks.money(l.amount(), path.dot("amount"), true);
            if (l.periodicity() == null) {
                checks.add(path.dot("periodicity"), "is required");
            } else if (l.periodicity() == Periodicity.ONCE) {
                if (l.date() == null) {
                    checks.add(path.dot("date"), "a ONCE line needs the date it falls on");
                }
                if (l.from() != null || l.to() != null) {
                    checks.add(path.dot(l.from() != null ? "from" : "to"), "a ONCE line has a date, not a validity");
                }
                if (!l.changes().isEmpty()) {
                    checks.add(path.dot("changes"), "a ONCE line has one amount and no changes");
                }
            } else {
                if (l.date() != null) {
                    checks.add(path.dot("date"), "only a ONCE line has a date; this line is " + l.periodicity()
                            + " and uses from/to");
                }
                checks.dateOrder(l.from(), l.to(), path);
                amountChanges(l.changes(), l.from(), l.to(), path.dot("changes"));
            }
            if (l.indexation() != null && l.periodicity() != null) {
                indexation.check(l, path.dot("indexation"));
            }
        }
    }

    private void dedicatedRent() {
        DedicatedRent rent = centre.dedicatedRent();
        if (rent == null) {
            return;
        }
        checks.serviceRef(rent.leaseHolder(), DEDICATED_RENT.dot("leaseHolder"), true);
        checks.money(rent.rentPerSquareMetreYear(), DEDICATED_RENT.dot("rentPerSquareMetreYear"), true);
        for (Service s : centre.services()) {
            if (s.id() != null && !lineIds.add(DedicatedRentExpansion.idFor(s.id()))) {
                checks.add("dedicatedRent", "the recharge line id " + DedicatedRentExpansion.idFor(s.id())
                        + " is already taken by another line");
            }
        }
    }

    private void amountChanges(List<AmountChange> changes, LocalDate from, LocalDate to, Field path) {
        checks.changeDates(changes, AmountChange::from, from, to, path);
        for (int k = 0; k < changes.size(); k++) {
            checks.money(changes.get(k).amount(), path.at(k).dot("amount"), true);
        }
    }

    private void percentChanges(List<PercentChange> changes, LocalDate from, LocalDate to, Field path, boolean fte) {
        checks.changeDates(changes, PercentChange::from, from, to, path);
        for (int k = 0; k < changes.size(); k++) {
            checks.percent(changes.get(k).percent(), path.at(k).dot("percent"), fte);
        }
    }
}
