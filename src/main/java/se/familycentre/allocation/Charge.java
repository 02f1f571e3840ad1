package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A line as the engine accrues it: every amount exact, every change a step.
 * Cost lines, the coordinator and the rent recharge all become charges, so
 * there is one accrual and one sharing path for all of them.
 *
 * @param source the input path the line came from, for refusals (printed only for one)
 * @param steps      amounts in force from a date, in date order; the first step's
 *                   {@code from} is {@code null} (it holds from the line's start)
 * @param indexation the line's indexation clause, {@code null} for a line paid as entered
 */
record Charge(
        String id,
        String name,
        LineOrigin origin,
        Field source,
        Pool pool,
        String payer,
        Periodicity periodicity,
        LocalDate from,
        LocalDate to,
        List<Step> steps,
        LocalDate onceDate,
        String borneBy,
        Indexation indexation) {

    private static final Field COORDINATORS = Field.root("coordinators");
    private static final Field COST_LINES = Field.root("costLines");

    record Step(LocalDate from, Fraction amount) {
    }

    /** A line paid as entered: the coordinator's, the rent recharge. */
    Charge(String id, String name, LineOrigin origin, Field source, Pool pool, String payer, Periodicity periodicity,
           LocalDate from, LocalDate to, List<Step> steps, LocalDate onceDate, String borneBy) {
        this(id, name, origin, source, pool, payer, periodicity, from, to, steps, onceDate, borneBy, null);
    }

    Fraction amountOn(LocalDate day) {
        return Dated.inForceOn(steps, Step::from, day).amount();
    }

    /** Every line the centre's entries give: the coordinators', the cost lines and the rent recharge. */
    static List<Charge> allOf(Centre centre) {
        List<Charge> charges = new ArrayList<>();
        for (int i = 0; i < centre.coordinators().size(); i++) {
            charges.addAll(CoordinatorExpansion.expand(centre.coordinators().get(i), COORDINATORS.at(i)));
        }
        for (int i = 0; i < centre.costLines().size(); i++) {
            charges.add(of(centre.costLines().get(i), COST_LINES.at(i)));
        }
        charges.addAll(DedicatedRentExpansion.expand(centre));
        return charges;
    }

    private static Charge of(CostLine line, Field source) {
        List<Step> steps;
        if (line.changes().isEmpty()) {
            steps = List.of(new Step(null, Sek.exact(line.amount())));
        } else {
            steps = new ArrayList<>(line.changes().size() + 1);
            steps.add(new Step(null, Sek.exact(line.amount())));
            for (AmountChange change : line.changes()) {
                steps.add(new Step(change.from(), Sek.exact(change.amount())));
            }
        }
        String name = line.name() == null || line.name().isBlank() ? line.id() : line.name();
        return new Charge(line.id(), name, LineOrigin.COST_LINE, source, line.pool(), line.payer(),
                line.periodicity(), line.from(), line.to(), steps, line.date(), line.borneBy(), line.indexation());
    }

    /** Whether the line can accrue anything within {@code a..b}. */
    boolean overlaps(LocalDate a, LocalDate b) {
        if (periodicity == Periodicity.ONCE) {
            return onceDate != null && Dates.within(onceDate, a, b);
        }
        return (from == null || !from.isAfter(b)) && (to == null || !to.isBefore(a));
    }
}
