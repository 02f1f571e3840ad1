package se.familycentre.pdf;

/**
 * What {@link Pages} prints on every page of a document besides its content: whether it is a
 * draft (the UTKAST mark across each page), the running head on the pages after the first, and
 * the footer. A statement and a decision basis each say it in their own words.
 */
interface PageWording {

    /** The mark of a draft, across every page. */
    String DRAFT_MARK = "UTKAST";

    /** Whether every page carries the draft mark. */
    boolean draft();

    /** The short name of the document, at the left of the running head. */
    String identification();

    /** The running head's right side, cut to the room left by the identification. */
    String runningHeadRight();

    /** The footer's left side. */
    String footerLeft();

    /** The footer's right side: {@code Sida 2 av 3}. */
    default String pageOf(int page, int pages) {
        return "Sida " + page + " av " + pages;
    }
}
