package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import javax.money.MonetaryAmount;

/**
 * Expands a coordinator into ordinary {@code COORDINATOR} lines paid by the
 * employer (RULES §3): salary (monthly salary × FTE), on-costs (salary × FTE ×
 * on-cost %, from the unrounded salary) and one {@code YEAR} line per other
 * cost, not scaled by FTE. Ids are stable: {@code <coordinator id>/salary} etc.
 */
final class CoordinatorExpansion {

    private static final Fraction HUNDRED = Fraction.of(100);

    private CoordinatorExpansion() {
    }

    static List<Charge> expand(Coordinator c, Field source) {
        List<Charge> lines = new ArrayList<>(5);
        if (c.salaryChanges().isEmpty() && c.fteChanges().isEmpty() && c.onCostChanges().isEmpty()) {
            // nothing changes: one step each, from amounts made exact once
            Fraction salary = Sek.exact(c.monthlySalary()).multiply(Fraction.of(c.ftePercent()).divide(HUNDRED));
            Fraction onCosts = salary.multiply(Fraction.of(c.onCostPercent()).divide(HUNDRED));
            lines.add(monthly(c, source, "salary", "Coordinator salary", LineOrigin.COORDINATOR_SALARY,
                    List.of(new Charge.Step(null, salary))));
            lines.add(monthly(c, source, "on-costs", "Coordinator on-costs (PO)", LineOrigin.COORDINATOR_ON_COSTS,
                    List.of(new Charge.Step(null, onCosts))));
            yearlies(c, source, lines);
            return lines;
        }
        TreeSet<LocalDate> salaryDates = new TreeSet<>();
        c.salaryChanges().forEach(ch -> salaryDates.add(ch.from()));
        c.fteChanges().forEach(ch -> salaryDates.add(ch.from()));
        TreeSet<LocalDate> onCostDates = new TreeSet<>(salaryDates);
        c.onCostChanges().forEach(ch -> onCostDates.add(ch.from()));

        lines.add(monthly(c, source, "salary", "Coordinator salary", LineOrigin.COORDINATOR_SALARY, salaryDates,
                day -> salaryOn(c, day).multiply(percentOn(c.ftePercent(), c.fteChanges(), day))));
        lines.add(monthly(c, source, "on-costs", "Coordinator on-costs (PO)", LineOrigin.COORDINATOR_ON_COSTS, onCostDates,
                day -> salaryOn(c, day).multiply(percentOn(c.ftePercent(), c.fteChanges(), day))
                        .multiply(percentOn(c.onCostPercent(), c.onCostChanges(), day))));
        yearlies(c, source, lines);
        return lines;
    }

    private static void yearlies(Coordinator c, Field source, List<Charge> lines) {
        yearly(c, source, "competence-development", "Coordinator competence development",
                LineOrigin.COORDINATOR_COMPETENCE_DEVELOPMENT, c.competenceDevelopmentPerYear(), lines);
        yearly(c, source, "it", "Coordinator IT", LineOrigin.COORDINATOR_IT, c.itPerYear(), lines);
        yearly(c, source, "other", "Coordinator other costs", LineOrigin.COORDINATOR_OTHER, c.otherPerYear(), lines);
    }

    /** The ids a coordinator's lines may take, whether or not every one is produced. */
    static List<String> possibleIds(String coordinatorId) {
        return List.of(coordinatorId + "/salary", coordinatorId + "/on-costs",
                coordinatorId + "/competence-development", coordinatorId + "/it", coordinatorId + "/other");
    }

    private static Charge monthly(Coordinator c, Field source, String suffix, String label, LineOrigin origin,
                                  TreeSet<LocalDate> changeDates, Function<LocalDate, Fraction> amountOn) {
        List<Charge.Step> steps = new ArrayList<>();
        LocalDate start = c.from() == null ? LocalDate.MIN : c.from();
        steps.add(new Charge.Step(null, amountOn.apply(start)));
        for (LocalDate day : changeDates) {
            steps.add(new Charge.Step(day, amountOn.apply(day)));
        }
        return monthly(c, source, suffix, label, origin, steps);
    }

    private static Charge monthly(Coordinator c, Field source, String suffix, String label, LineOrigin origin,
                                  List<Charge.Step> steps) {
        return new Charge(c.id() + "/" + suffix, name(label, c), origin, source, Pool.COORDINATOR, c.employer(),
                Periodicity.MONTH, c.from(), c.to(), steps, null, null);
    }

    private static void yearly(Coordinator c, Field source, String suffix, String label, LineOrigin origin,
                               MonetaryAmount perYear, List<Charge> lines) {
        if (perYear == null) {
            return;
        }
        lines.add(new Charge(c.id() + "/" + suffix, name(label, c), origin, source, Pool.COORDINATOR, c.employer(),
                Periodicity.YEAR, c.from(), c.to(), List.of(new Charge.Step(null, Sek.exact(perYear))), null, null));
    }

    private static String name(String label, Coordinator c) {
        return c.name() == null || c.name().isBlank() ? label : label + ", " + c.name();
    }

    private static Fraction salaryOn(Coordinator c, LocalDate day) {
        return Sek.exact(Dated.inForceOn(c.monthlySalary(), c.salaryChanges(), AmountChange::from, AmountChange::amount,
                day));
    }

    private static Fraction percentOn(BigDecimal first, List<PercentChange> changes, LocalDate day) {
        return Fraction.of(Dated.inForceOn(first, changes, PercentChange::from, PercentChange::percent, day))
                .divide(HUNDRED);
    }
}
