package se.familycentre.invoicing;

import jakarta.inject.Singleton;
import java.util.List;
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
        return StatementLedger.of(statements.findByCentreIdOrderById(centreId)).standingByPeriod().entrySet().stream()
                .map(e -> new IssuedPeriod(e.getKey(),
                        e.getValue().stream().map(r -> r.number() + " (" + r.creditor() + ")").toList()))
                .toList();
    }
}
