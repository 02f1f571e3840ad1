package se.familycentre.centre;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Violation;

/**
 * RULES §5: a change of data that would alter an issued period is refused
 * while its statements stand. Rather than guess from which fields changed, the
 * guard computes every issued period before and after the change and refuses
 * if any line's total or share differs.
 */
@Singleton
public class HistoryGuard {

    private final IssuedPeriods issued;
    private final Allocator allocator;

    public HistoryGuard(IssuedPeriods issued, Allocator allocator) {
        this.issued = issued;
        this.allocator = allocator;
    }

    public void check(long centreId, Centre before, Centre after) {
        List<Violation> altered = new ArrayList<>();
        for (IssuedPeriods.IssuedPeriod p : issued.issuedFor(centreId)) {
            if (!Objects.equals(fingerprint(before, p), fingerprint(after, p))) {
                altered.add(new Violation("period " + p.period().label(), "statements "
                        + String.join(", ", p.statementNumbers()) + " are issued for this period; credit them first"));
            }
        }
        if (!altered.isEmpty()) {
            throw new Refusal.IssuedPeriod("the change would alter " + altered.size()
                    + " issued period(s); credit their statements before changing the data (RULES §5)", altered);
        }
    }

    private String fingerprint(Centre centre, IssuedPeriods.IssuedPeriod p) {
        AllocationOutcome outcome = allocator.allocate(centre, p.period());
        if (!(outcome instanceof AllocationOutcome.Allocated allocated)) {
            return "refused";
        }
        StringBuilder sb = new StringBuilder();
        for (Allocation.LineAllocation line : allocated.allocation().lines()) {
            sb.append(line.id()).append('|').append(line.payer()).append('|').append(Sek.plain(line.total()));
            line.shares().forEach(s -> sb.append('|').append(s.service()).append('=').append(Sek.plain(s.amount())));
            sb.append('\n');
        }
        return sb.toString();
    }
}
