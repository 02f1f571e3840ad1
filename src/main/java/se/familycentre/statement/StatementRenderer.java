package se.familycentre.statement;

import java.time.Instant;

/** Prints a statement (the PDF renderer implements it). */
public interface StatementRenderer {

    /** A draft, dated now. */
    byte[] render(StatementDocument document);

    /**
     * An issued or credit statement: the same bytes every time it is rendered, dated by the moment
     * it was issued and identified by its creditor and number, so a PDF rendered again after a crash
     * is the PDF that was served.
     */
    byte[] renderIssued(StatementDocument document, Instant issuedAt);
}
