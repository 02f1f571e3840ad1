package se.familycentre.statement;

import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Pool;

/**
 * A fakturaunderlag (RULES §5): what one debtor entity owes one creditor entity
 * for one centre and period, line by line, with the sums per pool and in total.
 * When creditor and debtor are one entity it is an omföringsunderlag: internal
 * transfers, never invoiced. Amounts are the rounded shares; every sum is the
 * sum of the amounts printed under it. {@code rentPerSquareMetreYear} is the annex 2 rent of
 * dedicated rooms (kr per m² and year) when the centre recharges it, else null.
 */
public record Statement(
        String centre,
        Period period,
        Party creditor,
        Party debtor,
        List<ServiceRef> debtorServices,
        List<ServiceRef> creditorServices,
        List<StatementLine> lines,
        Map<Pool, MonetaryAmount> sumsByPool,
        MonetaryAmount total,
        java.math.BigDecimal rentPerSquareMetreYear) {

    public Statement(String centre, Period period, Party creditor, Party debtor, List<ServiceRef> debtorServices,
                     List<ServiceRef> creditorServices, List<StatementLine> lines, Map<Pool, MonetaryAmount> sumsByPool,
                     MonetaryAmount total) {
        this(centre, period, creditor, debtor, debtorServices, creditorServices, lines, sumsByPool, total, null);
    }

    /** A service as the statement names it, with the cost reference it wants on statements. */
    public record ServiceRef(String id, String type, String name, String costReference) {
    }

    public boolean internal() {
        return creditor.organisationNumber().equals(debtor.organisationNumber());
    }
}
