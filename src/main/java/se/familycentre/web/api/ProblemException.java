package se.familycentre.web.api;

/**
 * A refusal of the HTTP layer itself (a query parameter it does not know, a
 * download format it does not offer), carrying its finished problem. Refusals
 * of the domain are its own exceptions, which {@link ProblemMapper} maps.
 */
final class ProblemException extends RuntimeException {

    private final Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
