package se.familycentre.invoicing;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import se.familycentre.allocation.Period;
import se.familycentre.format.CentreDocument;
import se.familycentre.format.CentreWriter;
import se.familycentre.statement.StatementDocument;

/**
 * Writes and reads what is kept with an issued statement: its content
 * ({@link ArchivedStatement}) and the inputs it was computed from (the period
 * and the centre document in the centre format), each with a format version.
 * Every version ever written stays readable.
 */
@Singleton
public class StatementArchive {

    /** The version of the inputs this code writes; 0 had no {@code formatVersion}. */
    public static final int INPUTS_VERSION = 1;

    private final JsonMapper json;

    public StatementArchive(JsonMapper json) {
        this.json = json;
    }

    public String writeContent(ArchivedStatement content) {
        return write(content);
    }

    public ArchivedStatement readContent(String text) {
        try {
            ArchivedStatement content = json.readValue(text, ArchivedStatement.class);
            if (content.version() > ArchivedStatement.CURRENT_VERSION) {
                throw new IllegalStateException("statement content of format version " + content.version()
                        + " is newer than this service (" + ArchivedStatement.CURRENT_VERSION + ")");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"formatVersion": 1, "period": {…}, "centre": {…}}}: the centre as the centre format writes it. */
    public String writeInputs(Period period, CentreDocument document) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("formatVersion", INPUTS_VERSION);
        inputs.put("period", Map.of("from", period.from().toString(), "to", period.to().toString()));
        inputs.put("centre", CentreWriter.document(document));
        return write(inputs);
    }

    /**
     * What the statement's footnote cites. Version 1 content keeps it; for
     * version 0 it is the local agreement named in the inputs, else the regional one.
     */
    public String basisOf(ArchivedStatement content, String inputs) {
        if (content.basis() != null) {
            return content.basis();
        }
        return basis(localAgreementOf(inputs));
    }

    /** The local agreement's reference under the regional agreement, or the regional agreement alone. */
    public static String basis(String localAgreementReference) {
        return localAgreementReference == null ? StatementDocument.AGREEMENT
                : localAgreementReference + " (" + StatementDocument.AGREEMENT + ")";
    }

    @SuppressWarnings("unchecked")
    private String localAgreementOf(String inputs) {
        try {
            Map<String, Object> centre = (Map<String, Object>) json.readValue(inputs, Map.class).get("centre");
            Object agreement = centre == null ? null : centre.get("localAgreement");
            return agreement instanceof Map<?, ?> a && a.get("reference") instanceof String reference ? reference : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
