package se.familycentre.invoicing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/** One centre of a job, with what became of it. */
@MappedEntity("job_item")
public record JobItemRow(
        @Id @GeneratedValue @Nullable Long id,
        Long jobId,
        Long centreId,
        JobItemStatus status,
        @Nullable String detail,
        @Version @Nullable Long version) {
}
