package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A salary revision (SALARY), a new FTE (FTE) or on-cost percentage (ON_COST) from a date. */
@MappedEntity("coordinator_change")
public record CoordinatorChangeRow(
        @Id @GeneratedValue @Nullable Long id,
        Long coordinatorId,
        String kind,
        LocalDate validFrom,
        BigDecimal changeValue) {
}
