package se.familycentre.centre;

import jakarta.inject.Singleton;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.IndexTable;
import se.familycentre.allocation.Period;

/**
 * The engine with the index values the database holds ({@link IndexValues}): how the service
 * computes a centre's period everywhere, so an indexed line is priced with the same October values
 * by the calculator, a stored centre's allocation, its statements and the history guard.
 */
@Singleton
public class Allocations {

    private final Allocator allocator;
    private final IndexValues index;

    public Allocations(Allocator allocator, IndexValues index) {
        this.allocator = allocator;
        this.index = index;
    }

    /** The values are read only for a centre with an indexed line: issuing reads no index for the others. */
    public AllocationOutcome allocate(Centre centre, Period period) {
        boolean indexed = centre.costLines().stream().anyMatch(l -> l.indexation() != null);
        return allocator.allocate(centre, period, indexed ? index.table() : IndexTable.empty());
    }
}
