package se.familycentre.format;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Violation;

/**
 * Periods as the format and the query strings write them: a quarter
 * ({@code 2025-Q1}) or {@code from} and {@code to}, both inclusive.
 */
public final class PeriodReader {

    private static final Set<String> PERIOD = Set.of("from", "to");

    /** No period computed or issued is longer than this. */
    static final int MAX_YEARS = 10;

    private PeriodReader() {
    }

    /** The period of a query: {@code period=2025-Q1}, or {@code from} and {@code to}; a 400 names what is wrong. */
    public static Period fromQuery(String quarter, String from, String to) {
        JsonFields f = new JsonFields();
        Map<String, Object> m = new LinkedHashMap<>();
        if (quarter != null) {
            Period p = period(f, quarter);
            if (f.errors().isEmpty() && from == null && to == null) {
                return p;
            }
            if (from != null || to != null) {
                f.error("period", "give either period or from and to, not both");
            }
        } else {
            if (from != null) {
                m.put("from", from);
            }
            if (to != null) {
                m.put("to", to);
            }
            Period p = period(f, m.isEmpty() ? null : m);
            if (f.errors().isEmpty()) {
                if (p.to().isBefore(p.from())) {
                    throw new FormatException(FormatException.Kind.OUT_OF_BOUNDS,
                            List.of(new Violation("to", "is before from (" + p.from() + ")")));
                }
                if (p.to().isAfter(p.from().minusDays(1).plusYears(MAX_YEARS))) {
                    throw new FormatException(FormatException.Kind.OUT_OF_BOUNDS,
                            List.of(new Violation("period", "is longer than ten years")));
                }
                return p;
            }
        }
        throw FormatException.malformed(f.errors());
    }

    static Period period(JsonFields f, Object value) {
        if (value == null || value == JsonTree.NULL) {
            f.error("period", "is required: a quarter such as \"2025-Q1\" or {\"from\": \"2025-01-01\", \"to\": \"2025-03-31\"}");
            return null;
        }
        if (value instanceof String s) {
            if (!Period.isQuarter(s)) {
                f.error("period", "\"" + s + "\" is not a quarter; write YYYY-Qn with n from 1 to 4, e.g. 2025-Q1");
                return null;
            }
            return Period.ofQuarter(s);
        }
        Map<String, Object> map = f.object(value, "period", PERIOD);
        if (map == null) {
            return null;
        }
        LocalDate from = f.date(map, "from", "period");
        LocalDate to = f.date(map, "to", "period");
        if (from == null && JsonFields.absent(map, "from")) {
            f.error("period.from", "is required");
        }
        if (to == null && JsonFields.absent(map, "to")) {
            f.error("period.to", "is required");
        }
        return from == null || to == null ? null : new Period(from, to);
    }
}
