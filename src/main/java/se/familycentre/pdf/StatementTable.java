package se.familycentre.pdf;

import se.familycentre.statement.SwedishFormat;
import static se.familycentre.pdf.PageGeometry.BOTTOM;
import static se.familycentre.pdf.PageGeometry.FOOTER_RULE;
import static se.familycentre.pdf.PageGeometry.GREY_RULE;
import static se.familycentre.pdf.PageGeometry.LEFT;
import static se.familycentre.pdf.PageGeometry.LIGHT_RULE;
import static se.familycentre.pdf.PageGeometry.RIGHT;
import static se.familycentre.pdf.PageGeometry.SHARE_RIGHT;
import static se.familycentre.pdf.PageGeometry.TEXT_RIGHT;
import static se.familycentre.pdf.PageGeometry.TOTAL_RIGHT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Pool;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementLine;

/**
 * Lays out the table of lines, pool by pool, then the total and the footnotes,
 * breaking pages where a group of rows would not fit. A group (one cost line
 * with a row per debtor service) never splits over pages; a pool's heading
 * never stands alone at the foot of a page; and the last group stays with the
 * total, so the total never stands alone on a page. A page that continues the
 * table repeats its header and the open pool's name.
 */
final class StatementTable {

    /** A printed row of the table: text in the text column, and optionally a line total and a share. */
    private record Row(float indent, PageFont font, float size, float leading, String text, String total,
                       String share) {
    }

    /** The size of a line's accrual, under its name. */
    private static final float ACCRUAL_SIZE = 7;

    private final Pages pages;
    private final Canvas canvas;
    private final TextMetrics metrics;
    private final PageFont regular;
    private final PageFont bold;
    private final StatementWording words;
    private final Statement st;
    /** The pool whose rows are being laid out, named again on a page that continues it. */
    private Pool openPool;
    /** What the end of the statement needs, worked out once: the footnotes and the VAT note wrapped, their height. */
    private List<String> footnoteLines;
    private List<String> vatNoteLines;
    private float totalHeight = -1;

    StatementTable(Pages pages, StatementWording words, Statement st) {
        this.pages = pages;
        this.canvas = pages.canvas();
        this.metrics = pages.metrics();
        this.regular = pages.fonts().regular();
        this.bold = pages.fonts().bold();
        this.words = words;
        this.st = st;
    }

    /** The lines per pool in the pools' order, each group one cost line (one row per debtor service). */
    static Map<Pool, List<List<StatementLine>>> groups(Statement st) {
        Map<Pool, LinkedHashMap<String, List<StatementLine>>> byPool = new EnumMap<>(Pool.class);
        for (StatementLine line : st.lines()) {
            byPool.computeIfAbsent(line.pool(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(line.lineId(), id -> new ArrayList<>()).add(line);
        }
        Map<Pool, List<List<StatementLine>>> groups = new EnumMap<>(Pool.class);
        byPool.forEach((pool, lines) -> groups.put(pool, new ArrayList<>(lines.values())));
        return groups;
    }

    /** The table's header, the pools, the total and the footnotes. */
    void layOut(Map<Pool, List<List<StatementLine>>> byPool) throws IOException {
        header();
        Pool lastPool = null;
        for (Pool pool : byPool.keySet()) {
            lastPool = pool;
        }
        for (Map.Entry<Pool, List<List<StatementLine>>> pool : byPool.entrySet()) {
            pool(pool.getKey(), pool.getValue(), pool.getKey() == lastPool);
        }
        openPool = null;
        total();
        footnotes();
    }

    private void header() throws IOException {
        float base = pages.y() - 9;
        canvas.text(bold, 8, LEFT, base, StatementWording.TABLE_TEXT_HEADING);
        canvas.rightText(bold, 8, TOTAL_RIGHT, base, StatementWording.TABLE_TOTAL_HEADING);
        canvas.rightText(bold, 8, SHARE_RIGHT, base, StatementWording.TABLE_SHARE_HEADING);
        pages.y(base - 5);
        canvas.rule(LEFT, RIGHT, pages.y(), 0.6f, 0f);
        pages.down(6);
    }

    /** A page that continues the table: its header and the open pool's name ("forts."). */
    private void continuePage() throws IOException {
        pages.open(false);
        header();
        if (openPool != null) {
            pages.down(4);
            canvas.text(bold, 10, LEFT, pages.y() - 10, words.poolContinued(openPool));
            pages.down(16);
        }
    }

    private void ensure(float height) throws IOException {
        if (pages.y() - height < BOTTOM) {
            continuePage();
        }
    }

    /** One pool: heading, groups, sum. */
    private void pool(Pool pool, List<List<StatementLine>> groups, boolean lastPool) throws IOException {
        float tail = 24 + totalHeight();
        List<Row> first = groups.isEmpty() ? List.of() : rows(groups.get(0));
        boolean firstIsLast = lastPool && groups.size() <= 1;
        if (pages.y() - (23 + height(first) + (firstIsLast ? tail : 0)) < (firstIsLast ? FOOTER_RULE + 8 : BOTTOM)) {
            continuePage();
        }
        pages.down(6);
        canvas.text(bold, 10, LEFT, pages.y() - 10, words.poolHeading(pool));
        pages.down(17);
        openPool = pool;
        for (int g = 0; g < groups.size(); g++) {
            List<Row> rows = g == 0 ? first : rows(groups.get(g));
            boolean last = lastPool && g == groups.size() - 1;
            float h = height(rows) + (last ? tail : 0);
            if (pages.y() - h < (last ? FOOTER_RULE + 8 : BOTTOM)) {
                continuePage();
            } else if (g > 0) {
                canvas.rule(LEFT + 8, RIGHT, pages.y() + 1, 0.3f, LIGHT_RULE);
            }
            draw(rows);
            pages.down(4);
        }
        ensure(22);
        canvas.rule(LEFT, RIGHT, pages.y(), 0.4f, GREY_RULE);
        pages.down(12);
        canvas.text(bold, 9, LEFT, pages.y(), words.poolSum(pool));
        canvas.rightText(bold, 9, SHARE_RIGHT, pages.y(), SwedishFormat.amount(st.sumsByPool().get(pool)));
        pages.down(12);
        openPool = null;
    }

    /** The rows of one cost line: its name and total, who paid it, and each debtor service's share and basis. */
    private List<Row> rows(List<StatementLine> group) throws IOException {
        List<Row> rows = new ArrayList<>();
        StatementLine head = group.get(0);
        List<String> name = metrics.wrap(regular, 9, words.lineName(head.lineId()), TEXT_RIGHT - LEFT);
        for (int i = 0; i < name.size(); i++) {
            rows.add(new Row(0, regular, 9, 12, name.get(i), i == 0 ? SwedishFormat.amount(head.lineTotal()) : null,
                    null));
        }
        if (st.creditorServices().size() > 1) {
            addWrapped(rows, 10, 7.5f, 9.5f, words.paidBy(head.payerService()), null);
        }
        for (String item : words.accrual(head)) {
            addWrapped(rows, 10, ACCRUAL_SIZE, 9, item, null);
        }
        for (StatementLine line : group) {
            BasisWording.Basis basis = words.basis(line);
            String share = SwedishFormat.amount(line.share());
            addWrapped(rows, 10, 8, 10.5f, words.shareHeading(line, basis), share);
            if (!basis.inline()) {
                for (String item : basis.items()) {
                    addWrapped(rows, 22, 7.5f, 9.5f, item, null);
                }
            }
        }
        return rows;
    }

    /** The text broken to the text column; lines after the first indented further, the share on the first. */
    private void addWrapped(List<Row> rows, float indent, float size, float leading, String text, String share)
            throws IOException {
        List<String> lines = metrics.wrap(regular, size, text, TEXT_RIGHT - LEFT - indent);
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new Row(i == 0 ? indent : indent + 10, regular, size, leading, lines.get(i), null,
                    i == 0 ? share : null));
        }
    }

    private static float height(List<Row> rows) {
        float h = 0;
        for (Row r : rows) {
            h += r.leading();
        }
        return h + 4;
    }

    private void draw(List<Row> rows) throws IOException {
        for (Row r : rows) {
            float base = pages.y() - r.size();
            canvas.text(r.font(), r.size(), LEFT + r.indent(), base, r.text());
            if (r.total() != null) {
                canvas.rightText(regular, 9, TOTAL_RIGHT, base, r.total());
            }
            if (r.share() != null) {
                canvas.rightText(regular, 9, SHARE_RIGHT, base, r.share());
            }
            pages.down(r.leading());
        }
    }

    // ---- the end ----------------------------------------------------------

    /** The total between its rules, the VAT above it, the payment block and the footnotes: what must fit on the last page. */
    private float totalHeight() throws IOException {
        if (totalHeight < 0) {
            float vat = words.vatRows().size() * 13 + vatNoteLines().size() * 9.5f;
            float payment = words.paymentRows().isEmpty() ? 0 : 30 + words.paymentRows().size() * 12.5f;
            totalHeight = 44 + vat + payment + footnoteLines().size() * 10;
        }
        return totalHeight;
    }

    private List<String> vatNoteLines() throws IOException {
        if (vatNoteLines == null) {
            String note = words.vatNote();
            vatNoteLines = note == null ? List.of() : metrics.wrap(regular, 7.5f, note, SHARE_RIGHT - LEFT - 10);
        }
        return vatNoteLines;
    }

    private void total() throws IOException {
        if (pages.y() - totalHeight() < FOOTER_RULE + 8) {
            pages.open(false);
        }
        pages.down(6);
        List<String[]> vatRows = words.vatRows();
        if (!vatRows.isEmpty()) {
            canvas.rule(LEFT, RIGHT, pages.y(), 0.6f, GREY_RULE);
            pages.down(13);
            for (String[] row : vatRows) {
                canvas.text(regular, 9, LEFT, pages.y(), row[0]);
                canvas.rightText(regular, 9, SHARE_RIGHT, pages.y(), row[1]);
                pages.down(13);
            }
            pages.down(-4);
            for (String l : vatNoteLines()) {
                canvas.text(regular, 7.5f, LEFT + 10, pages.y(), l);
                pages.down(9.5f);
            }
            pages.down(2);
        }
        canvas.rule(LEFT, RIGHT, pages.y(), 1.0f, 0f);
        pages.down(15);
        canvas.text(bold, 11, LEFT, pages.y(), words.totalLabel());
        canvas.rightText(bold, 11, SHARE_RIGHT, pages.y(), SwedishFormat.amount(words.gross()));
        pages.down(7);
        canvas.rule(LEFT, RIGHT, pages.y(), 1.0f, 0f);
        pages.down(2);
        canvas.rule(LEFT, RIGHT, pages.y(), 1.0f, 0f);
        pages.down(14);
        payment();
    }

    /** How to pay: a framed block with the giro numbers, the due date and the payment reference. */
    private void payment() throws IOException {
        List<String[]> rows = words.paymentRows();
        if (rows.isEmpty()) {
            return;
        }
        float top = pages.y() + 4;
        float height = 20 + rows.size() * 12.5f;
        canvas.box(LEFT, top - height, RIGHT - LEFT, height, 0.6f, GREY_RULE);
        canvas.text(bold, 9, LEFT + 8, top - 13, words.paymentHeading());
        float y = top - 26;
        for (String[] row : rows) {
            canvas.text(regular, 8.5f, LEFT + 8, y, row[0]);
            canvas.text(bold, 9, LEFT + 120, y, metrics.fit(bold, 9, row[1], RIGHT - LEFT - 128));
            y -= 12.5f;
        }
        pages.y(top - height - 14);
    }

    private void footnotes() throws IOException {
        for (String l : footnoteLines()) {
            canvas.text(regular, 7.5f, LEFT, pages.y(), l);
            pages.down(10);
        }
    }

    private List<String> footnoteLines() throws IOException {
        if (footnoteLines != null) {
            return footnoteLines;
        }
        List<String> lines = new ArrayList<>();
        footnoteLines = lines;
        for (String note : words.footnotes()) {
            lines.addAll(metrics.wrap(regular, 7.5f, note, RIGHT - LEFT));
        }
        return lines;
    }
}
