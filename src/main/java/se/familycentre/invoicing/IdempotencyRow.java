package se.familycentre.invoicing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.OffsetDateTime;

/** An Idempotency-Key already used: the request's hash and the answer it got. */
@MappedEntity("idempotency_key")
public record IdempotencyRow(@Id @MappedProperty("idem_key") String key, String requestHash, @Nullable String response,
                             OffsetDateTime createdAt) {
}
