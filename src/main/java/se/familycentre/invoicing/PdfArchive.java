package se.familycentre.invoicing;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementRenderer;

/**
 * The PDFs of issued statements: rendered once the number is known, stored with
 * their SHA-256, and never rendered again. Rendering happens outside the
 * numbering transaction so the series lock stays short.
 */
@Singleton
public class PdfArchive {

    private final StatementPdfRepository pdfs;
    private final StatementRepository statements;
    private final StatementRenderer renderer;
    private final StatementArchive archive;

    public PdfArchive(StatementPdfRepository pdfs, StatementRepository statements, StatementRenderer renderer,
                      StatementArchive archive) {
        this.pdfs = pdfs;
        this.statements = statements;
        this.renderer = renderer;
        this.archive = archive;
    }

    /** The stored PDF, rendered and stored first if a crash came between issuing and rendering. */
    public StatementPdfRow pdfOf(StatementRow row) {
        return pdfs.findById(row.id()).orElseGet(() -> store(row));
    }

    public byte[] render(StatementDocument document) {
        return renderer.render(document);
    }

    public Optional<String> sha256Of(StatementRow row) {
        return pdfs.findById(row.id()).map(StatementPdfRow::sha256);
    }

    public void storeAll(List<StatementRow> rows) {
        rows.forEach(this::pdfOf);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    protected StatementPdfRow store(StatementRow row) {
        byte[] pdf = renderer.render(document(row));
        try {
            return pdfs.save(new StatementPdfRow(row.id(), pdf, sha256(pdf)));
        } catch (DataAccessException e) {
            return pdfs.findById(row.id()).orElseThrow(() -> e);
        }
    }

    /** The statement as printed: number, date, the credited original, what it replaces, the agreement cited. */
    public StatementDocument document(StatementRow row) {
        StatementDocument.Kind kind = row.kind() == StatementKind.CREDIT ? StatementDocument.Kind.CREDIT
                : StatementDocument.Kind.INVOICE;
        StatementRow original = row.creditsId() == null ? null : statements.findById(row.creditsId()).orElseThrow();
        ArchivedStatement content = archive.readContent(row.content());
        return new StatementDocument(kind, row.number(), row.issuedOn(), content.toStatement(),
                original == null ? null : original.number(), original == null ? null : original.issuedOn(),
                row.replaces() == null ? List.of() : List.of(row.replaces().split(",")),
                archive.basisOf(content, row.inputs()), content.centreServiceRefs());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
