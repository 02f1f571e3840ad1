package se.familycentre.allocation;

/** The four base services of a family centre (RULES §1), and other actors. */
public enum ServiceType {
    MIDWIFE_CLINIC,
    CHILD_HEALTH,
    OPEN_PRESCHOOL,
    SOCIAL_SERVICES,
    /** Dental care, a library and the like: never in the coordinator pool. */
    OTHER;

    public boolean isBase() {
        return this != OTHER;
    }
}
