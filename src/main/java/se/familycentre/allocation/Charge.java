package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.List;

/**
 * A line as the engine accrues it: every amount exact, every change a step.
 * Cost lines, the coordinator and the rent recharge all become charges, so
 * there is one accrual and one sharing path for all of them.
 *
 * @param source the input path the line came from, for refusals
 * @param steps  amounts in force from a date, in date order; the first step's
 *               {@code from} is {@code null} (it holds from the line's start)
 */
record Charge(
        String id,
        String name,
        LineOrigin origin,
        String source,
        Pool pool,
        String payer,
        Periodicity periodicity,
        LocalDate from,
        LocalDate to,
        List<Step> steps,
        LocalDate onceDate,
        String borneBy) {

    record Step(LocalDate from, Fraction amount) {
    }

    Fraction amountOn(LocalDate day) {
        Fraction amount = steps.get(0).amount();
        for (Step step : steps) {
            if (step.from() == null || !step.from().isAfter(day)) {
                amount = step.amount();
            } else {
                break;
            }
        }
        return amount;
    }
}
