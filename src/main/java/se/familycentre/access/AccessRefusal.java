package se.familycentre.access;

import java.time.Instant;
import java.util.List;
import se.familycentre.allocation.Violation;

/** What sign-in and the administration of users and tokens refuse, one type per reason. */
public abstract sealed class AccessRefusal extends RuntimeException {

    private final List<Violation> errors;

    private AccessRefusal(String detail, List<Violation> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<Violation> errors() {
        return errors;
    }

    /** Unknown user, wrong password, disabled user, or an unknown, expired or revoked token: one answer for all. */
    public static final class BadCredentials extends AccessRefusal {
        public BadCredentials() {
            super("the username and password, or the token, are not valid", List.of());
        }
    }

    /** Too many failed sign-ins in a row: the account waits until the time given. */
    public static final class LockedOut extends AccessRefusal {
        private final Instant until;

        public LockedOut(Instant until) {
            super("too many failed sign-ins; try again after " + until, List.of());
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    /** A value that cannot be stored: a password too short, a username taken, an unknown entity. */
    public static final class Invalid extends AccessRefusal {
        public Invalid(String detail, List<Violation> errors) {
            super(detail, errors);
        }
    }

    /** The form that creates a token was sent before, and made this token: its secret was shown then, once. */
    public static final class AlreadyCreated extends AccessRefusal {
        private final ApiToken token;

        public AlreadyCreated(ApiToken token) {
            super("the form already created token " + token.prefix() + " (" + token.name() + ")", List.of());
            this.token = token;
        }

        public ApiToken token() {
            return token;
        }
    }

    /** The user or token does not exist (or is not the caller's to see). */
    public static final class NotFound extends AccessRefusal {
        public NotFound(String what) {
            super(what + " does not exist", List.of());
        }
    }

    /** The caller is signed in but its role does not allow the action. */
    public static final class Forbidden extends AccessRefusal {
        public Forbidden(String detail) {
            super(detail, List.of());
        }
    }
}
