package se.familycentre.invoicing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * The PDF of an issued statement and its SHA-256, and its e-invoice (UBL) when it is invoiced between
 * two entities; written once.
 */
@MappedEntity("statement_pdf")
public record StatementPdfRow(@Id Long statementId, byte[] pdf, String sha256, @Nullable byte[] einvoice) {
}
