package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A cost line; its dated amounts are CostLineChangeRows; no index series, no indexation. */
@MappedEntity("cost_line")
public record CostLineRow(
        @Id @GeneratedValue @Nullable Long id,
        Long centreId,
        int position,
        String lineKey,
        @Nullable String name,
        String pool,
        String payerKey,
        String periodicity,
        BigDecimal amount,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable LocalDate onceDate,
        @Nullable String borneBy,
        @Nullable String indexSeries,
        @Nullable Integer indexBaseYear,
        @Nullable BigDecimal indexShare,
        @Nullable Boolean indexFloor,
        @Version @Nullable Long version) {
}
