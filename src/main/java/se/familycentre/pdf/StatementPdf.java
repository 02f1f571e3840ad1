package se.familycentre.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import se.familycentre.allocation.Pool;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementDocument;
import se.familycentre.statement.StatementLine;

/**
 * Prints a {@link StatementDocument} as an A4 PDF in Swedish: a fakturaunderlag,
 * a credit statement or an omföringsunderlag (RULES §5). Every amount is taken
 * from the statement as it stands (nothing is computed here but the check that
 * each printed sum is the sum of the amounts printed under it). DejaVu Sans is
 * embedded as a subset, so å, ä, ö and the minus sign print in every viewer;
 * only black text, grey rules and (on a draft) a grey UTKAST mark, so the page
 * reads in black and white. Every file is PDF/A-2b ({@link PdfA}), fit for the archive.
 *
 * <p>The words come from {@link StatementWording}, the first page's head is laid
 * out by {@link StatementHead}, the table by {@link StatementTable}, the pages
 * by {@link Pages}; {@link Canvas} draws and {@link TextMetrics} measures.
 */
public final class StatementPdf {

    /** The author written into the document information. */
    public static final String AUTHOR = "Familjecentralens kostnadsfördelning";

    private StatementPdf() {
    }

    /** Renders the document, created now (Europe/Stockholm). */
    public static byte[] render(StatementDocument doc) {
        return render(doc, ZonedDateTime.now(ZoneId.of("Europe/Stockholm")));
    }

    /**
     * Renders the document; a basis names the kind of members a cost is shared among from
     * {@link StatementDocument#centreServices()}, else from the statement's own services.
     *
     * @param created the creation date written into the document information
     */
    public static byte[] render(StatementDocument doc, ZonedDateTime created) {
        return render(doc, created, null);
    }

    /**
     * Renders the document with a fixed file identifier: with the same created time and identifier
     * the bytes are the same every time (PDFBox otherwise derives the trailer's /ID from the clock).
     *
     * @param fileId the trailer's /ID (both halves), or null to let PDFBox make one
     */
    public static byte[] render(StatementDocument doc, ZonedDateTime created, byte[] fileId) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(created, "created");
        StatementChecks.check(doc);
        StatementWording words = new StatementWording(doc);
        try {
            try {
                return write(words, doc.statement(), created, fileId, false);
            } catch (PageFont.Uncommon e) {
                return write(words, doc.statement(), created, fileId, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the statement as PDF", e);
        }
    }

    /**
     * Lays the statement out and writes it, with the fonts' common embeddings or, when its text has
     * a character outside them, with subsets made for it ({@link PdfFonts}).
     */
    static byte[] write(StatementWording words, Statement st, ZonedDateTime created, byte[] fileId,
            boolean subsets) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            layOut(pdf, subsets ? PdfFonts.subsets(pdf) : PdfFonts.common(pdf), words, st);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(words.documentTitle());
            info.setAuthor(AUTHOR);
            info.setSubject(words.documentSubject());
            info.setCreator(AUTHOR);
            // whole seconds: the information's dates have no finer unit, and the XMP must say the same
            GregorianCalendar date = GregorianCalendar.from(created.truncatedTo(ChronoUnit.SECONDS));
            info.setCreationDate(date);
            info.setModificationDate(date);
            pdf.getDocumentCatalog().setLanguage("sv-SE");
            PdfA.conform(pdf);
            if (fileId != null) {
                COSArray id = new COSArray();
                id.add(new COSString(fileId));
                id.add(new COSString(fileId));
                pdf.getDocument().getTrailer().setItem(COSName.ID, id);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static void layOut(PDDocument pdf, PdfFonts fonts, StatementWording words, Statement st)
            throws IOException {
        Map<Pool, List<List<StatementLine>>> byPool = StatementTable.groups(st);
        StatementChecks.verifySums(st, byPool);
        TextMetrics metrics = new TextMetrics();
        Pages pages = new Pages(pdf, new Canvas(metrics), metrics, fonts, words);
        pages.open(true);
        new StatementHead(pages, words, st).layOut();
        new StatementTable(pages, words, st).layOut(byPool);
        pages.close();
        pages.footers();
    }
}
