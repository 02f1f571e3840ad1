package se.familycentre.web.api;

import java.util.List;
import se.familycentre.access.AccessRefusal;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.Refusal;
import se.familycentre.format.FormatException;
import se.familycentre.invoicing.InvoicingRefusal;

/**
 * The one place where a refusal becomes an RFC 9457 problem: each reason has
 * its status, a stable {@code type} an integrator can switch on, and its own title.
 */
final class ProblemMapper {

    private static final String PREFIX = "urn:problem:family-centre:";
    static final String MALFORMED = PREFIX + "malformed-request";
    static final String INVALID_CENTRE = PREFIX + "invalid-centre";
    static final String INCOMPLETE_PART = PREFIX + "incomplete-part";
    static final String INVALID_VALUE = PREFIX + "invalid-value";
    static final String NOT_FOUND = PREFIX + "not-found";
    static final String CONFLICT = PREFIX + "conflict";
    static final String ISSUED_PERIOD = PREFIX + "issued-period";
    static final String VERSION_REQUIRED = PREFIX + "version-required";
    static final String STALE = PREFIX + "stale-version";
    static final String ALREADY_ISSUED = PREFIX + "already-issued";
    static final String NOTHING_TO_INVOICE = PREFIX + "nothing-to-invoice";
    static final String ALREADY_CREDITED = PREFIX + "already-credited";
    static final String NOT_CREDITABLE = PREFIX + "not-creditable";
    static final String KEY_REUSED = PREFIX + "idempotency-key-reused";
    static final String KEY_IN_PROGRESS = PREFIX + "idempotency-key-in-progress";
    static final String METHOD_NOT_ALLOWED = PREFIX + "method-not-allowed";
    static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "unsupported-media-type";
    static final String NOT_ACCEPTABLE = PREFIX + "not-acceptable";
    static final String INTERNAL = PREFIX + "internal-error";
    static final String UNAUTHENTICATED = PREFIX + "unauthenticated";
    static final String FORBIDDEN = PREFIX + "forbidden";
    static final String LOCKED_OUT = PREFIX + "locked-out";
    static final String PASSWORD_CHANGE_REQUIRED = PREFIX + "password-change-required";
    static final String CROSS_SITE = PREFIX + "cross-site-request";
    static final String TOO_LARGE = PREFIX + "request-too-large";

    private ProblemMapper() {
    }

    static Problem of(RuntimeException e, String instance) {
        if (e instanceof ProblemException p) {
            return p.problem().at(instance);
        }
        if (e instanceof Refusal r) {
            return of(r, instance);
        }
        if (e instanceof InvoicingRefusal r) {
            return of(r, instance);
        }
        if (e instanceof FormatException f) {
            return of(f, instance);
        }
        if (e instanceof AccessRefusal a) {
            return of(a, instance);
        }
        throw new IllegalArgumentException("not a refusal: " + e.getClass().getName());
    }

    private static Problem of(Refusal r, String instance) {
        if (r instanceof Refusal.NotFound) {
            return problem(404, NOT_FOUND, "Not found", r, instance);
        }
        if (r instanceof Refusal.Conflict) {
            return problem(409, CONFLICT, "Conflict with stored data", r, instance);
        }
        if (r instanceof Refusal.IssuedPeriod) {
            return problem(409, ISSUED_PERIOD, "The change would alter issued statements", r, instance);
        }
        if (r instanceof Refusal.VersionRequired v) {
            String etag = ETags.of(v.current());
            String reason = v.sent() == null ? "is required; the current ETag is " + etag
                    : "is " + v.sent() + ", which names no version; a specific version is needed: the current ETag is "
                    + etag;
            return new Problem(VERSION_REQUIRED, "If-Match required", 428,
                    "updates and deletes must send If-Match with the resource's ETag; the current ETag is " + etag,
                    instance, fields(List.of(new Violation("If-Match", reason))));
        }
        if (r instanceof Refusal.StaleVersion s) {
            String etag = ETags.of(s.current());
            String weak = s.sent().contains("W/")
                    ? " (If-Match compares strongly: a weak entity tag W/\"…\" never matches)" : "";
            return new Problem(STALE, "The resource has changed", 412,
                    "If-Match " + s.sent() + " is not the current version; the current ETag is " + etag + weak, instance,
                    fields(List.of(new Violation("If-Match", "is " + s.sent() + " but the current ETag is " + etag
                            + weak))));
        }
        if (r instanceof Refusal.RefusedByRules) {
            return problem(422, INVALID_CENTRE, "The rules refuse the centre", r, instance);
        }
        return problem(422, INVALID_VALUE, "A value is refused", r, instance);
    }

    private static Problem of(InvoicingRefusal r, String instance) {
        if (r instanceof InvoicingRefusal.AlreadyIssued) {
            return problem(409, ALREADY_ISSUED, "The period is already issued", r, instance);
        }
        if (r instanceof InvoicingRefusal.NothingToInvoice) {
            return problem(422, NOTHING_TO_INVOICE, "Nothing to invoice", r, instance);
        }
        if (r instanceof InvoicingRefusal.AlreadyCredited) {
            return problem(409, ALREADY_CREDITED, "The statement is already credited", r, instance);
        }
        if (r instanceof InvoicingRefusal.NotCreditable) {
            return problem(422, NOT_CREDITABLE, "A credit statement cannot be credited", r, instance);
        }
        if (r instanceof InvoicingRefusal.KeyReused) {
            return problem(422, KEY_REUSED, "The Idempotency-Key belongs to another request", r, instance);
        }
        return problem(409, KEY_IN_PROGRESS, "The request with this Idempotency-Key has not finished", r, instance);
    }

    private static Problem of(AccessRefusal a, String instance) {
        if (a instanceof AccessRefusal.BadCredentials) {
            return new Problem(UNAUTHENTICATED, "Not signed in", 401, a.getMessage(), instance, List.of());
        }
        if (a instanceof AccessRefusal.LockedOut) {
            return new Problem(LOCKED_OUT, "Too many failed sign-ins", 429, a.getMessage(), instance, List.of());
        }
        if (a instanceof AccessRefusal.NotFound) {
            return new Problem(NOT_FOUND, "Not found", 404, a.getMessage(), instance, List.of());
        }
        if (a instanceof AccessRefusal.Forbidden) {
            return new Problem(FORBIDDEN, "Not allowed", 403, a.getMessage(), instance, List.of());
        }
        return new Problem(INVALID_VALUE, "A value is refused", 422, a.getMessage(), instance, fields(a.errors()));
    }

    private static Problem of(FormatException f, String instance) {
        return switch (f.kind()) {
            case MALFORMED -> malformed(f.errors(), instance);
            case INCOMPLETE -> new Problem(INCOMPLETE_PART, "The part lacks what the rules need", 422,
                    f.getMessage(), instance, fields(f.errors()));
            case OUT_OF_BOUNDS -> new Problem(INVALID_VALUE, "A value is refused", 422, f.getMessage(), instance,
                    fields(f.errors()));
        };
    }

    /** 400: the request is not what the API reads (a body that is not the format, an unknown query parameter). */
    static Problem malformed(List<Violation> errors, String instance) {
        return new Problem(MALFORMED, "The request is malformed", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields of the request are malformed", instance, fields(errors));
    }

    static ProblemException malformedRequest(List<Violation> errors) {
        return new ProblemException(malformed(errors, null));
    }

    static ProblemException notFound(String what) {
        return new ProblemException(new Problem(NOT_FOUND, "Not found", 404, what + " does not exist", null, List.of()));
    }

    private static Problem problem(int status, String type, String title, RuntimeException e, String instance) {
        List<Violation> errors = e instanceof Refusal r ? r.errors() : ((InvoicingRefusal) e).errors();
        return new Problem(type, title, status, e.getMessage(), instance, fields(errors));
    }

    static List<Problem.FieldError> fields(List<Violation> errors) {
        return errors.stream().map(v -> new Problem.FieldError(v.field(), v.reason())).toList();
    }
}
