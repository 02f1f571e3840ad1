package se.familycentre.invoicing;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import se.familycentre.einvoice.UblDocument;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementRenderer;

/**
 * The PDFs of issued statements: rendered once the number is known, stored with
 * their SHA-256, never changed. Rendering happens after the issuing transaction,
 * so a creditor's series row is locked only while the rows are written; it is
 * deterministic (dated by the issue, identified by creditor and number), so a
 * PDF completed after a crash is byte for byte the one a client was served.
 */
@Singleton
public class PdfArchive {

    private final StatementPdfRepository pdfs;
    private final StatementRepository statements;
    private final StatementRenderer renderer;
    private final StatementArchive archive;
    private final TransactionOperations<Connection> transactions;

    public PdfArchive(StatementPdfRepository pdfs, StatementRepository statements, StatementRenderer renderer,
                      StatementArchive archive, TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.pdfs = pdfs;
        this.statements = statements;
        this.renderer = renderer;
        this.archive = archive;
    }

    /**
     * The stored PDF; rendered and stored first if the service stopped between issuing and storing.
     * Rendering an issued statement gives the same bytes every time, so whoever stores it first, the
     * PDF and its SHA-256 are the ones every client sees.
     */
    public StatementPdfRow pdfOf(StatementRow row) {
        return pdfs.findById(row.id()).orElseGet(() -> store(row));
    }

    /** The stored PDF's SHA-256, storing the PDF first if it is missing: an issued statement always has one. */
    public String sha256Of(StatementRow row) {
        return pdfs.findSha256ByStatementId(row.id()).orElseGet(() -> pdfOf(row).sha256());
    }

    public byte[] render(StatementDocument document) {
        return renderer.render(document);
    }

    /**
     * Stores the PDFs of the rows that have none: rendered outside any transaction, then written
     * together in one (one commit for a centre's statements instead of one each). If another
     * instance stored one of them meanwhile, the batch rolls back and each is stored on its own.
     */
    public void storeAll(List<StatementRow> rows) {
        List<StatementPdfRow> rendered = new ArrayList<>();
        for (StatementRow row : rows) {
            if (pdfs.findSha256ByStatementId(row.id()).isEmpty()) {
                rendered.add(render(row));
            }
        }
        if (rendered.isEmpty()) {
            return;
        }
        try {
            transactions.executeWrite(status -> pdfs.saveAll(rendered));
        } catch (DataAccessException e) {
            rendered.forEach(this::save);
        }
    }

    /** Stores the PDF of every statement that has none: run at start-up, before requests are served. */
    public int completeMissing() {
        List<StatementRow> missing = statements.findWithoutPdf();
        storeAll(missing);
        return missing.size();
    }

    private StatementPdfRow store(StatementRow row) {
        return save(render(row));
    }

    private StatementPdfRow render(StatementRow row) {
        StatementDocument document = document(row);
        byte[] pdf = renderer.renderIssued(document, row.issuedAt().toInstant());
        return new StatementPdfRow(row.id(), pdf, sha256(pdf), einvoice(document));
    }

    /** The statement's e-invoice (PEPPOL BIS Billing 3.0); null for an internal transfer, which is never invoiced. */
    private static byte[] einvoice(StatementDocument document) {
        return document.statement().internal() ? null : UblDocument.write(document);
    }

    /**
     * The e-invoice of an issued statement between two entities: the stored one, or, for a statement
     * stored before e-invoices were, rendered from its archived content (the same bytes every time).
     * Empty for an internal transfer (omföring), which is never invoiced.
     */
    public java.util.Optional<byte[]> einvoiceOf(StatementRow row) {
        StatementPdfRow stored = pdfOf(row);
        if (stored.einvoice() != null) {
            return java.util.Optional.of(stored.einvoice());
        }
        return java.util.Optional.ofNullable(einvoice(document(row)));
    }

    /** Inserts the row; if another instance stored the statement's PDF first, that one (the same bytes). */
    private StatementPdfRow save(StatementPdfRow row) {
        try {
            return pdfs.save(row);
        } catch (DataAccessException e) {
            return pdfs.findById(row.statementId()).orElseThrow(() -> e);
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
                archive.basisOf(content, row.inputs()), content.centreServiceRefs(), content.creditReason());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
