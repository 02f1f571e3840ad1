package se.familycentre.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * RULES §5, VAT: {@code STANDARD} is 25 % of the statement's net sum, rounded once per statement to
 * the öre, half away from zero; {@code OUTSIDE_SCOPE} and {@code EXEMPT} are VAT 0. Every output of
 * a statement takes its VAT from here, so they all show the same.
 */
public final class Vat {

    public static final BigDecimal STANDARD_RATE = new BigDecimal("0.25");

    private Vat() {
    }

    /**
     * A statement's VAT: its net sum under its creditor's treatment as issued; none on an internal
     * transfer (omföring), which is never invoiced.
     */
    public static BigDecimal of(Statement statement) {
        if (statement.internal()) {
            return BigDecimal.ZERO.setScale(2);
        }
        return of(se.familycentre.allocation.Sek.decimal(statement.total()),
                statement.creditor().invoicing().vatTreatment());
    }

    /** The VAT on a statement's net sum under the creditor's treatment, in kronor with two decimals. */
    public static BigDecimal of(BigDecimal net, EntityInvoicing.VatTreatment treatment) {
        if (treatment != EntityInvoicing.VatTreatment.STANDARD) {
            return BigDecimal.ZERO.setScale(2);
        }
        // HALF_UP rounds a half away from zero, for a credit's negative sum too
        return net.multiply(STANDARD_RATE).setScale(2, RoundingMode.HALF_UP);
    }
}
