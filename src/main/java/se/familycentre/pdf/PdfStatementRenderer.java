package se.familycentre.pdf;

import jakarta.inject.Singleton;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementRenderer;

/** Statements print as Swedish A4 PDFs. */
@Singleton
public class PdfStatementRenderer implements StatementRenderer {

    @Override
    public byte[] render(StatementDocument document) {
        return StatementPdf.render(document);
    }
}
