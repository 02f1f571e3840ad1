package se.familycentre.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans, regular and bold, as one statement embeds them, so å, ä, ö and the minus sign
 * print in every viewer: the common embedding ({@link #common}) unless the statement's text has a
 * character outside it, then subsets of the wide cut ({@link #subsets}).
 */
final class PdfFonts {

    private final PageFont regular;
    private final PageFont bold;

    private PdfFonts(PageFont regular, PageFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Makes both faces and the PDF/A output intent now, once per JVM, instead of for the first statement. */
    static void prepare() {
        Objects.requireNonNull(Typeface.REGULAR);
        Objects.requireNonNull(Typeface.BOLD);
        Objects.requireNonNull(PdfA.PRODUCER);
    }

    /** Both faces' common embeddings, copied into the document. */
    static PdfFonts common(PDDocument pdf) throws IOException {
        COSDocument cos = pdf.getDocument();
        return new PdfFonts(
                new PageFont.Common(Typeface.REGULAR, COSName.getPDFName("F1"), Typeface.REGULAR.embedCommon(cos)),
                new PageFont.Common(Typeface.BOLD, COSName.getPDFName("F2"), Typeface.BOLD.embedCommon(cos)));
    }

    /**
     * The parsed wide cuts, one pair per thread: a parsed font reads its tables lazily from one
     * buffer, so threads must not share it.
     */
    private static final ThreadLocal<TrueTypeFont[]> PARSED = ThreadLocal.withInitial(() -> {
        try {
            return new TrueTypeFont[] {Typeface.parse(Typeface.REGULAR.wideCut()),
                    Typeface.parse(Typeface.BOLD.wideCut())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    /** Both faces' wide cuts, each embedded as a subset of what the document prints when it is saved. */
    static PdfFonts subsets(PDDocument pdf) throws IOException {
        TrueTypeFont[] faces = PARSED.get();
        return new PdfFonts(new PageFont.Subset(Typeface.REGULAR, PDType0Font.load(pdf, faces[0], true)),
                new PageFont.Subset(Typeface.BOLD, PDType0Font.load(pdf, faces[1], true)));
    }

    PageFont regular() {
        return regular;
    }

    PageFont bold() {
        return bold;
    }
}
