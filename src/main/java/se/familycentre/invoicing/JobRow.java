package se.familycentre.invoicing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A background job, such as the quarterly run; its state lives in the database. */
@MappedEntity("job")
public record JobRow(
        @Id @GeneratedValue @Nullable Long id,
        String kind,
        LocalDate periodFrom,
        LocalDate periodTo,
        JobStatus status,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime finishedAt,
        @Version @Nullable Long version) {
}
