package se.familycentre.invoicing;

import se.familycentre.statement.StatementDocument;

/** Prints a statement (the PDF renderer implements it). */
public interface StatementRenderer {

    byte[] render(StatementDocument document);
}
