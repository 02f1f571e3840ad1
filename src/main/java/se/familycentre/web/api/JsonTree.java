package se.familycentre.web.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
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

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTree() {
    }

    /** @throws MalformedJson with the position and reason when the text is not one JSON value */
    static Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedJson("the body is empty; a JSON object is expected");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new MalformedJson("unexpected content after the JSON value at line "
                        + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr());
            }
            return value;
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            throw new MalformedJson("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + (cut > 0 ? message.substring(0, cut) : message));
        } catch (IOException e) {
            throw new MalformedJson("the body could not be read as JSON: " + e.getMessage());
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
                throw new MalformedJson("unexpected " + token + " at line " + p.currentLocation().getLineNr());
        }
    }

    /** The body is not JSON at all. */
    static final class MalformedJson extends RuntimeException {
        MalformedJson(String message) {
            super(message);
        }
    }
}
