package se.familycentre.invoicing;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    private final Invoicing invoicing;

    public PdfArchive(StatementPdfRepository pdfs, StatementRepository statements, StatementRenderer renderer,
                      Invoicing invoicing) {
        this.pdfs = pdfs;
        this.statements = statements;
        this.renderer = renderer;
        this.invoicing = invoicing;
    }

    /** The stored PDF, rendered and stored first if a crash came between issuing and rendering. */
    public StatementPdfRow pdfOf(StatementRow row) {
        return pdfs.findById(row.id()).orElseGet(() -> store(row));
    }

    public byte[] render(StatementDocument document) {
        return renderer.render(document);
    }

    public java.util.Optional<String> sha256Of(StatementRow row) {
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
        StatementDocument.Kind kind = Invoicing.CREDIT.equals(row.kind()) ? StatementDocument.Kind.CREDIT
                : StatementDocument.Kind.INVOICE;
        StatementRow original = row.creditsId() == null ? null : statements.findById(row.creditsId()).orElseThrow();
        return new StatementDocument(kind, row.number(), row.issuedOn(), invoicing.read(row.content()).toStatement(),
                original == null ? null : original.number(), original == null ? null : original.issuedOn(),
                row.replaces() == null ? List.of() : List.of(row.replaces().split(",")), basisOfInputs(row.inputs()));
    }

    /** The local agreement's reference if the centre had one when issued, else the regional agreement. */
    @SuppressWarnings("unchecked")
    String basisOfInputs(String inputs) {
        try {
            Map<String, Object> centre = (Map<String, Object>) invoicing.readMap(inputs).get("centre");
            Map<String, Object> agreement = centre == null ? null : (Map<String, Object>) centre.get("localAgreement");
            return basis(agreement == null ? null : (String) agreement.get("reference"));
        } catch (RuntimeException e) {
            return StatementDocument.AGREEMENT;
        }
    }

    /** What a statement's footnote cites: the local agreement under the regional one, or the regional one. */
    public static String basis(String localAgreementReference) {
        return localAgreementReference == null ? StatementDocument.AGREEMENT
                : localAgreementReference + " (" + StatementDocument.AGREEMENT + ")";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
