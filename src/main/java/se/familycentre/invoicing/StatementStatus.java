package se.familycentre.invoicing;

/**
 * Where a statement stands, derived from the rows and never stored: issued rows
 * are never changed, so "credited" is the existence of a credit statement that
 * refers to the invoice.
 */
public enum StatementStatus {
    /** Computed now, not numbered, not stored. */
    DRAFT,
    /** An invoice statement that stands. */
    ISSUED,
    /** An invoice statement a credit statement negates. */
    CREDITED,
    /** A credit statement. */
    CREDIT;

    public static StatementStatus of(StatementKind kind, boolean credited) {
        if (kind == StatementKind.CREDIT) {
            return CREDIT;
        }
        return credited ? CREDITED : ISSUED;
    }
}
