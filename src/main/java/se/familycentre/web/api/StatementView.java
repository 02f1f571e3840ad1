package se.familycentre.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A statement over HTTP: a draft (no id or number), an issued statement or a
 * credit statement, with its status and content.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementView(
        Long id,
        String number,
        String kind,
        String status,
        LocalDate issuedOn,
        LocalDate dueOn,
        Long centreId,
        String credits,
        LocalDate creditsIssuedOn,
        String creditedBy,
        List<String> replaces,
        String pdfSha256,
        Map<String, String> links,
        StatementJson content) {
}
