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

    /** Who the work on this thread is done for, when no request says (a run's workers). */
    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    public void record(String action, String resourceType, String resourceId, Long centreId, String summary) {
        recordAs(currentActor(), action, resourceType, resourceId, centreId, summary);
    }

    /** Who the work on this thread is done by or for: the run's starter, the request's principal, or the service. */
    public String currentActor() {
        String acting = ACTING.get();
        String who = acting != null ? acting : principal == null ? SYSTEM : principal.current();
        return who == null || who.isBlank() ? SYSTEM : who.length() <= 100 ? who : who.substring(0, 100);
    }

    /** Runs the work with every event it records attributed to the actor (a run's workers act for its starter). */
    public static <T> T actingAs(String actor, java.util.function.Supplier<T> work) {
        String before = ACTING.get();
        ACTING.set(actor);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
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
