package se.familycentre.allocation;

/** What the agreement calls a centre, per segment (§8.2–8.4; RULES §1). */
public enum Classification {
    /** All four base types, all co-located. */
    FAMILY_CENTRE,
    /** Familjecentralsliknande verksamhet. */
    FAMILY_CENTRE_LIKE,
    /** Outside the agreement: computed all the same, and flagged. */
    NOT_COVERED
}
