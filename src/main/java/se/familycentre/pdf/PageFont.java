package se.familycentre.pdf;

import java.io.IOException;
import java.math.BigDecimal;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A face as one document embeds it, selected and shown on its pages. The layout measures with the
 * face ({@link Typeface}), which is the same for both embeddings.
 */
abstract sealed class PageFont permits PageFont.Common, PageFont.Subset {

    private final Typeface face;

    private PageFont(Typeface face) {
        this.face = face;
    }

    Typeface face() {
        return face;
    }

    /** Selects the font at the size on the page whose stream and resources these are (Tf). */
    abstract void select(PDPageContentStream out, PDResources resources, float size) throws IOException;

    /**
     * Shows printable text ({@link TextMetrics#safe}) at the current point.
     *
     * @throws Uncommon when this embedding lacks a character of it
     */
    abstract void show(PDPageContentStream out, String text) throws IOException;

    /**
     * The common embedding, copied into the document ready-made: the text's codes are its glyph
     * numbers. A character outside the common set stops the document ({@link Uncommon}). PDFBox's
     * font operators take only its own font objects, so Tf and Tj are written as they are.
     */
    static final class Common extends PageFont {
        private final COSName name;
        private final COSDictionary font;

        Common(Typeface face, COSName name, COSDictionary font) {
            super(face);
            this.name = name;
            this.font = font;
        }

        @Override
        @SuppressWarnings("deprecation") // appendRawCommands: the font is not a PDFBox font object
        void select(PDPageContentStream out, PDResources resources, float size) throws IOException {
            COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
            if (fonts == null) {
                fonts = new COSDictionary();
                resources.getCOSObject().setItem(COSName.FONT, fonts);
            }
            if (fonts.getDictionaryObject(name) != font) {
                fonts.setItem(name, font);
            }
            out.appendRawCommands("/" + name.getName() + " " + new BigDecimal(Float.toString(size)).toPlainString()
                    + " Tf\n");
        }

        @Override
        @SuppressWarnings("deprecation") // appendRawCommands: the codes are this font's own
        void show(PDPageContentStream out, String text) throws IOException {
            byte[] codes = face().commonCodes(text);
            if (codes == null) {
                throw Uncommon.INSTANCE;
            }
            StringBuilder hex = new StringBuilder(2 * codes.length + 6).append('<');
            for (byte b : codes) {
                hex.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            out.appendRawCommands(hex.append("> Tj\n").toString());
        }

        private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    }

    /** A subset of the wide cut made for this document by PDFBox when it is saved. */
    static final class Subset extends PageFont {
        private final PDFont font;

        Subset(Typeface face, PDFont font) {
            super(face);
            this.font = font;
        }

        PDFont pdfont() {
            return font;
        }

        @Override
        void select(PDPageContentStream out, PDResources resources, float size) throws IOException {
            out.setFont(font, size);
        }

        @Override
        void show(PDPageContentStream out, String text) throws IOException {
            out.showText(text);
        }
    }

    /**
     * The text of a document has a character outside the common set: render it again with
     * subsets of the wide cut. Rare (a name in a script beyond Latin Extended-A), so it carries no
     * stack trace.
     */
    static final class Uncommon extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Uncommon INSTANCE = new Uncommon();

        private Uncommon() {
            super("a character outside the common set", null, false, false);
        }
    }
}
