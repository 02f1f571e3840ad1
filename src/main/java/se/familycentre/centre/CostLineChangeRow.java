package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A new amount of a cost line from a date. */
@MappedEntity("cost_line_change")
public record CostLineChangeRow(
        @Id @GeneratedValue @Nullable Long id,
        Long costLineId,
        LocalDate validFrom,
        BigDecimal amount) {
}
