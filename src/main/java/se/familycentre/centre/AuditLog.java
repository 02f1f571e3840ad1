package se.familycentre.centre;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Records every change: what, when and by whom; the service itself acts as "system". */
@Singleton
public class AuditLog {

    public static final String SYSTEM = "system";

    private final AuditEventRepository events;

    public AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    public void record(String action, String resourceType, String resourceId, Long centreId, String summary) {
        String text = summary == null || summary.length() <= 4000 ? summary : summary.substring(0, 3997) + "...";
        events.save(new AuditEventRow(null, OffsetDateTime.now(ZoneOffset.UTC), SYSTEM, action, resourceType,
                resourceId, centreId, text));
    }
}
