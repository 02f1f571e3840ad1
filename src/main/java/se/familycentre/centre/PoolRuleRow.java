package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One rule of a pool from a date; percentages as a JSON object of service key to percent. */
@MappedEntity("pool_rule")
public record PoolRuleRow(
        @Id @GeneratedValue @Nullable Long id,
        Long centreId,
        String pool,
        int position,
        @Nullable LocalDate validFrom,
        String rule,
        @Nullable String percentages) {
}
