package se.familycentre.pdf;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementRenderer;

/**
 * Statements print as Swedish A4 PDFs. The one way a statement becomes a PDF, in
 * production and in the specs alike. A draft is dated by the clock (which a
 * spec can fix); an issued statement by its issue, with a file identifier
 * derived from its creditor and number, so it renders to the same bytes every
 * time.
 */
@Singleton
public class PdfStatementRenderer implements StatementRenderer {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final Clock clock;

    @Inject
    public PdfStatementRenderer() {
        this(Clock.system(SWEDEN));
    }

    public PdfStatementRenderer(Clock clock) {
        this.clock = clock;
    }

    /**
     * Prepares the fonts while the service starts (cutting DejaVu, measuring it, building the
     * common embeddings and the PDF/A profile), so the first statement after a start does not wait.
     */
    @EventListener
    void prepare(StartupEvent event) {
        PdfFonts.prepare();
    }

    @Override
    public byte[] render(StatementDocument document) {
        return StatementPdf.render(document, ZonedDateTime.now(clock));
    }

    @Override
    public byte[] renderIssued(StatementDocument document, Instant issuedAt) {
        String identity = document.statement().creditor().organisationNumber() + " " + document.number();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return StatementPdf.render(document, issuedAt.atZone(SWEDEN), Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
