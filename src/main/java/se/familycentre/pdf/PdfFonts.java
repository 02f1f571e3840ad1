package se.familycentre.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans, regular and bold, embedded as subsets so å, ä, ö and the minus
 * sign print in every viewer. The TrueType files come from
 * net.sf.jasperreports:jasperreports-fonts; their bytes are read from the
 * classpath once per JVM, while each PDF loads its own font objects (a PDFont
 * belongs to one document).
 */
final class PdfFonts {

    private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String REGULAR = "DejaVuSans.ttf";
    private static final String BOLD = "DejaVuSans-Bold.ttf";

    private static volatile byte[] regularBytes;
    private static volatile byte[] boldBytes;

    private final PDFont regular;
    private final PDFont bold;

    private PdfFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Both faces, to be embedded as subsets of what the document uses. */
    static PdfFonts load(PDDocument pdf) throws IOException {
        PDFont regular = PDType0Font.load(pdf, new ByteArrayInputStream(bytes(REGULAR)), true);
        PDFont bold = PDType0Font.load(pdf, new ByteArrayInputStream(bytes(BOLD)), true);
        return new PdfFonts(regular, bold);
    }

    PDFont regular() {
        return regular;
    }

    PDFont bold() {
        return bold;
    }

    /** Two racing first callers may both read the file; either copy is the same bytes. */
    private static byte[] bytes(String file) throws IOException {
        boolean isBold = BOLD.equals(file);
        byte[] cached = isBold ? boldBytes : regularBytes;
        if (cached != null) {
            return cached;
        }
        try (InputStream in = PdfFonts.class.getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IOException("font " + FONT_DIR + file + " is not on the classpath"
                        + " (net.sf.jasperreports:jasperreports-fonts)");
            }
            byte[] bytes = in.readAllBytes();
            if (isBold) {
                boldBytes = bytes;
            } else {
                regularBytes = bytes;
            }
            return bytes;
        }
    }
}
