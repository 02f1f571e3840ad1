package se.familycentre.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Measures text in a font and breaks it to a width. Every string is first made
 * printable ({@link #safe}), so what is measured is exactly what is drawn, and
 * a name with a character the font lacks prints with '?' instead of failing the
 * whole statement.
 */
final class TextMetrics {

    /**
     * Per face (by its name: every document embeds its own font objects of the same faces), whether
     * it can encode a code point and the code point's advance width in thousandths of the size. A
     * face's glyphs do not change, so this is worked out once per JVM instead of once per document.
     */
    private static final Map<String, Map<Integer, Boolean>> ENCODABLE = new ConcurrentHashMap<>();
    private static final Map<String, Map<Integer, Float>> WIDTHS = new ConcurrentHashMap<>();

    /**
     * The width of the text as drawn: the sum of its glyphs' widths in order, which is what
     * {@link PDFont#getStringWidth} adds up, taken from the cache.
     */
    float width(PDFont font, float size, String s) throws IOException {
        Map<Integer, Float> widths = WIDTHS.computeIfAbsent(face(font), f -> new ConcurrentHashMap<>());
        float width = 0;
        String printable = safe(font, s);
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            Float w = widths.get(cp);
            if (w == null) {
                w = font.getStringWidth(new String(Character.toChars(cp)));
                widths.put(cp, w);
            }
            width += w;
            i += Character.charCount(cp);
        }
        return width / 1000f * size;
    }

    private static String face(PDFont font) {
        String name = font.getName();
        int tag = name == null ? -1 : name.indexOf('+');
        return tag == 6 ? name.substring(7) : String.valueOf(name);
    }

    /** The text with control characters as spaces and any character the font lacks as '?'. */
    String safe(PDFont font, String s) {
        if (s == null) {
            return "";
        }
        Map<Integer, Boolean> known = ENCODABLE.computeIfAbsent(face(font), f -> new ConcurrentHashMap<>());
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(' ');
                return;
            }
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
            if (ok) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    /** Cuts the text to the width with an ellipsis. */
    String fit(PDFont font, float size, String s, float maxWidth) throws IOException {
        if (width(font, size, s) <= maxWidth) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && width(font, size, t + "…") > maxWidth) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** Breaks the text into lines no wider than the width, at spaces, a too long word by characters. */
    List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        String clean = safe(font, text).replaceAll("[ \\t]+", " ").trim();
        if (clean.isEmpty()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : clean.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > maxWidth && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
