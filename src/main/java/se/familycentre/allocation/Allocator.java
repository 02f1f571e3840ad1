package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    public AllocationOutcome allocate(Centre centre, Period period) {
        List<Violation> violations = CentreValidator.validate(centre, period);
        if (!violations.isEmpty()) {
            return new AllocationOutcome.Refused(violations);
        }
        return run(centre, period);
    }

    private static AllocationOutcome run(Centre centre, Period period) {
        List<Violation> violations = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<Charge> charges = Charge.allOf(centre);
        MinimumRooms.check(centre, period, charges, violations, warnings);
        OreAmounts amounts = new OreAmounts();
        LineSharing sharing = new LineSharing(centre, period, violations, amounts);
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
