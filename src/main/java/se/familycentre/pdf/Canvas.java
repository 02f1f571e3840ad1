package se.familycentre.pdf;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws on the content stream of the page being written: text placed at a
 * baseline (left, right-aligned or centred), rules and boxes in a grey. Only
 * black text and greys, so the page reads in black and white. Positions are PDF
 * points from the bottom left; where things go is the layout's business.
 */
final class Canvas {

    private final TextMetrics metrics;
    private PDPageContentStream out;

    Canvas(TextMetrics metrics) {
        this.metrics = metrics;
    }

    /** Draws on this stream from now on (null when no page is open). */
    void use(PDPageContentStream stream) {
        this.out = stream;
    }

    void text(PDFont font, float size, float x, float baseline, String s) throws IOException {
        String safe = metrics.safe(font, s);
        if (safe.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(safe);
        out.endText();
    }

    void rightText(PDFont font, float size, float right, float baseline, String s) throws IOException {
        text(font, size, right - metrics.width(font, size, s), baseline, s);
    }

    void centred(PDFont font, float size, float x, float width, float baseline, String s) throws IOException {
        text(font, size, x + (width - metrics.width(font, size, s)) / 2, baseline, s);
    }

    /** A filled word turned by theta about its start at (x, y), in a grey: behind later text, so drawn first. */
    void turned(PDFont font, float size, float grey, double theta, float x, float y, String word) throws IOException {
        out.saveGraphicsState();
        out.setNonStrokingColor(grey);
        out.beginText();
        out.setFont(font, size);
        out.setTextMatrix(Matrix.getRotateInstance(theta, x, y));
        out.showText(word);
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
