package se.familycentre.pdf;

import static se.familycentre.pdf.PageGeometry.BOTTOM;
import static se.familycentre.pdf.PageGeometry.GREY_RULE;
import static se.familycentre.pdf.PageGeometry.LEFT;
import static se.familycentre.pdf.PageGeometry.LIGHT_RULE;
import static se.familycentre.pdf.PageGeometry.RIGHT;
import static se.familycentre.pdf.PageGeometry.TOP;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the blocks a decision basis is made of, from the cursor down, breaking pages where a
 * block would not fit: the title, section headings (never alone at the foot of a page),
 * paragraphs, label and value lists, and tables of amounts. A table has a label column and equal
 * columns of right-aligned amounts; a short table is kept on one page, a long one repeats its
 * title and header on the page that continues it.
 */
final class BasisLayout {

    /** One cell: its first line at the row's size, further lines smaller under it. */
    record Cell(List<String> lines, boolean strong) {
        static Cell of(String... lines) {
            List<String> l = new ArrayList<>();
            for (String s : lines) {
                if (s != null) {
                    l.add(s);
                }
            }
            return new Cell(l, false);
        }

        Cell bold() {
            return new Cell(lines, true);
        }
    }

    /** A row of a table: the label cell first; strong rows print bold, some have a rule above. */
    record Row(List<Cell> cells, boolean strong, boolean ruleAbove) {
    }

    /**
     * @param header the heading of each column, the label column's first; each line of a heading
     *               wraps within its column
     */
    record Table(String title, float labelWidth, List<Cell> header, List<Row> rows) {
    }

    private static final float ROW_SIZE = 8.5f;
    private static final float ROW_LEADING = 11.5f;
    private static final float NOTE_SIZE = 7;
    private static final float NOTE_LEADING = 9;
    private static final float HEAD_SIZE = 7.5f;
    private static final float HEAD_LEADING = 9.5f;
    private static final float TITLE_HEIGHT = 17;
    /** A table no higher than this is kept on one page. */
    private static final float KEEP_TOGETHER = 260;
    private static final float LABEL_WIDTH = 150;

    private static final float SECTION_HEIGHT = 30;

    private final Pages pages;
    private final Canvas canvas;
    private final TextMetrics metrics;
    private final PageFont regular;
    private final PageFont bold;
    /** A section's heading waiting for its first block. */
    private String pendingSection;

    BasisLayout(Pages pages) {
        this.pages = pages;
        this.canvas = pages.canvas();
        this.metrics = pages.metrics();
        this.regular = pages.fonts().regular();
        this.bold = pages.fonts().bold();
    }

    private void newPage() throws IOException {
        pages.open(false);
    }

    private boolean fits(float height) {
        return pages.y() - height >= BOTTOM;
    }

    /** The first page's title, the plan's name under it, then label and value rows. */
    void title(String title, String name, List<String[]> rows) throws IOException {
        canvas.text(bold, 22, LEFT, pages.y() - 22, title);
        pages.down(30);
        for (String l : metrics.wrap(bold, 14, name, RIGHT - LEFT)) {
            canvas.text(bold, 14, LEFT, pages.y() - 14, l);
            pages.down(19);
        }
        pages.down(4);
        for (String[] row : rows) {
            canvas.text(regular, 9, LEFT, pages.y() - 9, row[0]);
            canvas.text(regular, 10, LEFT + 90, pages.y() - 9, row[1]);
            pages.down(14);
        }
        pages.down(4);
        canvas.rule(LEFT, RIGHT, pages.y(), 0.8f, 0f);
        pages.down(6);
    }

    /**
     * A section's heading. It is drawn with the block that follows it, on a new page with that
     * block's start when the two do not fit here, so a heading never stands alone at a page's foot.
     */
    void section(String heading) {
        pendingSection = heading;
    }

    /** Draws the waiting section heading, first opening a page unless it and {@code keep} fit here. */
    private void flushSection(float keep) throws IOException {
        if (pendingSection == null) {
            return;
        }
        if (pages.y() < TOP - 40 && !fits(SECTION_HEIGHT + keep)) {
            newPage();
        }
        pages.down(10);
        canvas.text(bold, 12.5f, LEFT, pages.y() - 12.5f, pendingSection);
        pages.down(SECTION_HEIGHT - 10);
        pendingSection = null;
    }

    /** Text wrapped to the width, each line on the page it fits on. */
    void paragraph(String text, float size, boolean strong, float indent) throws IOException {
        PageFont font = strong ? bold : regular;
        float leading = size + 3.5f;
        List<String> lines = metrics.wrap(font, size, text, RIGHT - LEFT - indent);
        flushSection(Math.min(lines.size(), 3) * leading + 100);
        for (String l : lines) {
            if (!fits(leading)) {
                newPage();
            }
            canvas.text(font, size, LEFT + indent, pages.y() - size, l);
            pages.down(leading);
        }
    }

    void gap(float points) {
        pages.down(points);
    }

    /**
     * Labels and values in two columns. A null value makes the label stand alone (a list follows);
     * an empty label continues the list above it.
     */
    void labelled(List<String[]> rows) throws IOException {
        float valueWidth = RIGHT - LEFT - LABEL_WIDTH;
        for (String[] row : rows) {
            List<String> lines = row[1] == null ? List.of() : metrics.wrap(regular, 9, row[1], valueWidth);
            float h = Math.max(1, lines.size()) * 12.5f;
            flushSection(h + 12.5f);
            if (!fits(h + (row[1] == null ? 12.5f : 0))) {
                newPage();
            }
            if (!row[0].isEmpty()) {
                pages.down(2);
                canvas.text(bold, 8.5f, LEFT, pages.y() - 9, metrics.fit(bold, 8.5f, row[0], LABEL_WIDTH - 8));
            }
            for (String l : lines) {
                canvas.text(regular, 9, LEFT + LABEL_WIDTH, pages.y() - 9, l);
                pages.down(12.5f);
            }
            if (lines.isEmpty()) {
                pages.down(12.5f);
            }
        }
    }

    // ---- tables -----------------------------------------------------------------

    void table(Table t) throws IOException {
        List<List<String>> header = headerLines(t);
        float headerHeight = headerHeight(header);
        float whole = TITLE_HEIGHT + headerHeight;
        for (Row r : t.rows()) {
            whole += height(r);
        }
        float start = TITLE_HEIGHT + headerHeight + (t.rows().isEmpty() ? 0 : height(t.rows().get(0)))
                + (t.rows().size() > 1 ? height(t.rows().get(1)) : 0);
        flushSection(whole <= KEEP_TOGETHER ? whole : start);
        if (!fits(whole <= KEEP_TOGETHER ? whole : start)) {
            newPage();
        }
        title(t.title());
        header(t, header);
        for (Row r : t.rows()) {
            if (!fits(height(r))) {
                newPage();
                title(t.title() + DecisionBasisWording.CONTINUED);
                header(t, header);
            }
            row(t, r);
        }
        pages.down(8);
    }

    private void title(String title) throws IOException {
        pages.down(3);
        canvas.text(bold, 10, LEFT, pages.y() - 10, metrics.fit(bold, 10, title, RIGHT - LEFT));
        pages.down(TITLE_HEIGHT - 3);
    }

    private float columnWidth(Table t) {
        return (RIGHT - LEFT - t.labelWidth()) / (t.header().size() - 1);
    }

    /** The left and right edges of column i (0 the label column). */
    private float left(Table t, int i) {
        return i == 0 ? LEFT : LEFT + t.labelWidth() + (i - 1) * columnWidth(t);
    }

    private float right(Table t, int i) {
        return i == 0 ? LEFT + t.labelWidth() : LEFT + t.labelWidth() + i * columnWidth(t);
    }

    /** Each column's heading broken to its width: the first line of a cell bold, the rest regular. */
    private List<List<String>> headerLines(Table t) {
        List<List<String>> columns = new ArrayList<>();
        for (int i = 0; i < t.header().size(); i++) {
            float width = right(t, i) - left(t, i) - 6;
            List<String> lines = new ArrayList<>();
            List<String> given = t.header().get(i).lines();
            for (int k = 0; k < given.size(); k++) {
                for (String l : metrics.wrap(k == 0 ? bold : regular, HEAD_SIZE, given.get(k), width)) {
                    lines.add((k == 0 ? "B" : "R") + l);
                }
            }
            columns.add(lines);
        }
        return columns;
    }

    private static float headerHeight(List<List<String>> header) {
        int most = 0;
        for (List<String> c : header) {
            most = Math.max(most, c.size());
        }
        return most * HEAD_LEADING + 6;
    }

    private void header(Table t, List<List<String>> header) throws IOException {
        float top = pages.y();
        for (int i = 0; i < header.size(); i++) {
            float base = top - HEAD_SIZE - 1;
            for (String coded : header.get(i)) {
                PageFont font = coded.charAt(0) == 'B' ? bold : regular;
                String text = coded.substring(1);
                if (i == 0) {
                    canvas.text(font, HEAD_SIZE, LEFT, base, text);
                } else {
                    canvas.rightText(font, HEAD_SIZE, right(t, i), base, text);
                }
                base -= HEAD_LEADING;
            }
        }
        pages.y(top - headerHeight(header) + 3);
        canvas.rule(LEFT, RIGHT, pages.y(), 0.6f, 0f);
        pages.down(3);
    }

    private static float height(Row r) {
        int notes = 0;
        for (Cell c : r.cells()) {
            notes = Math.max(notes, c.lines().size() - 1);
        }
        return ROW_LEADING + notes * NOTE_LEADING + (r.ruleAbove() ? 3 : 1.5f);
    }

    private void row(Table t, Row r) throws IOException {
        if (r.ruleAbove()) {
            pages.down(1.5f);
            canvas.rule(LEFT, RIGHT, pages.y(), 0.4f, GREY_RULE);
            pages.down(1.5f);
        }
        float top = pages.y();
        // line by line across the cells, so the text reads row by row as it is drawn
        int lines = 0;
        for (Cell c : r.cells()) {
            lines = Math.max(lines, c.lines().size());
        }
        float base = top - ROW_SIZE - 1.5f;
        for (int k = 0; k < lines; k++) {
            PageFont font = k == 0 && r.strong() ? bold : regular;
            float size = k == 0 ? ROW_SIZE : NOTE_SIZE;
            for (int i = 0; i < r.cells().size(); i++) {
                Cell c = r.cells().get(i);
                if (k >= c.lines().size()) {
                    continue;
                }
                PageFont f = k == 0 && c.strong() ? bold : font;
                String text = metrics.fit(f, size, c.lines().get(k), right(t, i) - left(t, i) - 4);
                if (i == 0) {
                    canvas.text(f, size, LEFT, base, text);
                } else {
                    canvas.rightText(f, size, right(t, i), base, text);
                }
            }
            base -= k == 0 ? ROW_LEADING - 1.5f : NOTE_LEADING;
        }
        pages.y(top - height(r) + (r.ruleAbove() ? 3 : 0));
        if (!r.ruleAbove() && !r.strong()) {
            canvas.rule(LEFT, RIGHT, pages.y() + 0.5f, 0.25f, LIGHT_RULE);
        }
    }
}
