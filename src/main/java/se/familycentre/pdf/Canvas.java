package se.familycentre.pdf;

import se.familycentre.statement.SwedishFormat;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws on the content stream of the page being written: text placed at a
 * baseline (left, right-aligned or centred), rules and boxes in a grey. Only
 * black text and greys, so the page reads in black and white. Positions are PDF
 * points from the bottom left; where things go is the layout's business.
 *
 * <p>The minus sign: amounts print with U+2212 (−), the typographic minus, but a reader who
 * searches a statement or copies an amount from it types and expects the hyphen-minus ("-123,45").
 * So each minus glyph is drawn inside a marked-content span whose /ActualText is "-": the page
 * looks the same, while text extraction (PDFBox, Acrobat, Poppler), search and copy-paste read the
 * ASCII sign. Valid in PDF/A-2b, and no other glyph is touched. The ToUnicode map still says U+2212
 * for the glyph, so what is printed stays known.
 */
final class Canvas {

    /** U+2212 MINUS SIGN, as {@link SwedishFormat} prints a negative amount. */
    static final char MINUS = '\u2212';

    /** What the minus reads as: the hyphen-minus. */
    static final String MINUS_READS_AS = "-";

    /**
     * Opens the span, its properties written inline: Poppler (pdftotext, Evince, Okular) reads an
     * /ActualText only from an inline dictionary, not from one named in the page's /Properties,
     * which is all {@link PDPageContentStream#beginMarkedContent} can write.
     */
    private static final String BEGIN_MINUS_SPAN = "/Span <</ActualText (" + MINUS_READS_AS + ")>> BDC\n";

    private final TextMetrics metrics;
    private PDPageContentStream out;
    private PDResources resources;

    Canvas(TextMetrics metrics) {
        this.metrics = metrics;
    }

    /** Draws on this stream, whose page has these resources, from now on (nulls when no page is open). */
    void use(PDPageContentStream stream, PDResources pageResources) {
        this.out = stream;
        this.resources = pageResources;
    }

    void text(PageFont font, float size, float x, float baseline, String s) throws IOException {
        String safe = metrics.safe(font, s);
        if (safe.isEmpty()) {
            return;
        }
        out.beginText();
        font.select(out, resources, size);
        out.newLineAtOffset(x, baseline);
        show(font, safe);
        out.endText();
    }

    /**
     * Shows the text at the current point, each minus sign in its own span read as "-". The showing
     * operators move the point by each glyph's width, so the pieces land exactly where one string
     * would have (PDFBox applies no kerning).
     */
    @SuppressWarnings("deprecation") // appendRawCommands: the one way to write an inline property list
    private void show(PageFont font, String s) throws IOException {
        int minus = s.indexOf(MINUS);
        if (minus < 0) {
            font.show(out, s);
            return;
        }
        int from = 0;
        while (minus >= 0) {
            if (minus > from) {
                font.show(out, s.substring(from, minus));
            }
            out.appendRawCommands(BEGIN_MINUS_SPAN);
            font.show(out, String.valueOf(MINUS));
            out.endMarkedContent();
            from = minus + 1;
            minus = s.indexOf(MINUS, from);
        }
        if (from < s.length()) {
            font.show(out, s.substring(from));
        }
    }

    void rightText(PageFont font, float size, float right, float baseline, String s) throws IOException {
        text(font, size, right - metrics.width(font, size, s), baseline, s);
    }

    void centred(PageFont font, float size, float x, float width, float baseline, String s) throws IOException {
        text(font, size, x + (width - metrics.width(font, size, s)) / 2, baseline, s);
    }

    /** A filled word turned by theta about its start at (x, y), in a grey: behind later text, so drawn first. */
    void turned(PageFont font, float size, float grey, double theta, float x, float y, String word) throws IOException {
        out.saveGraphicsState();
        out.setNonStrokingColor(grey);
        out.beginText();
        font.select(out, resources, size);
        out.setTextMatrix(Matrix.getRotateInstance(theta, x, y));
        font.show(out, metrics.safe(font, word));
        out.endText();
        out.restoreGraphicsState();
    }

    void rule(float x1, float x2, float at, float lineWidth, float grey) throws IOException {
        out.saveGraphicsState();
        out.setStrokingColor(grey);
        out.setLineWidth(lineWidth);
        out.moveTo(x1, at);
        out.lineTo(x2, at);
        out.stroke();
        out.restoreGraphicsState();
    }

    void box(float x, float yBottom, float w, float h, float lineWidth, float grey) throws IOException {
        out.saveGraphicsState();
        out.setStrokingColor(grey);
        out.setLineWidth(lineWidth);
        out.addRect(x, yBottom, w, h);
        out.stroke();
        out.restoreGraphicsState();
    }
}
