package se.familycentre.invoicing;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The PDF of an issued statement and its SHA-256; written once. */
@MappedEntity("statement_pdf")
public record StatementPdfRow(@Id Long statementId, byte[] pdf, String sha256) {
}
