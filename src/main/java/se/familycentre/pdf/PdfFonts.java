package se.familycentre.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans, regular and bold, embedded as subsets so å, ä, ö and the minus
 * sign print in every viewer. The TrueType files come from
 * net.sf.jasperreports:jasperreports-fonts; their bytes are read from the
 * classpath and cut down once per JVM, parsed once per thread, while each PDF makes its
 * own font objects from them (a PDFont belongs to one document).
 */
final class PdfFonts {

    private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String REGULAR = "DejaVuSans.ttf";
    private static final String BOLD = "DejaVuSans-Bold.ttf";

    private final PDFont regular;
    private final PDFont bold;

    private PdfFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /**
     * The parsed faces, one pair per thread: parsing DejaVu Sans for every document was a large part
     * of rendering one, and a parsed font reads its tables lazily from one buffer, so threads must
     * not share it. Glyph substitution is off: PDFBox would otherwise set "fi" and "fl" as
     * ligatures, which copy, paste and search then do not find as letters ("fika").
     */
    private static final ThreadLocal<TrueTypeFont[]> PARSED = ThreadLocal.withInitial(() -> {
        try {
            return new TrueTypeFont[] {parse(REGULAR), parse(BOLD)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    /** Both faces, to be embedded as subsets of what the document uses. */
    static PdfFonts load(PDDocument pdf) throws IOException {
        TrueTypeFont[] faces = PARSED.get();
        return new PdfFonts(PDType0Font.load(pdf, faces[0], true), PDType0Font.load(pdf, faces[1], true));
    }

    private static TrueTypeFont parse(String file) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(scripts(file)));
        font.setEnableGsub(false);
        return font;
    }

    /**
     * The Unicode blocks a statement prints: Latin with all its extensions (Swedish, the Sami and
     * Finnish letters, and names from the rest of Europe and Vietnam), combining accents, general
     * punctuation, currency, arrows and mathematical signs (the minus). PDFBox builds and reads the
     * width of every glyph of a font for each document that embeds it, so embedding DejaVu's
     * 6 000 glyphs cost more than laying the statement out; a character outside these blocks prints
     * as '?' ({@link TextMetrics#safe}).
     */
    private static final int[][] BLOCKS = {{0x20, 0x7E}, {0xA0, 0x24F}, {0x250, 0x2FF}, {0x300, 0x36F},
            {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x214F}, {0x2190, 0x21FF},
            {0x2200, 0x22FF}};

    /** Each face cut down to {@link #BLOCKS}, made once per JVM. */
    private static final Map<String, byte[]> CUT = new ConcurrentHashMap<>();

    private static byte[] scripts(String file) {
        return CUT.computeIfAbsent(file, f -> {
            try (TrueTypeFont full = new TTFParser().parse(new RandomAccessReadBuffer(resource(f)))) {
                TTFSubsetter subsetter = new TTFSubsetter(full);
                for (int[] block : BLOCKS) {
                    for (int cp = block[0]; cp <= block[1]; cp++) {
                        subsetter.add(cp);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                subsetter.writeToStream(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    PDFont regular() {
        return regular;
    }

    PDFont bold() {
        return bold;
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IOException("font " + FONT_DIR + file + " is not on the classpath"
                        + " (net.sf.jasperreports:jasperreports-fonts)");
            }
            return in.readAllBytes();
        }
    }
}
