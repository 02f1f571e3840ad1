package se.familycentre.web.api;

import java.util.List;
import se.familycentre.allocation.Violation;

/**
 * A request the service refuses; {@link ProblemHandler} turns it into
 * {@code application/problem+json}. Controllers throw it; nothing else renders errors.
 */
public final class ProblemException extends RuntimeException {

    /** Problem types: stable URIs an integrator can switch on. */
    public static final String MALFORMED = "urn:problem:family-centre:malformed-request";
    public static final String INVALID = "urn:problem:family-centre:invalid-centre";
    public static final String NOT_FOUND = "urn:problem:family-centre:not-found";

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> errors;

    public ProblemException(int status, String type, String title, String detail, List<Violation> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: the body is not JSON, has a wrong type or an unknown property. */
    public static ProblemException malformed(List<Violation> errors) {
        return new ProblemException(400, MALFORMED, "The request is malformed",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields of the request are malformed", errors);
    }

    /** 422: well-formed, but the cost-sharing rules refuse it. */
    public static ProblemException invalid(List<Violation> errors) {
        return new ProblemException(422, INVALID, "The rules refuse the centre",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields break the cost-sharing rules", errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> errors() {
        return errors;
    }
}
