package se.familycentre.allocation;

import java.util.EnumSet;
import java.util.Set;

/** Room types; the first four form the shared-premises minimum set of §14.1. */
public enum RoomType {
    STAFF_TOILET,
    VISITOR_TOILET,
    CONFERENCE_ROOM,
    STAFF_ROOM,
    RECEPTION,
    WAITING_ROOM,
    PLAY_ROOM,
    GROUP_ROOM,
    KITCHEN,
    OFFICE,
    TREATMENT_ROOM,
    STORAGE,
    OTHER;

    /** The shared rooms every family centre must have (RULES §2, rooms and the minimum set). */
    public static final Set<RoomType> MINIMUM_SET =
            EnumSet.of(STAFF_TOILET, VISITOR_TOILET, CONFERENCE_ROOM, STAFF_ROOM);
}
