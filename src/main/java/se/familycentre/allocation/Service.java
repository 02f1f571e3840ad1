package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.Set;

/**
 * A service of a centre (RULES §1). It takes part {@code from..to}, both
 * inclusive, either end open ({@code null}). {@code sharesPremises} defaults to
 * {@code coLocated}. {@code pools} names the pools an {@code OTHER} actor is
 * in; base services are members by their type.
 */
public record Service(
        String id,
        ServiceType type,
        String entity,
        String name,
        LocalDate from,
        LocalDate to,
        boolean coLocated,
        Boolean sharesPremisesGiven,
        Set<Pool> pools) {

    public Service {
        pools = pools == null ? Set.of() : Set.copyOf(pools);
    }

    public boolean sharesPremises() {
        return sharesPremisesGiven == null ? coLocated : sharesPremisesGiven;
    }

    public boolean takesPartOn(LocalDate day) {
        return Dates.within(day, from, to);
    }

    /** Whether the service can be a member of the pool at all (RULES §2, members column). */
    public boolean canBeMemberOf(Pool pool) {
        return switch (pool) {
            case COORDINATOR -> type.isBase();
            case PREMISES -> type.isBase() ? sharesPremises() : pools.contains(Pool.PREMISES);
            case JOINT -> type.isBase() || pools.contains(Pool.JOINT);
        };
    }
}
