package se.familycentre.allocation;

import java.util.List;

/**
 * Every rule of src/site/markdown/rules.md that can be checked without accruing anything: ids,
 * references, dates, signs, percentages. It lists all violations at once, in
 * the order of the centre's parts: who takes part ({@link PartyChecks}), the
 * pools' rules ({@link RuleChecks}), then what becomes a line
 * ({@link LineChecks}). What depends on the period's segments (weights that are
 * all zero, the minimum room set) is checked by {@link Allocator} while it
 * computes.
 */
public final class CentreValidator {

    private CentreValidator() {
    }

    public static List<Violation> validate(Centre centre, Period period) {
        Checks checks = new Checks();
        period(period, checks);
        centre(centre, checks);
        return checks.violations();
    }

    /** The centre alone, for stored centres and imports that name no period. */
    public static List<Violation> validate(Centre centre) {
        Checks checks = new Checks();
        centre(centre, checks);
        return checks.violations();
    }

    private static void centre(Centre centre, Checks checks) {
        new PartyChecks(centre, checks).check();
        new RuleChecks(centre, checks).check();
        new LineChecks(centre, checks).check();
    }

    private static void period(Period period, Checks checks) {
        if (period.to().isBefore(period.from())) {
            checks.add("period.to", "is before period.from (" + period.from() + ")");
        } else if (period.to().isAfter(period.from().minusDays(1).plusYears(10))) {
            // the last day of ten years from `from` is the day before `from`, ten years on (2024-02-29 → 2034-02-28)
            checks.add("period", "is longer than ten years (" + period.from() + " to " + period.to() + ")");
        }
    }
}
