package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A salary revision, a new FTE or a new on-cost percentage, from a date. */
@MappedEntity("coordinator_change")
public record CoordinatorChangeRow(
        @Id @GeneratedValue @Nullable Long id,
        Long coordinatorId,
        CoordinatorChangeKind kind,
        LocalDate validFrom,
        BigDecimal changeValue) {
}
