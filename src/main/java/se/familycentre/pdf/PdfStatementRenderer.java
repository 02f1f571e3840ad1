package se.familycentre.pdf;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementRenderer;

/**
 * Statements print as Swedish A4 PDFs. The one way a statement becomes a PDF, in
 * production and in the specs alike; only the clock that dates the document
 * information can be fixed, so a spec can read the creation date back.
 */
@Singleton
public class PdfStatementRenderer implements StatementRenderer {

    private final Clock clock;

    @Inject
    public PdfStatementRenderer() {
        this(Clock.system(ZoneId.of("Europe/Stockholm")));
    }

    public PdfStatementRenderer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public byte[] render(StatementDocument document) {
        return StatementPdf.render(document, ZonedDateTime.now(clock));
    }
}
