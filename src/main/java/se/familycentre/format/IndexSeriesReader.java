package se.familycentre.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import se.familycentre.allocation.IndexSeries;
import se.familycentre.allocation.IndexTable;
import se.familycentre.allocation.Violation;

/**
 * Reads index series (RULES §3 indexation) from JSON:
 * {@code {"series": [{"name": "KPI", "description": "…", "octoberValues": {"2023": "409.07", …}}]}}.
 * Values are read exactly, as JSON numbers or decimal strings. A structural
 * error is a {@link FormatException.Kind#MALFORMED}; a value not above 0 or a
 * name given twice is {@link FormatException.Kind#OUT_OF_BOUNDS}.
 *
 * <p>The reference data ships as {@value #REFERENCE}: KPI's October values
 * (1980 = 100) that RULES §6 example E uses. Who passes which table to the
 * engine is the caller's choice; {@link #reference()} is one.
 */
public final class IndexSeriesReader {

    /** The classpath resource with the shipped reference data. */
    public static final String REFERENCE = "/reference/index-series.json";

    private static final Set<String> ROOT = Set.of("series");
    private static final Set<String> SERIES = Set.of("name", "description", "octoberValues");
    private static final Pattern YEAR = Pattern.compile("[1-9]\\d{3}");

    private IndexSeriesReader() {
    }

    /** The shipped reference data ({@value #REFERENCE}), read once. */
    public static IndexTable reference() {
        return Reference.TABLE;
    }

    private static final class Reference {
        static final IndexTable TABLE = read(resource(REFERENCE));
    }

    private static String resource(String name) {
        try (InputStream in = IndexSeriesReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table of index series; refuses with every error at once. */
    public static IndexTable read(String body) {
        JsonFields f = new JsonFields();
        Map<String, Object> root = f.object(JsonTree.parseBody(body), "", ROOT);
        List<IndexSeries> series = new ArrayList<>();
        List<Violation> refused = new ArrayList<>();
        if (root != null) {
            Set<String> names = new HashSet<>();
            List<IndexSeries> read = f.list(root, "series", "", (v, p) -> series(f, v, p, refused));
            for (int i = 0; i < read.size(); i++) {
                if (!names.add(read.get(i).name())) {
                    refused.add(new Violation("series[" + i + "].name", "another series is named " + read.get(i).name()));
                }
            }
            series.addAll(read);
        }
        f.throwIfAny();
        if (!refused.isEmpty()) {
            throw new FormatException(FormatException.Kind.OUT_OF_BOUNDS, refused);
        }
        return IndexTable.of(series);
    }

    private static IndexSeries series(JsonFields f, Object value, String path, List<Violation> refused) {
        Map<String, Object> m = f.object(value, path, SERIES);
        if (m == null) {
            return null;
        }
        String name = f.text(m, "name", path);
        f.text(m, "description", path);
        if (name == null || name.isBlank()) {
            f.error(JsonFields.join(path, "name"), "is required");
        }
        TreeMap<Integer, BigDecimal> values = new TreeMap<>();
        String valuesPath = JsonFields.join(path, "octoberValues");
        Object raw = m.get("octoberValues");
        if (raw instanceof Map<?, ?> byYear) {
            byYear.forEach((k, v) -> {
                String year = (String) k;
                String yearPath = valuesPath + "." + year;
                if (!YEAR.matcher(year).matches()) {
                    f.error(yearPath, "is not a year: the values are keyed by years of four digits such as \"2023\"");
                    return;
                }
                BigDecimal d = f.decimalValue(v, yearPath);
                if (d != null) {
                    if (d.signum() <= 0) {
                        refused.add(new Violation(yearPath, "an index value must be above 0, was " + d.toPlainString()));
                    }
                    values.put(Integer.parseInt(year), d);
                }
            });
        } else {
            f.error(valuesPath, "must be an object of years to the October values, was " + JsonFields.describe(raw));
        }
        return name == null || name.isBlank() ? null : new IndexSeries(name, values);
    }
}
