package se.familycentre.centre;

import jakarta.inject.Singleton;

/** The repositories of a centre and its parts, handed around as one: reading, changing and importing use them all. */
@Singleton
record CentreTables(
        LegalEntityRepository entities,
        CentreRepository centres,
        PoolRuleRepository rules,
        ServiceRepository services,
        RoomRepository rooms,
        CoordinatorRepository coordinators,
        CoordinatorChangeRepository coordinatorChanges,
        CostLineRepository costLines,
        CostLineChangeRepository costLineChanges) {
}
