package se.familycentre.allocation;

/** How often a cost line's amount falls due; accrual is by calendar month (RULES §3). */
public enum Periodicity {
    MONTH(1),
    QUARTER(3),
    YEAR(12),
    ONCE(0);

    private final Fraction monthlyFactor;

    Periodicity(int months) {
        this.monthlyFactor = months == 0 ? null : Fraction.of(1, months);
    }

    /** The share of the amount that accrues in one full calendar month. */
    Fraction monthlyFactor() {
        if (this == ONCE) {
            throw new IllegalStateException("a ONCE amount accrues on its date, not by month");
        }
        return monthlyFactor;
    }
}
