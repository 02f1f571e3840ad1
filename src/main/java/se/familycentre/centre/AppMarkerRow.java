package se.familycentre.centre;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.OffsetDateTime;

/** A one-off fact of this database, e.g. that the fixtures were loaded. */
@MappedEntity("app_marker")
public record AppMarkerRow(@Id String name, OffsetDateTime recordedAt) {
}
