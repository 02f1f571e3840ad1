package se.familycentre.invoicing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A statement over HTTP: a draft (no id or number), an issued statement or a
 * credit statement. {@code status} is derived: ISSUED, CREDITED (a credit
 * statement refers to it), CREDIT (it is one) or DRAFT.
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
        StatementContent content) {
}
