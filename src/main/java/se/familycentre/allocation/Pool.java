package se.familycentre.allocation;

/** The three cost pools of the agreement's §14.1 (RULES §2). */
public enum Pool {
    /** The coordinator's whole cost, always shared equally by the base services. */
    COORDINATOR,
    /** Shared premises: rent of shared areas, cleaning, alarms, shared IT and the like. */
    PREMISES,
    /** Joint activities of the annual operational plan. */
    JOINT;

    /**
     * The rule the agreement itself fixes for the pool, which no local agreement
     * can change: the coordinator's cost is always shared {@code EQUAL} (§14.1).
     * {@code null} where the local agreement chooses.
     */
    public RuleKind mandatoryRule() {
        return this == COORDINATOR ? RuleKind.EQUAL : null;
    }
}
