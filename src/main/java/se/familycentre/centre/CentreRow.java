package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A centre and its profile; the dedicated-room rent recharge, if the centre has one. */
@MappedEntity("centre")
public record CentreRow(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        @Nullable String municipality,
        @Nullable String region,
        @Nullable LocalDate establishedOn,
        @Nullable String agreementReference,
        @Nullable LocalDate agreementFrom,
        @Nullable LocalDate agreementTo,
        @Nullable String rentLeaseHolder,
        @Nullable BigDecimal rentPerSquareMetre,
        @Version @Nullable Long version) {
}
