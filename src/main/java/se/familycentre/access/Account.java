package se.familycentre.access;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user as stored, without the password hash.
 *
 * @param lockedUntil until when sign-in is refused after too many wrong passwords; null, or past, when it is not
 */
public record Account(long id, String username, String displayName, Set<Role> roles, Set<String> entities,
                      Set<Long> entityIds, boolean disabled, boolean mustChangePassword,
                      OffsetDateTime lastSignInAt, int sessionEpoch, OffsetDateTime createdAt,
                      OffsetDateTime lockedUntil) {

    /** The actor this user is when signed in. */
    public Actor actor() {
        return new Actor(Actor.Kind.USER, id, username, roles, entityIds, false);
    }
}
