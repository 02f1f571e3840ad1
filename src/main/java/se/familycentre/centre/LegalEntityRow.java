package se.familycentre.centre;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A legal entity: names, addresses and references are plain current values. */
@MappedEntity("legal_entity")
public record LegalEntityRow(
        @Id @GeneratedValue @Nullable Long id,
        String organisationNumber,
        String name,
        @Nullable String invoiceAddress,
        @Nullable String invoiceReference,
        int paymentTermsDays,
        @Version @Nullable Long version) {
}
