package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A room, shared (no service key) or dedicated to one service. */
@MappedEntity("room")
public record RoomRow(
        @Id @GeneratedValue @Nullable Long id,
        Long centreId,
        int position,
        String roomKey,
        String type,
        @Nullable String name,
        BigDecimal area,
        @Nullable String serviceKey,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Version @Nullable Long version) {
}
