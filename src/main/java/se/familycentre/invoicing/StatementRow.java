package se.familycentre.invoicing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An issued statement or credit statement: written once, never updated (a
 * trigger refuses it). {@code content} is the printed statement as JSON,
 * {@code inputs} the centre document and period it was computed from.
 */
@MappedEntity("statement")
public record StatementRow(
        @Id @GeneratedValue @Nullable Long id,
        String number,
        StatementKind kind,
        String creditor,
        String debtor,
        Long centreId,
        String centreName,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate issuedOn,
        OffsetDateTime issuedAt,
        BigDecimal total,
        @Nullable Long creditsId,
        @Nullable String replaces,
        String content,
        String inputs) {
}
