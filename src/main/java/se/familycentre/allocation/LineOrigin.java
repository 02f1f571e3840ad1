package se.familycentre.allocation;

/** Where a line the engine shares comes from: entered as a cost line, or expanded from the coordinator or the rent recharge. */
public enum LineOrigin {
    COST_LINE,
    COORDINATOR_SALARY,
    COORDINATOR_ON_COSTS,
    COORDINATOR_COMPETENCE_DEVELOPMENT,
    COORDINATOR_IT,
    COORDINATOR_OTHER,
    DEDICATED_RENT
}
