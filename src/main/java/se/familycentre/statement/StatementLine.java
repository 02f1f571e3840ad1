package se.familycentre.statement;

import java.util.List;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.LineOrigin;
import se.familycentre.allocation.Periodicity;
import se.familycentre.allocation.Pool;

/**
 * One debtor service's share of one cost line: the line's pool, name and total
 * for the period, the service that paid it, the basis (the segments with their
 * dates, rule and weights) and the share owed. {@code periodicity} says how the segments' amounts
 * were entered (per month, quarter, year or once), so a reader can redo the accrual; null on
 * statements archived before it was kept.
 */
public record StatementLine(
        String lineId,
        String lineName,
        LineOrigin origin,
        Pool pool,
        String payerService,
        MonetaryAmount lineTotal,
        List<Allocation.Segment> basis,
        String debtorService,
        MonetaryAmount share,
        Periodicity periodicity) {

    public StatementLine(String lineId, String lineName, LineOrigin origin, Pool pool, String payerService,
                         MonetaryAmount lineTotal, List<Allocation.Segment> basis, String debtorService,
                         MonetaryAmount share) {
        this(lineId, lineName, origin, pool, payerService, lineTotal, basis, debtorService, share, null);
    }
}
