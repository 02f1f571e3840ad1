package se.familycentre.centre;

import java.util.List;
import se.familycentre.allocation.Violation;

/**
 * What the registry refuses, and why: one type per reason, so the web layer
 * can answer each with its own problem and nothing here knows HTTP. A refusal
 * is thrown inside the transaction, so nothing of the refused change is written.
 */
public abstract sealed class Refusal extends RuntimeException {

    private final List<Violation> errors;

    private Refusal(String detail, List<Violation> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** Every field the refusal concerns, with the reason. */
    public List<Violation> errors() {
        return errors;
    }

    /** The thing asked for does not exist (or is not the caller's to see). */
    public static final class NotFound extends Refusal {
        public NotFound(String what) {
            super(what + " does not exist", List.of());
        }
    }

    /** The change contradicts what is stored: an id taken, an entity in use, an import that differs. */
    public static final class Conflict extends Refusal {
        public Conflict(String detail, List<Violation> errors) {
            super(detail, errors);
        }
    }

    /** The change would alter a period whose statements stand (RULES §5). */
    public static final class IssuedPeriod extends Refusal {
        public IssuedPeriod(String detail, List<Violation> errors) {
            super(detail, errors);
        }
    }

    /** An update or delete that names no version, or names any version ({@code *}). */
    public static final class VersionRequired extends Refusal {
        private final long current;
        private final String sent;

        /** @param sent what the caller sent instead of a version ({@code *}), or {@code null} for nothing */
        public VersionRequired(long current, String sent) {
            super("updates and deletes must name the version they change; the current version is " + current,
                    List.of());
            this.current = current;
            this.sent = sent;
        }

        public VersionRequired(long current) {
            this(current, null);
        }

        public long current() {
            return current;
        }

        /** What was sent instead of a version ({@code *}), or {@code null} when nothing was. */
        public String sent() {
            return sent;
        }
    }

    /** An update or delete of a version that is no longer the current one: someone changed it meanwhile. */
    public static final class StaleVersion extends Refusal {
        private final long current;
        private final String sent;

        public StaleVersion(String sent, long current) {
            super(sent + " is not the current version; the current version is " + current, List.of());
            this.current = current;
            this.sent = sent;
        }

        public long current() {
            return current;
        }

        public String sent() {
            return sent;
        }
    }

    /** The cost-sharing rules refuse the centre as it would be (RULES §1–§3). */
    public static final class RefusedByRules extends Refusal {
        public RefusedByRules(List<Violation> errors) {
            super(summary(errors, "break the cost-sharing rules"), errors);
        }
    }

    /** A value the rules allow but the register cannot keep: too long, or changing what never changes. */
    public static final class InvalidValue extends Refusal {
        public InvalidValue(List<Violation> errors) {
            super(summary(errors, "are refused"), errors);
        }
    }

    static String summary(List<Violation> errors, String what) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields " + what;
    }
}
