package se.familycentre.web.api;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import java.time.Instant;
import java.util.Optional;
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
import se.familycentre.access.AccessRefusal;
import se.familycentre.centre.Refusal;
import se.familycentre.format.FormatException;
import se.familycentre.format.ParserMessages;
import se.familycentre.invoicing.InvoicingRefusal;

/**
 * Where errors become HTTP answers: the domain's refusals through
 * {@link ProblemMapper}, and Micronaut's own (unknown route, wrong method,
 * unsupported media type, anything unexpected), all as RFC 9457
 * {@code application/problem+json}.
 */
@Singleton
@Primary
@Produces(Problem.MEDIA_TYPE)
@Requires(classes = {ExceptionHandler.class})
public class ProblemHandler implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String EMPTY_BODY = "the body is empty; a JSON object is expected";

    static HttpResponse<Problem> answer(HttpRequest<?> request, RuntimeException e) {
        Problem problem = ProblemMapper.of(e, request.getPath());
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .contentType(Problem.MEDIA_TYPE)
                .body(problem);
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
            case 400 -> ProblemMapper.MALFORMED;
            case 404 -> ProblemMapper.NOT_FOUND;
            case 405 -> ProblemMapper.METHOD_NOT_ALLOWED;
            case 406 -> ProblemMapper.NOT_ACCEPTABLE;
            case 413 -> ProblemMapper.TOO_LARGE;
            case 415 -> ProblemMapper.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemMapper.INTERNAL : "about:blank";
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
                                ParserMessages.plain(err.getMessage())))
                        .toList();
                detail = ParserMessages.plain(detail);
            }
        }
        return base.contentType(Problem.MEDIA_TYPE)
                .body(new Problem(type, title, status, detail, context.getRequest().getPath(), errors));
    }

    /** The registry's refusals. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, Refusal e) {
            return answer(request, e);
        }
    }

    /** Issuing's and crediting's refusals. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class InvoicingRefusalHandler implements ExceptionHandler<InvoicingRefusal, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvoicingRefusal e) {
            return answer(request, e);
        }
    }

    /** Documents the centre format cannot read. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class FormatHandler implements ExceptionHandler<FormatException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, FormatException e) {
            return answer(request, e);
        }
    }

    /** The HTTP layer's own refusals. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class HttpProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
            return answer(request, e);
        }
    }

    /** Sign-in's and the administration of users' and tokens' refusals. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class AccessRefusalHandler implements ExceptionHandler<AccessRefusal, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, AccessRefusal e) {
            MutableHttpResponse<Problem> response = (MutableHttpResponse<Problem>) answer(request, e);
            if (e instanceof AccessRefusal.LockedOut locked) {
                response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Access.secondsUntil(locked.until())));
            }
            if (e instanceof AccessRefusal.BadCredentials) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, Access.CHALLENGE);
            }
            return response;
        }
    }

    /**
     * Micronaut Security's refusals: 401 when no valid credentials came (429 with Retry-After when
     * they named a locked account), 403 when the signed-in principal's role does not reach the route.
     */
    @Singleton
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    @Produces(Problem.MEDIA_TYPE)
    static class AuthorizationHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
            Optional<Instant> locked = request.getAttribute(Access.LOCKED_UNTIL, Instant.class);
            RuntimeException refusal = locked.isPresent() ? new AccessRefusal.LockedOut(locked.get())
                    : e.isForbidden() ? new AccessRefusal.Forbidden("the signed-in principal's role does not allow this")
                    : new AccessRefusal.BadCredentials();
            return (MutableHttpResponse<?>) new AccessRefusalHandler().handle(request, (AccessRefusal) refusal);
        }
    }
}
