package se.familycentre.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One face of DejaVu Sans, regular or bold, as this JVM knows it: which characters it prints, how
 * wide each is, and two ways to embed it in a statement.
 *
 * <ul>
 * <li>The <b>common embedding</b>: the characters almost every statement is written in (Latin
 * letters of Latin-1 with the Nordic ones, digits, punctuation, the minus and the euro),
 * cut out of the face once per JVM, embedded whole, and its font objects built and compressed
 * once, so a document copies finished bytes ({@link #embedCommon}). Text is shown as the glyph
 * numbers of that font ({@link #commonCodes}).
 * <li>The <b>wide cut</b>: Latin with all its extensions, combining accents, general punctuation,
 * currency, arrows and mathematical signs. A document with a character outside the common set
 * embeds a subset of this cut made for it, as PDFBox does ({@link #wideCut}).
 * </ul>
 *
 * <p>Both print the same glyphs at the same widths, so a statement is laid out the same either way.
 * Subsetting DejaVu for each document and building its widths, ToUnicode and CID maps was a
 * quarter of the CPU of issuing a statement; the common embedding is a copy of about 20 KB of
 * finished bytes (both faces, unhinted), and a statement stays about 30 KB.
 * The TrueType files come from net.sf.jasperreports:jasperreports-fonts.
 */
final class Typeface {

    private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";

    /**
     * The wide cut's Unicode blocks: Latin with all its extensions (Swedish, the Sami and Finnish
     * letters, and names from the rest of Europe and Vietnam), combining accents, general
     * punctuation, currency, arrows and mathematical signs (the minus). Everything else prints as
     * '?' ({@link TextMetrics#safe}).
     */
    private static final int[][] WIDE = {{0x20, 0x7E}, {0xA0, 0x24F}, {0x250, 0x2FF}, {0x300, 0x36F},
            {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x214F}, {0x2190, 0x21FF},
            {0x2200, 0x22FF}};

    /**
     * The common set: ASCII, Latin-1 (å, ä, ö, é, ü, æ, ø, ×, §, ², ½), the dashes, quotes, ellipsis
     * and bullet, per mille, the euro, arrows, the minus and the comparison signs. Each glyph costs
     * every statement about 120 bytes, so letters beyond Latin-1 (ł, š, ŋ) take the wide cut.
     */
    static final int[][] COMMON = {{0x20, 0x7E}, {0xA0, 0xFF}, {0x2010, 0x2027}, {0x2030, 0x203A},
            {0x20AC, 0x20AC}, {0x2122, 0x2122}, {0x2190, 0x2193}, {0x2212, 0x2212}, {0x2248, 0x2248},
            {0x2260, 0x2260}, {0x2264, 0x2265}};

    /** Every code point of the wide cut is below this: the tables below are indexed by code point. */
    static final int LIMIT = 0x2300;

    /**
     * The tables a viewer draws glyphs with: outlines, their index, metrics and the header. The
     * character map, names, kerning and substitutions are the PDF's business (ToUnicode, the font
     * dictionaries), and the hinting goes too ({@link Unhinted}).
     */
    static final List<String> EMBEDDED_TABLES = List.of("head", "hhea", "loca", "maxp", "glyf", "hmtx");

    // after the blocks and tables: a face is made from them
    static final Typeface REGULAR = new Typeface("DejaVuSans.ttf");
    static final Typeface BOLD = new Typeface("DejaVuSans-Bold.ttf");

    private final String file;
    /** The wide cut as a TrueType file. */
    private final byte[] wideCut;
    /** Advance width in thousandths of the size by code point; NaN where the face has no glyph. */
    private final float[] widths = new float[LIMIT];
    /** The glyph number in the common embedding by code point; 0 where it is not in the common set. */
    private final char[] commonGlyphs = new char[LIMIT];
    /** The common embedding's Type0 font dictionary and everything under it, ready to copy. */
    private final Frozen commonFont;

    private Typeface(String file) {
        this.file = file;
        try {
            byte[] full = resource(file);
            wideCut = cut(full, WIDE, null);
            measure();
            commonFont = common(cut(full, COMMON, null), Unhinted.of(cut(full, COMMON, EMBEDDED_TABLES)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the font " + file, e);
        }
    }

    /** The file's name, e.g. DejaVuSans.ttf. */
    String file() {
        return file;
    }

    /** Whether the face prints the code point (in the wide cut, so in every embedding of it). */
    boolean prints(int cp) {
        return cp >= 0 && cp < LIMIT && !Float.isNaN(widths[cp]);
    }

    /** The advance of a printable code point in thousandths of the size. */
    float width(int cp) {
        return widths[cp];
    }

    /** The wide cut's bytes, parsed by each thread that embeds a subset of it. */
    byte[] wideCut() {
        return wideCut;
    }

    /**
     * The text as the common embedding's two-byte glyph numbers, or null when a character of it
     * is not in the common set (the document then embeds a subset of the wide cut instead).
     */
    byte[] commonCodes(String s) {
        byte[] codes = new byte[2 * s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            char gid = cp < LIMIT ? commonGlyphs[cp] : 0;
            if (gid == 0) {
                return null;
            }
            codes[n++] = (byte) (gid >> 8);
            codes[n++] = (byte) gid;
            i += Character.charCount(cp);
        }
        return n == codes.length ? codes : Arrays.copyOf(codes, n);
    }

    /** A new copy of the common embedding's font dictionary, for one document's pages to share. */
    COSDictionary embedCommon(COSDocument document) throws IOException {
        return (COSDictionary) commonFont.thaw(document);
    }

    /**
     * The widths PDFBox measures for the wide cut, character by character, so the layout is
     * exactly what it was when PDFBox measured each string.
     */
    private void measure() throws IOException {
        Arrays.fill(widths, Float.NaN);
        try (PDDocument scratch = new PDDocument();
                TrueTypeFont ttf = parse(wideCut)) {
            PDType0Font font = PDType0Font.load(scratch, ttf, true);
            for (int[] block : WIDE) {
                for (int cp = block[0]; cp <= block[1]; cp++) {
                    String s = new String(Character.toChars(cp));
                    try {
                        font.encode(s);
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    widths[cp] = font.getStringWidth(s);
                }
            }
        }
    }

    /**
     * Embeds the common cut whole in a scratch document, as PDFBox does for a font it does not
     * subset (glyph numbers as CIDs, an identity CID-to-glyph map, all widths and a ToUnicode
     * map), then swaps the font program for the same cut with only the tables a viewer draws with
     * and no hints, names it as the subset it is, and freezes the result. The glyph numbers come from the cut's
     * own character map.
     */
    private Frozen common(byte[] commonCut, byte[] embedded) throws IOException {
        try (PDDocument scratch = new PDDocument();
                TrueTypeFont ttf = parse(commonCut)) {
            var cmap = ttf.getUnicodeCmapLookup();
            for (int[] block : COMMON) {
                for (int cp = block[0]; cp <= block[1]; cp++) {
                    int gid = cmap.getGlyphId(cp);
                    if (gid > 0 && prints(cp)) {
                        commonGlyphs[cp] = (char) gid;
                    }
                }
            }
            PDType0Font font = PDType0Font.load(scratch, ttf, false);
            PDCIDFont cidFont = font.getDescendantFont();
            PDFontDescriptor descriptor = cidFont.getFontDescriptor();
            COSStream program = descriptor.getFontFile2().getCOSObject();
            try (OutputStream out = program.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(embedded);
            }
            program.setInt(COSName.LENGTH1, embedded.length);
            String name = COMMON_TAG + font.getName();
            font.getCOSObject().setName(COSName.BASE_FONT, name);
            cidFont.getCOSObject().setName(COSName.BASE_FONT, name);
            descriptor.setFontName(name);
            return Frozen.of(font.getCOSObject());
        }
    }

    /** The subset tag of the common embedding: six capitals, the same in every statement. */
    private static final String COMMON_TAG = "FCCOMN+";

    /**
     * The face cut down to the blocks' characters, as a TrueType file with the tables named (all
     * when null). The glyph numbers depend on the characters only, not on the tables kept.
     */
    static byte[] cut(byte[] full, int[][] blocks, List<String> tables) throws IOException {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(full))) {
            TTFSubsetter subsetter = tables == null ? new TTFSubsetter(ttf) : new TTFSubsetter(ttf, tables);
            for (int[] block : blocks) {
                for (int cp = block[0]; cp <= block[1]; cp++) {
                    subsetter.add(cp);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return out.toByteArray();
        }
    }

    /**
     * Parses a cut with glyph substitution off: PDFBox would otherwise set "fi" and "fl" as
     * ligatures, which copy, paste and search then do not find as letters ("fika").
     */
    static TrueTypeFont parse(byte[] bytes) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        font.setEnableGsub(false);
        return font;
    }

    static byte[] resource(String file) throws IOException {
        try (InputStream in = Typeface.class.getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IOException("font " + FONT_DIR + file + " is not on the classpath"
                        + " (net.sf.jasperreports:jasperreports-fonts)");
            }
            return in.readAllBytes();
        }
    }

    /**
     * A COS object graph taken out of the document that built it: dictionaries, arrays, streams as
     * their raw (still compressed) bytes, and values. Thawing makes new objects in another
     * document, so nothing is shared between documents but immutable names and numbers.
     */
    private abstract static class Frozen {

        abstract COSBase thaw(COSDocument document) throws IOException;

        static Frozen of(COSBase base) throws IOException {
            if (base instanceof COSObject indirect) {
                return of(indirect.getObject());
            }
            if (base instanceof COSStream stream) {
                byte[] raw;
                try (InputStream in = stream.createRawInputStream()) {
                    raw = in.readAllBytes();
                }
                return new Stream(Dict.entries(stream), raw);
            }
            if (base instanceof COSDictionary dict) {
                return new Dict(Dict.entries(dict));
            }
            if (base instanceof COSArray array) {
                List<Frozen> items = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++) {
                    items.add(of(array.get(i)));
                }
                return new Array(items);
            }
            if (base instanceof COSString string) {
                byte[] bytes = string.getBytes();
                return new Frozen() {
                    @Override
                    COSBase thaw(COSDocument document) {
                        return new COSString(bytes);
                    }
                };
            }
            // names, numbers, booleans and null cannot be changed: shared as they are
            return new Frozen() {
                @Override
                COSBase thaw(COSDocument document) {
                    return base;
                }
            };
        }

        private static final class Dict extends Frozen {
            private final List<Map.Entry<COSName, Frozen>> entries;

            Dict(List<Map.Entry<COSName, Frozen>> entries) {
                this.entries = entries;
            }

            static List<Map.Entry<COSName, Frozen>> entries(COSDictionary dict) throws IOException {
                List<Map.Entry<COSName, Frozen>> entries = new ArrayList<>();
                for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
                    if (!e.getKey().equals(COSName.LENGTH)) { // a stream's length is written with it
                        entries.add(Map.entry(e.getKey(), of(e.getValue())));
                    }
                }
                return entries;
            }

            void fill(COSDictionary into, COSDocument document) throws IOException {
                for (Map.Entry<COSName, Frozen> e : entries) {
                    into.setItem(e.getKey(), e.getValue().thaw(document));
                }
            }

            @Override
            COSBase thaw(COSDocument document) throws IOException {
                COSDictionary dict = new COSDictionary();
                fill(dict, document);
                return dict;
            }
        }

        private static final class Array extends Frozen {
            private final List<Frozen> items;

            Array(List<Frozen> items) {
                this.items = items;
            }

            @Override
            COSBase thaw(COSDocument document) throws IOException {
                COSArray array = new COSArray();
                for (Frozen item : items) {
                    array.add(item.thaw(document));
                }
                return array;
            }
        }

        private static final class Stream extends Frozen {
            private final Dict dict;
            private final byte[] raw;

            Stream(List<Map.Entry<COSName, Frozen>> entries, byte[] raw) {
                this.dict = new Dict(entries);
                this.raw = raw;
            }

            @Override
            COSBase thaw(COSDocument document) throws IOException {
                COSStream stream = document.createCOSStream();
                dict.fill(stream, document);
                try (OutputStream out = stream.createRawOutputStream()) {
                    out.write(raw);
                }
                return stream;
            }
        }
    }
}
