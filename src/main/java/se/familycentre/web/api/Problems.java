package se.familycentre.web.api;

import java.util.List;
import se.familycentre.allocation.Violation;

/** The registry's refusals, as problems {@link ProblemHandler} renders. */
public final class Problems {

    public static final String CONFLICT = "urn:problem:family-centre:conflict";
    public static final String STALE = "urn:problem:family-centre:stale-version";
    public static final String VERSION_REQUIRED = "urn:problem:family-centre:version-required";
    public static final String ISSUED_PERIOD = "urn:problem:family-centre:issued-period";

    private Problems() {
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, ProblemException.NOT_FOUND, "Not found", what + " does not exist", List.of());
    }

    public static ProblemException conflict(String detail, List<Violation> errors) {
        return new ProblemException(409, CONFLICT, "Conflict with stored data", detail, errors);
    }

    /** 428: every update and delete names the version it changes ({@code If-Match}). */
    public static ProblemException versionRequired(String currentEtag) {
        return new ProblemException(428, VERSION_REQUIRED, "If-Match required",
                "updates and deletes must send If-Match with the resource's ETag; the current ETag is " + currentEtag,
                List.of(new Violation("If-Match", "is required; the current ETag is " + currentEtag)));
    }

    /** 412: the version sent is not the current one; someone changed the resource meanwhile. */
    public static ProblemException stale(String sent, String currentEtag) {
        return new ProblemException(412, STALE, "The resource has changed",
                "If-Match " + sent + " is not the current version; the current ETag is " + currentEtag,
                List.of(new Violation("If-Match", "is " + sent + " but the current ETag is " + currentEtag)));
    }

    public static ProblemException issuedPeriod(String detail, List<Violation> errors) {
        return new ProblemException(409, ISSUED_PERIOD, "The change would alter issued statements", detail, errors);
    }
}
