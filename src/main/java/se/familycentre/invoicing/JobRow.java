package se.familycentre.invoicing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A background job, such as the quarterly run; its state lives in the database.
 * {@code runningKey} names the kind and period while the job runs (one running
 * job per period, by a unique index) and is null once it is finished;
 * {@code heartbeatAt} is renewed by whichever instance works it.
 */
@MappedEntity("job")
public record JobRow(
        @Id @GeneratedValue @Nullable Long id,
        String kind,
        LocalDate periodFrom,
        LocalDate periodTo,
        JobStatus status,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime finishedAt,
        @Nullable String runningKey,
        @Nullable OffsetDateTime heartbeatAt,
        @Version @Nullable Long version,
        @Nullable String startedBy,
        @Nullable String scope) {

    /** What a running job of this kind and period is known by. */
    public static String runningKey(String kind, LocalDate from, LocalDate to) {
        return kind + " " + from + "/" + to;
    }
}
