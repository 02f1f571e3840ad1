package se.familycentre.format;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.allocation.Violation;

/**
 * Reads the body that enters an index series' October value: {@code {"october": "415.50"}} (a
 * string or a number, as every amount in the format). The value is above 0, has at most four
 * decimals and fewer than nine digits before the point.
 */
public final class IndexValueReader {

    private static final BigDecimal LIMIT = new BigDecimal("100000000");

    private IndexValueReader() {
    }

    public static BigDecimal october(String body) {
        JsonFields f = new JsonFields();
        Map<String, Object> m = f.object(JsonTree.parseBody(body), "", Set.of("october"));
        BigDecimal value = m == null ? null : f.decimal(m, "october", "");
        if (!f.errors().isEmpty()) {
            throw FormatException.malformed(f.errors());
        }
        String problem = value == null ? "is required: the series' value for October of the year"
                : value.signum() <= 0 ? "is above 0, was " + value.toPlainString()
                : value.stripTrailingZeros().scale() > 4 ? "has at most four decimals, was " + value.toPlainString()
                : value.compareTo(LIMIT) >= 0 ? "is below 100 000 000, was " + value.toPlainString()
                : null;
        if (problem != null) {
            throw new FormatException(FormatException.Kind.OUT_OF_BOUNDS, List.of(new Violation("october", problem)));
        }
        return value;
    }
}
