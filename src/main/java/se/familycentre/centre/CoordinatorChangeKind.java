package se.familycentre.centre;

/** What a coordinator's dated change alters. */
public enum CoordinatorChangeKind {
    SALARY,
    FTE,
    ON_COST
}
