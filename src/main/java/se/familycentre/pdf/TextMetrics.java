package se.familycentre.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures text in a font and breaks it to a width. Every string is first made
 * printable ({@link #safe}), so what is measured is exactly what is drawn, and
 * a name with a character the font lacks prints with '?' instead of failing the
 * whole statement.
 */
final class TextMetrics {

    /** The width of the text as drawn ({@link #safe}): the sum of its glyphs' widths in order. */
    float width(PageFont font, float size, String s) {
        if (s == null) {
            return 0;
        }
        return units(font.face(), 0, s) / 1000f * size;
    }

    /**
     * The advance of the printable text in thousandths of the size, added glyph by glyph to
     * {@code start} in order, so a line measured word by word adds up exactly as the whole line would.
     */
    private static float units(Typeface face, float start, String s) {
        float width = start;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += face.width(printable(face, cp));
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The text with control characters as spaces and any character the font lacks as '?'. */
    String safe(PageFont font, String s) {
        if (s == null) {
            return "";
        }
        Typeface face = font.face();
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int shown = printable(face, cp);
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

    private static int printable(Typeface face, int cp) {
        if (Character.isISOControl(cp)) {
            return ' ';
        }
        return face.prints(cp) ? cp : '?';
    }

    /** Cuts the text to the width with an ellipsis. */
    String fit(PageFont font, float size, String s, float maxWidth) {
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
    List<String> wrap(PageFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        String clean = collapseBlanks(safe(font, text));
        if (clean.isEmpty()) {
            lines.add("");
            return lines;
        }
        Typeface face = font.face();
        StringBuilder line = new StringBuilder();
        float lineUnits = 0;
        for (String word : clean.split(" ")) {
            float candidate = line.length() == 0 ? units(face, 0, word) : units(face, lineUnits, " " + word);
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
            lineUnits = units(face, 0, rest);
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
}
