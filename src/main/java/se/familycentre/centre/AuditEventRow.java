package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.OffsetDateTime;

/** One recorded change: what, when, by whom. */
@MappedEntity("audit_event")
public record AuditEventRow(
        @Id @GeneratedValue @Nullable Long id,
        OffsetDateTime occurredAt,
        String actor,
        String action,
        String resourceType,
        String resourceId,
        @Nullable Long centreId,
        @Nullable String summary) {
}
