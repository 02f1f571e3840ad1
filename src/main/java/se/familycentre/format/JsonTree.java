package se.familycentre.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain maps, lists, strings, booleans and {@link java.math.BigDecimal}s.
 * Numbers are read from their text, never through a double (RULES §4), and a
 * key given twice is an error rather than a silent overwrite. A {@code null}
 * value is kept as {@link #NULL} so that "given as null" and "absent" stay apart.
 */
final class JsonTree {

    /** The JSON literal {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final String EMPTY = "the body is empty; a JSON object is expected";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTree() {
    }

    /** The body of a request or a file as one JSON value; text that is not JSON is a malformed document. */
    static Object parseBody(String body) {
        return parseBody(() -> parse(body));
    }

    /** The same from the request's bytes, which the parser reads as UTF-8 without making a string first. */
    static Object parseBody(byte[] body) {
        return parseBody(() -> parse(body));
    }

    private static Object parseBody(java.util.function.Supplier<Object> parsing) {
        try {
            return parsing.get();
        } catch (MalformedJson e) {
            throw FormatException.malformed(java.util.List.of(new se.familycentre.allocation.Violation("body", e.getMessage())));
        }
    }

    /** @throws MalformedJson with the position and reason, in plain words, when the text is not one JSON value */
    static Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedJson(EMPTY);
        }
        return parse(() -> FACTORY.createParser(text));
    }

    static Object parse(byte[] bytes) {
        if (bytes == null || blank(bytes)) {
            throw new MalformedJson(EMPTY);
        }
        return parse(() -> FACTORY.createParser(bytes));
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private interface Opening {
        JsonParser open() throws IOException;
    }

    private static Object parse(Opening opening) {
        JsonParser parser = null;
        try {
            parser = opening.open();
            Object value = read(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new MalformedJson("unexpected content after the JSON value at " + where(parser.currentLocation()));
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new MalformedJson("the JSON at " + where(parser.currentLocation()) + " is too large: "
                    + ParserMessages.plain(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new MalformedJson("malformed JSON at " + where(at) + ": " + ParserMessages.plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MalformedJson("the body could not be read as JSON");
        } finally {
            close(parser);
        }
    }

    private static String where(JsonLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static void close(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // nothing was written; a parser over a string holds no resource worth reporting
            }
        }
    }

    private static Object read(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw new MalformedJson("the body ends before a JSON value");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String key = p.currentName();
                    map.put(key, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(read(p, t));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new MalformedJson("unexpected " + token + " at " + where(p.currentLocation()));
        }
    }

    /** A tree as {@link #parse} reads it, with {@link #NULL} as Java's null: for answering it as it was given. */
    static Object plain(Object tree) {
        if (tree == NULL) {
            return null;
        }
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, plain(v)));
            return out;
        }
        if (tree instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return tree;
    }

    /** A tree as {@link #parse} reads it, written back as JSON text; numbers as their exact decimal text. */
    static String write(Object tree) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = FACTORY.createGenerator(text)) {
            write(g, tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(com.fasterxml.jackson.core.JsonGenerator g, Object v) throws IOException {
        if (v == NULL || v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof java.math.BigDecimal d) {
            g.writeNumber(d.toPlainString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    /** The body is not JSON at all. */
    static final class MalformedJson extends RuntimeException {
        MalformedJson(String message) {
            super(message);
        }
    }
}
