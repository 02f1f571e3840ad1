package se.familycentre.allocation;

import java.util.List;

/**
 * Every rule of src/site/markdown/rules.md that can be checked without accruing anything: ids,
 * references, dates, signs, percentages. It lists all violations at once, in
 * the order of the centre's parts: who takes part ({@link PartyChecks}), the
 * pools' rules ({@link RuleChecks}), then what becomes a line
 * ({@link LineChecks}). What depends on the period's segments (weights that are
 * all zero, the minimum room set) is checked by {@link Allocator} while it
 * computes. An indexed line is checked against the index values only when a
 * table is given ({@link #validate(Centre, Period, IndexTable)}); without one,
 * only its clause is.
 */
public final class CentreValidator {

    private CentreValidator() {
    }

    /** The centre and period; an indexed line's clause alone, not against index values. */
    public static List<Violation> validate(Centre centre, Period period) {
        return validate(centre, period, null);
    }

    /**
     * The centre and period, and every indexed line against the index values: its series must be in
     * the table, and each October value a day of the period needs must be known and above 0.
     *
     * @param table the index values; {@code null} checks the clauses alone
     */
    public static List<Violation> validate(Centre centre, Period period, IndexTable table) {
        return validate(centre, period, table, true);
    }

    /**
     * As {@link #validate(Centre, Period, IndexTable)}; with {@code registerPrecision} off, amounts may
     * have any number of decimals (a plan's expanded amounts, RULES §7).
     */
    static List<Violation> validate(Centre centre, Period period, IndexTable table, boolean registerPrecision) {
        Checks checks = new Checks(registerPrecision);
        boolean periodValid = period(period, checks);
        centre(centre, checks, periodValid ? period : null, table);
        return checks.violations();
    }

    /** The centre alone, for stored centres and imports that name no period. */
    public static List<Violation> validate(Centre centre) {
        Checks checks = new Checks();
        centre(centre, checks, null, null);
        return checks.violations();
    }

    private static void centre(Centre centre, Checks checks, Period period, IndexTable table) {
        new PartyChecks(centre, checks).check();
        new RuleChecks(centre, checks).check();
        new LineChecks(centre, checks, period, table).check();
    }

    /** @return whether the period is valid (so what a period needs can be checked) */
    private static boolean period(Period period, Checks checks) {
        if (period.to().isBefore(period.from())) {
            checks.add("period.to", "is before period.from (" + period.from() + ")");
            return false;
        } else if (period.to().isAfter(period.from().minusDays(1).plusYears(10))) {
            // the last day of ten years from `from` is the day before `from`, ten years on (2024-02-29 → 2034-02-28)
            checks.add("period", "is longer than ten years (" + period.from() + " to " + period.to() + ")");
            return false;
        }
        return true;
    }
}
