package se.familycentre.invoicing;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Period;
import se.familycentre.centre.IssuedPeriods;

/** The periods of a centre with standing (issued, not credited) invoices: what the history guard protects. */
@Singleton
public class IssuedStatementPeriods implements IssuedPeriods {

    private final StatementRepository statements;

    public IssuedStatementPeriods(StatementRepository statements) {
        this.statements = statements;
    }

    @Override
    public List<IssuedPeriod> issuedFor(long centreId) {
        List<StatementRow> rows = statements.findByCentreIdOrderById(centreId);
        List<Long> credited = rows.stream().filter(r -> r.creditsId() != null).map(StatementRow::creditsId).toList();
        Map<Period, List<String>> periods = new LinkedHashMap<>();
        for (StatementRow r : rows) {
            if (Invoicing.INVOICE.equals(r.kind()) && !credited.contains(r.id())) {
                periods.computeIfAbsent(new Period(r.periodFrom(), r.periodTo()), p -> new ArrayList<>()).add(r.number() + " (" + r.creditor() + ")");
            }
        }
        return periods.entrySet().stream().map(e -> new IssuedPeriod(e.getKey(), e.getValue())).toList();
    }
}
