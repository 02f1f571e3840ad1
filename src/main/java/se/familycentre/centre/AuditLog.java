package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Records every change: what, when and by whom. "By whom" is the signed-in user or the token's
 * prefix ({@link AuditPrincipal}); the service itself, outside any request, acts as "system".
 */
@Singleton
public class AuditLog {

    public static final String SYSTEM = "system";

    private final AuditEventRepository events;
    private final AuditPrincipal principal;

    public AuditLog(AuditEventRepository events, @Nullable AuditPrincipal principal) {
        this.events = events;
        this.principal = principal;
    }

    public void record(String action, String resourceType, String resourceId, Long centreId, String summary) {
        recordAs(principal == null ? SYSTEM : principal.current(), action, resourceType, resourceId, centreId,
                summary);
    }

    /** Records an event by a principal the request has not established, such as a failed sign-in. */
    public void recordAs(String actor, String action, String resourceType, String resourceId, Long centreId,
                         String summary) {
        String text = summary == null || summary.length() <= 4000 ? summary : summary.substring(0, 3997) + "...";
        String who = actor == null || actor.isBlank() ? SYSTEM : actor.length() <= 100 ? actor
                : actor.substring(0, 100);
        events.save(new AuditEventRow(null, OffsetDateTime.now(ZoneOffset.UTC), who, action, resourceType,
                resourceId, centreId, text));
    }
}
