package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A service of a centre; its key is the id the centre format uses. */
@MappedEntity("centre_service")
public record ServiceRow(
        @Id @GeneratedValue @Nullable Long id,
        Long centreId,
        int position,
        String serviceKey,
        String type,
        Long entityId,
        @Nullable String name,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        boolean coLocated,
        @Nullable Boolean sharesPremises,
        @Nullable String pools,
        @Nullable String costReference,
        @Version @Nullable Long version) {
}
