package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A coordinator post; its dated changes are CoordinatorChangeRows. */
@MappedEntity("coordinator")
public record CoordinatorRow(
        @Id @GeneratedValue @Nullable Long id,
        Long centreId,
        int position,
        String coordinatorKey,
        @Nullable String name,
        String employerKey,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        BigDecimal monthlySalary,
        BigDecimal ftePercent,
        BigDecimal onCostPercent,
        @Nullable BigDecimal competenceDevelopment,
        @Nullable BigDecimal itPerYear,
        @Nullable BigDecimal otherPerYear,
        @Version @Nullable Long version) {
}
