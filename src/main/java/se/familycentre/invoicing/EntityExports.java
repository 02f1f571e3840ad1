package se.familycentre.invoicing;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import se.familycentre.allocation.Period;
import se.familycentre.statement.StatementCsv;

/**
 * An entity's statements of a period, and the files a finance office takes them in (issue 10): one
 * CSV of every statement where the entity is creditor or debtor, and a ZIP of their PDFs, the
 * stored bytes (the ones every client was served).
 */
@Singleton
public class EntityExports {

    private final StatementRepository statements;
    private final PdfArchive pdfs;

    public EntityExports(StatementRepository statements, PdfArchive pdfs) {
        this.statements = statements;
        this.pdfs = pdfs;
    }

    /** Issued statements and credit statements where the entity is a party, whose periods lie within the period. */
    public List<StatementRow> statementsOf(String organisationNumber, Period period) {
        return statements.findAllOrderById().stream()
                .filter(r -> r.creditor().equals(organisationNumber) || r.debtor().equals(organisationNumber))
                .filter(r -> !r.periodFrom().isBefore(period.from()) && !r.periodTo().isAfter(period.to()))
                .sorted(Comparator.comparing(StatementRow::issuedAt).thenComparing(StatementRow::id))
                .toList();
    }

    public byte[] csv(String organisationNumber, Period period) {
        return StatementCsv.write(statementsOf(organisationNumber, period).stream().map(pdfs::document).toList(),
                organisationNumber);
    }

    /**
     * The PDFs in one ZIP, named by creditor, number and kind ({@code 212000-1355_2026-0007_faktura.pdf}:
     * numbers repeat across creditors), each entry dated by its issue, so the same statements give the
     * same bytes.
     */
    public byte[] zip(String organisationNumber, Period period) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (StatementRow r : statementsOf(organisationNumber, period)) {
                ZipEntry entry = new ZipEntry(fileName(r, "pdf"));
                entry.setTime(r.issuedAt().toInstant().toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(pdfs.pdfOf(r).pdf());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What a statement's file is called: creditor, number and kind. */
    public static String fileName(StatementRow r, String extension) {
        return r.creditor() + "_" + r.number() + "_" + (r.kind() == StatementKind.CREDIT ? "kredit" : "faktura") + "."
                + extension;
    }
}
