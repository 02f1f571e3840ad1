package se.familycentre.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists every offending field at
 * once, each with its reason.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    /** One offending field: a path into the request body (or a query parameter) and why. */
    @Serdeable
    public record FieldError(String field, String reason) {
    }
}
