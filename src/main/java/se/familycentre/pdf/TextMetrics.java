package se.familycentre.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
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
    private static final Map<String, Face> FACES = new ConcurrentHashMap<>();

    /** This document's font objects to their faces: two entries, looked up for every string measured. */
    private final Map<PDFont, Face> faces = new IdentityHashMap<>();

    /**
     * The width of the text as drawn ({@link #safe}): the sum of its glyphs' widths in order, which is
     * what {@link PDFont#getStringWidth} adds up, taken from the face's table.
     */
    float width(PDFont font, float size, String s) throws IOException {
        if (s == null) {
            return 0;
        }
        return units(font, 0, s) / 1000f * size;
    }

    /**
     * The advance of the printable text in thousandths of the size, added glyph by glyph to
     * {@code start} in order, so a line measured word by word adds up exactly as the whole line would.
     */
    private float units(PDFont font, float start, String s) throws IOException {
        Face face = face(font);
        float width = start;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += face.width(font, printable(face, font, cp));
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The text with control characters as spaces and any character the font lacks as '?'. */
    String safe(PDFont font, String s) {
        if (s == null) {
            return "";
        }
        Face face = face(font);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int shown = printable(face, font, cp);
            if (shown != cp && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.appendCodePoint(shown);
            }
            i += Character.charCount(cp);
        }
        return b == null ? s : b.toString();
    }

    private static int printable(Face face, PDFont font, int cp) {
        if (Character.isISOControl(cp)) {
            return ' ';
        }
        return face.encodable(font, cp) ? cp : '?';
    }

    private Face face(PDFont font) {
        return faces.computeIfAbsent(font, f -> FACES.computeIfAbsent(faceName(f), n -> new Face()));
    }

    private static String faceName(PDFont font) {
        String name = font.getName();
        int tag = name == null ? -1 : name.indexOf('+');
        return tag == 6 ? name.substring(7) : String.valueOf(name);
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
        String clean = collapseBlanks(safe(font, text));
        if (clean.isEmpty()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        float lineUnits = 0;
        for (String word : clean.split(" ")) {
            float candidate = line.length() == 0 ? units(font, 0, word) : units(font, lineUnits, " " + word);
            if (candidate / 1000f * size <= maxWidth) {
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
                lineUnits = candidate;
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
            lineUnits = units(font, 0, rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Runs of spaces and tabs as one space, trimmed at both ends. */
    private static String collapseBlanks(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean blank = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                blank = b.length() > 0;
                continue;
            }
            if (blank) {
                b.append(' ');
                blank = false;
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * What one face can print and how wide: tables indexed by code point for the blocks the embedded
     * faces keep (below U+2300), a map above. Entries are filled on first use; two threads filling the
     * same entry write the same value.
     */
    private static final class Face {
        private static final int TABLE = 0x2300;

        /** 0 not yet asked, 1 encodable, 2 not. */
        private final byte[] known = new byte[TABLE];
        /** NaN until measured; a float is written whole, so a racing reader sees NaN or the width. */
        private final float[] widths = new float[TABLE];
        private final Map<Integer, Boolean> knownAbove = new ConcurrentHashMap<>();
        private final Map<Integer, Float> widthsAbove = new ConcurrentHashMap<>();

        Face() {
            Arrays.fill(widths, Float.NaN);
        }

        boolean encodable(PDFont font, int cp) {
            if (cp < TABLE) {
                byte k = known[cp];
                if (k == 0) {
                    k = canEncode(font, cp) ? (byte) 1 : (byte) 2;
                    known[cp] = k;
                }
                return k == 1;
            }
            return knownAbove.computeIfAbsent(cp, c -> canEncode(font, c));
        }

        float width(PDFont font, int cp) throws IOException {
            if (cp < TABLE) {
                float w = widths[cp];
                if (Float.isNaN(w)) {
                    w = measure(font, cp);
                    widths[cp] = w;
                }
                return w;
            }
            Float w = widthsAbove.get(cp);
            if (w == null) {
                w = measure(font, cp);
                widthsAbove.put(cp, w);
            }
            return w;
        }

        private static float measure(PDFont font, int cp) throws IOException {
            return font.getStringWidth(new String(Character.toChars(cp)));
        }

        private static boolean canEncode(PDFont font, int cp) {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
