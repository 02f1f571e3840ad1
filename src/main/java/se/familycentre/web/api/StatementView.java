package se.familycentre.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A statement over HTTP: a draft (no id or number), an issued statement or a
 * credit statement, with its status and content. What a kind has not (a draft's id and number,
 * a statement's credit) is left out; {@code @Nullable} says so in the OpenAPI document.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementView(
        @Nullable Long id,
        @Nullable String number,
        String kind,
        String status,
        @Nullable LocalDate issuedOn,
        @Nullable LocalDate dueOn,
        Long centreId,
        @Nullable String credits,
        @Nullable LocalDate creditsIssuedOn,
        @Nullable String creditedBy,
        @Nullable List<String> replaces,
        @Nullable String pdfSha256,
        @Nullable String paymentReference,
        Map<String, String> links,
        StatementJson content) {
}
