package se.familycentre.web.api;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become HTTP answers: our own refusals, and
 * Micronaut's (unknown route, wrong method, unsupported media type, anything
 * unexpected), all as RFC 9457 {@code application/problem+json}.
 */
@Singleton
@Primary
@Produces(Problem.MEDIA_TYPE)
@Requires(classes = {ExceptionHandler.class})
public class ProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>>,
        ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String EMPTY_BODY = "the body is empty; a JSON object is expected";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(v -> new Problem.FieldError(v.field(), v.reason())).toList();
        return HttpResponse.<Problem>status(HttpStatus.valueOf(e.status()))
                .contentType(Problem.MEDIA_TYPE)
                .body(new Problem(e.type(), e.title(), e.status(), e.getMessage(), request.getPath(), errors));
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        int status = base.code();
        if (status >= 500) {
            context.getRootCause().ifPresent(t -> LOG.error("Unexpected error on {}", context.getRequest().getPath(), t));
        }
        String detail = status >= 500
                ? "An unexpected error occurred; nothing was written."
                : context.getErrors().stream().map(err -> err.getMessage()).findFirst().orElse(base.reason());
        String type = switch (status) {
            case 404 -> ProblemException.NOT_FOUND;
            case 400 -> ProblemException.MALFORMED;
            default -> "about:blank";
        };
        String title = base.getStatus().getReason();
        List<Problem.FieldError> errors = List.of();
        if (status == 400) {
            // Micronaut's own 400s (an empty body never reaches the JSON reader) list their fields too
            title = "The request is malformed";
            if (context.getRootCause().filter(t -> t instanceof UnsatisfiedBodyRouteException).isPresent()) {
                errors = List.of(new Problem.FieldError("body", EMPTY_BODY));
                detail = "body: " + EMPTY_BODY;
            } else {
                errors = context.getErrors().stream()
                        .map(err -> new Problem.FieldError(
                                err.getPath().map(p -> p.startsWith("/") ? p.substring(1) : p).orElse("request"),
                                err.getMessage()))
                        .toList();
            }
        }
        return base.contentType(Problem.MEDIA_TYPE)
                .body(new Problem(type, title, status, detail, context.getRequest().getPath(), errors));
    }
}
