package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * A cost of a pool, paid by one service (RULES §3). The amount holds from the
 * line's start and changes on the dates of {@code changes}; a {@code ONCE} line
 * has a {@code date} instead of a validity. {@code borneBy} names the one
 * service that bears the whole line instead of sharing it. A line with an
 * {@code indexation} has its amounts in a base year's price level; {@code null}
 * means the amounts are paid as entered.
 */
public record CostLine(
        String id,
        String name,
        Pool pool,
        String payer,
        Periodicity periodicity,
        MonetaryAmount amount,
        LocalDate from,
        LocalDate to,
        List<AmountChange> changes,
        LocalDate date,
        String borneBy,
        Indexation indexation) {

    public CostLine {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** A line that is not indexed. */
    public CostLine(String id, String name, Pool pool, String payer, Periodicity periodicity, MonetaryAmount amount,
                    LocalDate from, LocalDate to, List<AmountChange> changes, LocalDate date, String borneBy) {
        this(id, name, pool, payer, periodicity, amount, from, to, changes, date, borneBy, null);
    }
}
