package se.familycentre.pdf;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The A4 page's margins, the table's columns and the greys of the rules, in PDF points. */
final class PageGeometry {

    static final PDRectangle A4 = PDRectangle.A4;
    static final float LEFT = 56;
    static final float RIGHT = A4.getWidth() - 56;
    static final float TOP = A4.getHeight() - 50;
    /** Where table rows stop; below it only the last group, the total and the footnotes may go. */
    static final float BOTTOM = 72;
    static final float FOOTER_RULE = 56;
    static final float FOOTER_TEXT = 42;
    /** Right edge of the text column of the table; amounts stand right of it. */
    static final float TEXT_RIGHT = 372;
    static final float TOTAL_RIGHT = 458;
    static final float SHARE_RIGHT = RIGHT;
    static final float GREY_RULE = 0.55f;
    static final float LIGHT_RULE = 0.78f;

    private PageGeometry() {
    }
}
