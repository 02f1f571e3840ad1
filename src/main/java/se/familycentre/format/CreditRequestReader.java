package se.familycentre.format;

import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.allocation.Violation;

/** Reads the optional body of a credit: {@code {"reason": "…"}}, the reason the credit statement prints. */
public final class CreditRequestReader {

    /** The longest reason a credit statement prints. */
    public static final int MAX_REASON = 500;

    private CreditRequestReader() {
    }

    /** The reason, or null when the body is empty or gives none. */
    public static String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonFields f = new JsonFields();
        Map<String, Object> m = f.object(JsonTree.parseBody(body), "", Set.of("reason"));
        String reason = m == null ? null : f.text(m, "reason", "");
        if (!f.errors().isEmpty()) {
            throw FormatException.malformed(f.errors());
        }
        if (reason != null && reason.isBlank()) {
            return null;
        }
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw new FormatException(FormatException.Kind.OUT_OF_BOUNDS, List.of(new Violation("reason",
                    "is at most " + MAX_REASON + " characters, was " + reason.strip().length())));
        }
        return reason == null ? null : reason.strip();
    }
}
