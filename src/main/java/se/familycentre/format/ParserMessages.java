package se.familycentre.format;

/**
 * A JSON parser's reason in plain words: its first line only, without the
 * source excerpt ({@code Source: …}) and without the settings it names
 * ({@code (…, from `StreamReadConstraints…`)}), which mean nothing to a caller.
 */
public final class ParserMessages {

    private ParserMessages() {
    }

    public static String plain(String message) {
        if (message == null) {
            return "the request could not be read";
        }
        String text = message.lines().findFirst().orElse(message);
        int source = text.indexOf(" Source: ");
        if (source < 0) {
            source = text.indexOf("(StreamReadFeature");
        }
        if (source > 0) {
            text = text.substring(0, source);
        }
        return text.replaceAll("\\s*\\([^()]*`[^`]*`[^()]*\\)", "").trim();
    }
}
