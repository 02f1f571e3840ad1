package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import se.familycentre.allocation.Allocation.ClassifiedStretch;
import se.familycentre.allocation.Allocation.LineAllocation;
import se.familycentre.allocation.Allocation.Warning;

/**
 * The one allocation engine (RULES §2–§5). Every line becomes a {@link Charge}
 * and is shared by {@link LineSharing}; the rooms are checked by
 * {@link MinimumRooms}, the centre classified by {@link Classifier}, and the
 * sums and flows come from {@link Totals} and the {@link Debt}s. Stateless and
 * free of frameworks, so the API, statements, simulator and web page all share
 * it.
 */
public final class Allocator {

    /** The Västra Götaland agreement applies from this date. */
    public static final LocalDate AGREEMENT_START = LocalDate.of(2024, 3, 1);

    /**
     * The centre over the period with no index values: a centre without indexed lines is
     * computed as always; an indexed line is refused (422), naming the series it needs. The
     * engine never falls back on values the caller did not pass: the calculator, the stored
     * centres and the simulator each say which values they mean
     * ({@link #allocate(Centre, Period, IndexTable)}).
     */
    public AllocationOutcome allocate(Centre centre, Period period) {
        return allocate(centre, period, IndexTable.empty());
    }

    /**
     * The centre over the period, indexed lines by the given index values (RULES §3 indexation):
     * the shipped reference data, the stored values, or a series extended by a simulator's
     * assumption ({@link IndexTable#extendedBy}).
     */
    public AllocationOutcome allocate(Centre centre, Period period, IndexTable indexes) {
        return allocate(centre, period, indexes, true);
    }

    /**
     * A plan's centre (RULES §7): its amounts are expanded exactly from the plan's assumptions
     * (a salary × 1,03ⁿ has as many decimals as it has), so they are not held to the four decimals
     * the register keeps; everything else is checked as for any centre.
     */
    public AllocationOutcome allocatePlan(Centre centre, Period period, IndexTable indexes) {
        return allocate(centre, period, indexes, false);
    }

    private AllocationOutcome allocate(Centre centre, Period period, IndexTable indexes, boolean registerPrecision) {
        Objects.requireNonNull(indexes, "indexes: IndexTable.empty() when there are no index values");
        List<Violation> violations = CentreValidator.validate(centre, period, indexes, registerPrecision);
        if (!violations.isEmpty()) {
            return new AllocationOutcome.Refused(violations);
        }
        return run(centre, period, indexes);
    }

    private static AllocationOutcome run(Centre centre, Period period, IndexTable indexes) {
        List<Violation> violations = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<Charge> charges = Charge.allOf(centre);
        MinimumRooms.check(centre, period, charges, violations, warnings);
        OreAmounts amounts = new OreAmounts();
        LineSharing sharing = new LineSharing(centre, period, indexes, violations, amounts);
        List<LineSharing.Shared> shared = new ArrayList<>();
        List<LineAllocation> lines = new ArrayList<>();
        for (Charge charge : charges) {
            LineSharing.Shared line = sharing.share(charge);
            if (line != null) {
                shared.add(line);
                lines.add(line.line());
            }
        }
        if (!violations.isEmpty()) {
            return new AllocationOutcome.Refused(List.copyOf(violations));
        }
        List<ClassifiedStretch> classification = Classifier.over(centre.services(), period);
        for (ClassifiedStretch s : classification) {
            if (s.classification() == Classification.NOT_COVERED) {
                warnings.add(new Warning("NOT_COVERED", "From " + s.from() + " to " + s.to()
                        + " the centre is not covered by the agreement: " + s.reason()
                        + ". The costs are computed all the same."));
            }
        }
        if (period.from().isBefore(AGREEMENT_START)) {
            warnings.add(0, new Warning("BEFORE_AGREEMENT", "The period starts before " + AGREEMENT_START
                    + ", when the cooperation agreement took effect; computed with its rules all the same."));
        }
        lines = List.copyOf(lines);
        return new AllocationOutcome.Allocated(new Allocation(period, centre.name(), classification,
                List.copyOf(warnings), lines, Totals.services(centre.services(), shared, amounts),
                Totals.flows(centre, shared, amounts)));
    }
}
