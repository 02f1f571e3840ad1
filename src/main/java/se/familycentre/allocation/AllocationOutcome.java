package se.familycentre.allocation;

import java.util.List;

/** The engine's answer: an allocation, or the rules' refusal with every reason. */
public sealed interface AllocationOutcome {

    record Allocated(Allocation allocation) implements AllocationOutcome {
    }

    record Refused(List<Violation> violations) implements AllocationOutcome {
    }
}
