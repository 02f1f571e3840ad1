package se.familycentre.allocation;

/** How a pool's members are weighted (RULES §2: rules are weights). */
public enum RuleKind {
    /** Weight 1 for every member. */
    EQUAL,
    /** Weight is the area of the rooms dedicated to the member. */
    AREA,
    /** Weight is the member's percentage in the local agreement. */
    PERCENT
}
