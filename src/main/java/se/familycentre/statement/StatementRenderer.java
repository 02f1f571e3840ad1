package se.familycentre.statement;

/** Prints a statement (the PDF renderer implements it). */
public interface StatementRenderer {

    byte[] render(StatementDocument document);
}
