package se.familycentre.format;

import java.util.List;
import se.familycentre.allocation.Violation;

/**
 * A document the format cannot take, with every error under its path. Most are
 * structural ({@link Kind#MALFORMED}: not JSON, a wrong type, an unknown
 * property); some are well-formed values the format still refuses, such as a
 * period that ends before it starts.
 */
public final class FormatException extends RuntimeException {

    public enum Kind {
        /** The text is not the format: nothing in it can be trusted. */
        MALFORMED,
        /** A part lacks what the cost-sharing rules need to know about it. */
        INCOMPLETE,
        /** Well-formed, but a value is outside what the service accepts. */
        OUT_OF_BOUNDS
    }

    private final Kind kind;
    private final List<Violation> errors;

    public FormatException(Kind kind, List<Violation> errors) {
        super(summary(errors));
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    static FormatException malformed(List<Violation> errors) {
        return new FormatException(Kind.MALFORMED, errors);
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> errors() {
        return errors;
    }

    private static String summary(List<Violation> errors) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are refused";
    }
}
