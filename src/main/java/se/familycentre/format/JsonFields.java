package se.familycentre.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import se.familycentre.allocation.Violation;

/**
 * Typed reads from a {@link JsonTree} with every structural error collected
 * under its path: wrong types, unknown properties (a typo never falls back to a
 * default), unknown enum values (with the allowed ones), malformed dates and
 * numbers. These are the {@code 400} errors of src/site/markdown/rules.md; what the rules refuse
 * in well-formed input is for the validator.
 */
final class JsonFields {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * The range of a decimal the format accepts: at most this many digits
     * before the decimal point (a quadrillion SEK is far beyond any centre) …
     */
    static final int MAX_INTEGER_DIGITS = 15;
    /** … and this many after it (trailing zeros aside), so that 1e400 or 1e-400 never reach the exact arithmetic. */
    static final int MAX_DECIMALS = 20;

    private static final BigDecimal MIN_YEAR = BigDecimal.valueOf(1000);
    private static final BigDecimal MAX_YEAR = BigDecimal.valueOf(9999);

    private final List<Violation> errors = new ArrayList<>();
    /** Well-formed values the format still refuses (control characters in text): a 422, not a 400. */
    private final List<Violation> refused = new ArrayList<>();

    List<Violation> errors() {
        return errors;
    }

    List<Violation> refused() {
        return refused;
    }

    /**
     * Throws the structural errors ({@link FormatException.Kind#MALFORMED}) if there are any,
     * else the refused values ({@link FormatException.Kind#OUT_OF_BOUNDS}) if there are any.
     */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw FormatException.malformed(errors);
        }
        if (!refused.isEmpty()) {
            throw new FormatException(FormatException.Kind.OUT_OF_BOUNDS, refused);
        }
    }

    void error(String path, String reason) {
        errors.add(new Violation(path, reason));
    }

    /** A value of the right type the rules refuse (a 422, {@link FormatException.Kind#OUT_OF_BOUNDS}). */
    void refuse(String path, String reason) {
        refused.add(new Violation(path, reason));
    }

    /** The object at a path, checking that it knows no property outside {@code allowed}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(Object value, String path, Set<String> allowed) {
        if (!(value instanceof Map)) {
            error(path == null || path.isEmpty() ? "body" : path, "must be a JSON object, was " + describe(value));
            return null;
        }
        Map<String, Object> map = (Map<String, Object>) value;
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                error(join(path, key), "is not a known property; known here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static boolean absent(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null || v == JsonTree.NULL;
    }

    /** A text on one line: a control character in it is refused ({@link #controlCharacter}). */
    String text(Map<String, Object> map, String key, String path) {
        return text(map, key, path, false);
    }

    /** A text that may run over several lines (an invoice address): a line feed is allowed, no other control character. */
    String multiLineText(Map<String, Object> map, String key, String path) {
        return text(map, key, path, true);
    }

    private String text(Map<String, Object> map, String key, String path, boolean lines) {
        if (absent(map, key)) {
            return null;
        }
        Object v = map.get(key);
        if (v instanceof String s) {
            int at = controlCharacter(s, lines);
            if (at >= 0) {
                refused.add(new Violation(join(path, key), String.format("contains the control character U+%04X at "
                        + "position %d; control characters (U+0000–U+001F, U+007F–U+009F) are refused%s", (int) s.charAt(at),
                        at + 1, lines ? " except a line feed (U+000A) between lines" : "")));
            }
            return s;
        }
        error(join(path, key), "must be a string, was " + describe(v));
        return null;
    }

    /**
     * The index of the first C0 or C1 control character (U+0000–U+001F, U+007F–U+009F) in the
     * text, or -1: such a character has no place in a name or a reference, hides text on screen
     * and in print, and breaks the exports. {@code lineFeed} allows U+000A (and only it).
     */
    static int controlCharacter(String text, boolean lineFeed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c <= 0x1F || (c >= 0x7F && c <= 0x9F)) && !(lineFeed && c == '\n')) {
                return i;
            }
        }
        return -1;
    }

    Boolean bool(Map<String, Object> map, String key, String path) {
        if (absent(map, key)) {
            return null;
        }
        Object v = map.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        error(join(path, key), "must be true or false, was " + describe(v));
        return null;
    }

    /** A decimal given as a JSON number or a decimal string, read exactly. */
    BigDecimal decimal(Map<String, Object> map, String key, String path) {
        if (absent(map, key)) {
            return null;
        }
        return decimalValue(map.get(key), path, key);
    }

    BigDecimal decimalValue(Object v, String path) {
        return decimalValue(v, path, null);
    }

    /** The path is joined only for an error: reading a valid centre builds no path strings. */
    private BigDecimal decimalValue(Object v, String parent, String key) {
        BigDecimal d = null;
        if (v instanceof BigDecimal n) {
            d = n;
        } else if (v instanceof String s && DECIMAL.matcher(s.trim()).matches()) {
            d = new BigDecimal(s.trim());
        }
        if (d != null) {
            // digits before the point are precision - scale with or without trailing zeros; only the
            // count of decimals needs them stripped, and only a long one is worth stripping
            if (d.signum() != 0 && (long) d.precision() - d.scale() > MAX_INTEGER_DIGITS) {
                error(join(parent, key), "is out of range: at most " + MAX_INTEGER_DIGITS
                        + " digits before the decimal point, was " + describe(v));
                return null;
            }
            if (d.scale() > MAX_DECIMALS && d.signum() != 0 && d.stripTrailingZeros().scale() > MAX_DECIMALS) {
                error(join(parent, key), "is out of range: at most " + MAX_DECIMALS + " decimals, was " + describe(v));
                return null;
            }
            return d;
        }
        error(join(parent, key), "must be a decimal number (a JSON number or a string such as \"45225.00\"), was " + describe(v));
        return null;
    }

    /** A calendar year: a whole JSON number of four digits, as in a date. */
    Integer year(Map<String, Object> map, String key, String path) {
        if (absent(map, key)) {
            return null;
        }
        Object v = map.get(key);
        if (v instanceof BigDecimal d && d.signum() > 0 && d.compareTo(MAX_YEAR) <= 0) {
            BigDecimal whole = d.stripTrailingZeros();
            if (whole.scale() <= 0 && whole.compareTo(MIN_YEAR) >= 0) {
                return whole.intValueExact();
            }
        }
        error(join(path, key), "must be a year written as a whole number of four digits such as 2021, was " + describe(v));
        return null;
    }

    LocalDate date(Map<String, Object> map, String key, String path) {
        if (absent(map, key)) {
            return null;
        }
        Object v = map.get(key);
        if (v instanceof String s) {
            if (!DATE.matcher(s).matches()) {
                error(join(path, key), "must be a date written YYYY-MM-DD, was " + describe(v));
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                String why = e.getCause() != null && e.getCause().getMessage() != null ? " (" + e.getCause().getMessage() + ")" : "";
                error(join(path, key), "\"" + s + "\" is not a day of the calendar" + why);
                return null;
            }
        }
        error(join(path, key), "must be a date string YYYY-MM-DD, was " + describe(v));
        return null;
    }

    <E extends Enum<E>> E enumValue(Map<String, Object> map, String key, String path, Class<E> type) {
        if (absent(map, key)) {
            return null;
        }
        return enumOf(map.get(key), path, key, type);
    }

    <E extends Enum<E>> E enumOf(Object v, String path, Class<E> type) {
        return enumOf(v, path, null, type);
    }

    private <E extends Enum<E>> E enumOf(Object v, String parent, String key, Class<E> type) {
        if (v instanceof String s) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s)) {
                    return e;
                }
            }
            error(join(parent, key), "\"" + s + "\" is not one of the allowed values: " + allowed(type));
            return null;
        }
        error(join(parent, key), "must be one of " + allowed(type) + ", was " + describe(v));
        return null;
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    /** The elements of an array, each read by {@code reader} with its own path; absent is empty. */
    <T> List<T> list(Map<String, Object> map, String key, String path, BiFunction<Object, String, T> reader) {
        List<T> result = new ArrayList<>();
        if (absent(map, key)) {
            return result;
        }
        Object v = map.get(key);
        if (!(v instanceof List<?> items)) {
            error(join(path, key), "must be a JSON array, was " + describe(v));
            return result;
        }
        String listPath = join(path, key);
        for (int i = 0; i < items.size(); i++) {
            T item = reader.apply(items.get(i), listPath + "[" + i + "]");
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    static String join(String path, String key) {
        if (key == null) {
            return path;
        }
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    static String describe(Object v) {
        if (v == null || v == JsonTree.NULL) {
            return "null";
        }
        if (v instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (v instanceof BigDecimal d) {
            // toPlainString of 1e999999999 would be a billion characters long
            String text = d.precision() > 40 || Math.abs((long) d.scale()) > 40 ? d.toString() : d.toPlainString();
            return "the number " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof List) {
            return "an array";
        }
        return "an object";
    }
}
