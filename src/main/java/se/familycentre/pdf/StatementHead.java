package se.familycentre.pdf;

import static se.familycentre.pdf.PageGeometry.GREY_RULE;
import static se.familycentre.pdf.PageGeometry.LEFT;
import static se.familycentre.pdf.PageGeometry.RIGHT;

import java.io.IOException;
import java.util.List;
import se.familycentre.statement.Statement;

/**
 * Lays out the head of the first page, from the cursor down: the title with its
 * subtitles beside the info box (number, dates, terms; on a draft a large
 * UTKAST), the centre and period, the parties side by side, and the services
 * the statement is for. Leaves the cursor where the table starts.
 */
final class StatementHead {

    /** Left edge of the info box; the title's column ends short of it. */
    private static final float BOX_LEFT = 352;

    private final Pages pages;
    private final Canvas canvas;
    private final TextMetrics metrics;
    private final PageFont regular;
    private final PageFont bold;
    private final StatementWording words;
    private final Statement st;

    StatementHead(Pages pages, StatementWording words, Statement st) {
        this.pages = pages;
        this.canvas = pages.canvas();
        this.metrics = pages.metrics();
        this.regular = pages.fonts().regular();
        this.bold = pages.fonts().bold();
        this.words = words;
        this.st = st;
    }

    void layOut() throws IOException {
        float boxTop = pages.y();
        float boxBottom = infoBox(BOX_LEFT, boxTop);

        float subWidth = BOX_LEFT - LEFT - 14;
        String title = words.title();
        float titleSize = 19;
        while (titleSize > 13 && metrics.width(bold, titleSize, title) > subWidth) {
            titleSize -= 0.5f;
        }
        float ty = pages.y() - 20;
        canvas.text(bold, titleSize, LEFT, ty, title);
        ty -= 18;
        for (String sub : words.subtitles()) {
            for (String l : metrics.wrap(regular, 9.5f, sub, subWidth)) {
                canvas.text(regular, 9.5f, LEFT, ty, l);
                ty -= 12.5f;
            }
        }
        pages.y(Math.min(ty + 4, boxBottom) - 14);

        labelled(StatementWording.CENTRE_LABEL, st.centre(), true);
        labelled(StatementWording.PERIOD_LABEL, words.periodInFull(), false);
        pages.down(8);

        parties();
        pages.down(4);

        canvas.text(bold, 9.5f, LEFT, pages.y() - 10, StatementWording.SERVICES_HEADING);
        pages.down(23);
        for (Statement.ServiceRef ref : st.debtorServices()) {
            for (String l : metrics.wrap(regular, 9, words.serviceWithType(ref), RIGHT - LEFT - 10)) {
                canvas.text(regular, 9, LEFT + 10, pages.y(), l);
                pages.down(12);
            }
        }
        pages.down(8);
    }

    /** The box at the top right: number, dates and terms; on a draft a large UTKAST instead. Returns its bottom. */
    private float infoBox(float x, float top) throws IOException {
        float width = RIGHT - x;
        if (words.draft()) {
            float height = 62;
            canvas.box(x, top - height, width, height, 1.2f, 0f);
            String mark = StatementWording.DRAFT_MARK;
            float w = metrics.width(bold, 24, mark);
            canvas.text(bold, 24, x + (width - w) / 2, top - 28, mark);
            List<String> lines = StatementWording.DRAFT_BOX_LINES;
            canvas.centred(regular, 8, x, width, top - 42, lines.get(0));
            canvas.centred(regular, 8, x, width, top - 53, lines.get(1));
            return top - height;
        }
        List<String[]> rows = words.infoRows();
        float height = 10 + rows.size() * 14;
        canvas.box(x, top - height, width, height, 0.6f, GREY_RULE);
        float ry = top - 15;
        for (String[] row : rows) {
            canvas.text(regular, 8.5f, x + 8, ry, row[0]);
            canvas.text(bold, 9.5f, x + 86, ry, metrics.fit(bold, 9.5f, row[1], width - 92));
            ry -= 14;
        }
        return top - height;
    }

    /** A label with its value beside it, the value wrapped in its own column. */
    private void labelled(String label, String value, boolean strong) throws IOException {
        PageFont font = strong ? bold : regular;
        canvas.text(regular, 8.5f, LEFT, pages.y() - 10, label);
        for (String l : metrics.wrap(font, 10, value, RIGHT - LEFT - 90)) {
            canvas.text(font, 10, LEFT + 90, pages.y() - 10, l);
            pages.down(13);
        }
    }

    /** The two columns of the parties side by side; the cursor ends below the longer one. */
    private void parties() throws IOException {
        float colWidth = (RIGHT - LEFT - 24) / 2;
        float rightX = LEFT + colWidth + 24;
        float top = pages.y();
        List<PartyWording.Column> columns = words.partyColumns();
        float a = column(LEFT, top, colWidth, columns.get(0));
        float b = column(rightX, top, colWidth, columns.get(1));
        pages.y(Math.min(a, b));
    }

    /** One column of the party block; returns the y below it. */
    private float column(float x, float top, float width, PartyWording.Column column) throws IOException {
        float cy = top - 9;
        canvas.text(bold, 8.5f, x, cy, column.heading());
        cy -= 4;
        canvas.rule(x, x + width, cy, 0.4f, GREY_RULE);
        cy -= 12;
        for (PartyWording.Styled line : column.lines()) {
            PageFont f = line.style() == PartyWording.Style.NAME ? bold : regular;
            float size = switch (line.style()) {
                case NAME -> 10;
                case SMALL -> 8;
                case PLAIN, INDENTED -> 9;
            };
            float indent = line.style() == PartyWording.Style.INDENTED ? 10 : 0;
            for (String l : metrics.wrap(f, size, line.text(), width - indent)) {
                canvas.text(f, size, x + indent, cy, l);
                cy -= size + 3.5f;
            }
        }
        return cy;
    }
}
