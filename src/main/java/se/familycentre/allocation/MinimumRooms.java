package se.familycentre.allocation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.familycentre.allocation.Allocation.Warning;
import se.familycentre.allocation.Timeline.Stretch;

/**
 * §14.1 (RULES §2, rooms and the minimum set): the shared rooms include at
 * least a staff toilet, a visitor toilet, a conference room and a staff room.
 * Lacking one is a refusal while the centre has a shared premises cost, and a
 * warning otherwise.
 */
final class MinimumRooms {

    private MinimumRooms() {
    }

    static void check(Centre centre, Period period, List<Charge> charges, List<Violation> violations,
                      List<Warning> warnings) {
        Timeline timeline = new Timeline(period.from(), period.to());
        for (Room room : centre.rooms()) {
            if (room.isShared()) {
                timeline.cutAround(room.from(), room.to());
            }
        }
        for (Stretch stretch : timeline.stretches()) {
            Set<RoomType> missing = EnumSet.copyOf(RoomType.MINIMUM_SET);
            for (Room room : centre.rooms()) {
                if (room.isShared() && room.existsOn(stretch.from())) {
                    missing.remove(room.type());
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String what = "the shared rooms lack " + String.join(", ", missing.stream().map(Enum::name).toList())
                    + " from " + stretch.from() + " to " + stretch.to();
            boolean premisesCost = charges.stream().anyMatch(ch -> ch.pool() == Pool.PREMISES
                    && ch.borneBy() == null && ch.overlaps(stretch.from(), stretch.to()));
            if (premisesCost) {
                violations.add(new Violation("rooms", what + "; a centre with shared premises costs needs at least "
                        + "a staff toilet, a visitor toilet, a conference room and a staff room (§14.1)"));
            } else {
                warnings.add(new Warning("MINIMUM_ROOMS_MISSING", what
                        + "; the agreement (§14.1) expects them among the shared premises."));
            }
        }
    }
}
