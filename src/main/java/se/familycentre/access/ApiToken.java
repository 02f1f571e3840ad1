package se.familycentre.access;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * An API token as listed: never the token itself, which is shown once at creation.
 *
 * @param userId the user it acts for (their roles and entities), or null when it acts for itself
 *               as {@code SYSTEM} for {@code entities}
 */
public record ApiToken(long id, String prefix, String name, Long userId, String username, Set<String> entities,
                       Set<Long> entityIds, boolean mayIssue, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
                       OffsetDateTime lastUsedAt, String createdBy, OffsetDateTime createdAt) {

    /** A token just made: its secret value, shown this once. */
    public record Created(ApiToken token, String secret) {
    }
}
