package se.familycentre.pdf;

import static se.familycentre.pdf.PageGeometry.A4;
import static se.familycentre.pdf.PageGeometry.FOOTER_RULE;
import static se.familycentre.pdf.PageGeometry.FOOTER_TEXT;
import static se.familycentre.pdf.PageGeometry.GREY_RULE;
import static se.familycentre.pdf.PageGeometry.LEFT;
import static se.familycentre.pdf.PageGeometry.RIGHT;
import static se.familycentre.pdf.PageGeometry.TOP;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The run of pages and the cursor that moves down them: opens each page (with
 * the UTKAST mark on a draft and, after the first, a running head naming the
 * document), and at the end writes every page's footer, which needs the page
 * count. The head and the table lay themselves out from {@link #y()} down. What the marks, heads
 * and footers say comes from the document's {@link PageWording}.
 */
final class Pages {

    private final PDDocument pdf;
    private final Canvas canvas;
    private final TextMetrics metrics;
    private final PdfFonts fonts;
    private final PageWording words;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    Pages(PDDocument pdf, Canvas canvas, TextMetrics metrics, PdfFonts fonts, PageWording words) {
        this.pdf = pdf;
        this.canvas = canvas;
        this.metrics = metrics;
        this.fonts = fonts;
        this.words = words;
    }

    Canvas canvas() {
        return canvas;
    }

    TextMetrics metrics() {
        return metrics;
    }

    PdfFonts fonts() {
        return fonts;
    }

    /** The cursor: the top of what is laid out next. */
    float y() {
        return y;
    }

    void y(float at) {
        y = at;
    }

    void down(float by) {
        y -= by;
    }

    /** Closes the page being written and starts the next; any page but the first gets the running head. */
    void open(boolean first) throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(A4);
        pdf.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(pdf, page);
        canvas.use(out, page.getResources());
        if (words.draft()) {
            watermark();
        }
        y = TOP;
        if (!first) {
            runningHead();
        }
    }

    /** Ends the last page. */
    void close() throws IOException {
        out.close();
        out = null;
        canvas.use(null, null);
    }

    private void runningHead() throws IOException {
        String id = words.identification();
        canvas.text(fonts.bold(), 9, LEFT, y - 9, id);
        float room = RIGHT - LEFT - metrics.width(fonts.bold(), 9, id) - 24;
        canvas.rightText(fonts.regular(), 8.5f, RIGHT, y - 9,
                metrics.fit(fonts.regular(), 8.5f, words.runningHeadRight(), room));
        y -= 16;
        canvas.rule(LEFT, RIGHT, y, 0.5f, GREY_RULE);
        y -= 14;
    }

    /** The draft mark across the middle of the page, light enough to read the page through. */
    private void watermark() throws IOException {
        String word = PageWording.DRAFT_MARK;
        float size = 110;
        float w = metrics.width(fonts.bold(), size, word);
        float h = size * 0.72f;
        double theta = Math.toRadians(52);
        float cx = A4.getWidth() / 2;
        float cy = A4.getHeight() / 2;
        float tx = (float) (cx - w / 2 * Math.cos(theta) + h / 2 * Math.sin(theta));
        float ty = (float) (cy - w / 2 * Math.sin(theta) - h / 2 * Math.cos(theta));
        canvas.turned(fonts.bold(), size, 0.88f, theta, tx, ty, word);
    }

    /** Appends the footer to every page, once the number of pages is known. */
    void footers() throws IOException {
        int n = pages.size();
        String left = words.footerLeft();
        for (int i = 0; i < n; i++) {
            PDPage page = pages.get(i);
            try (PDPageContentStream f = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                canvas.use(f, page.getResources());
                canvas.rule(LEFT, RIGHT, FOOTER_RULE, 0.5f, GREY_RULE);
                canvas.text(fonts.regular(), 7.5f, LEFT, FOOTER_TEXT,
                        metrics.fit(fonts.regular(), 7.5f, left, RIGHT - LEFT - 80));
                canvas.rightText(fonts.regular(), 7.5f, RIGHT, FOOTER_TEXT, words.pageOf(i + 1, n));
            }
        }
        canvas.use(null, null);
    }
}
