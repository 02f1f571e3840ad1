package se.familycentre.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A TrueType font without its hinting: the instructions of every glyph and the font program,
 * pre-program and control values they run on. Hints fit outlines to a screen's pixel grid at small
 * sizes; PDF viewers and printers scale the outlines themselves, and DejaVu's hints are half of each
 * glyph's bytes, so a statement that carries its fonts whole carries them at half the size.
 * The outlines, metrics and glyph numbers stay exactly as they were.
 *
 * <p>Reads and writes the sfnt structure (OpenType spec, "Font file" and the glyf, loca, head
 * and maxp tables): glyphs are copied with an empty instruction block (simple glyphs) or without
 * the instructions after their components (composite glyphs), loca is rebuilt in the same format,
 * and the checksums are computed again.
 */
final class Unhinted {

    /** The tables only hinting uses. */
    private static final Set<String> HINTING = Set.of("fpgm", "prep", "cvt ");

    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;
    private static final int WE_HAVE_INSTRUCTIONS = 0x0100;

    private Unhinted() {
    }

    /** The font with its hinting removed. */
    static byte[] of(byte[] ttf) {
        ByteBuffer font = ByteBuffer.wrap(ttf);
        int numTables = font.getShort(4) & 0xFFFF;
        Map<String, byte[]> tables = new TreeMap<>(); // the directory is in ascending tag order
        for (int i = 0; i < numTables; i++) {
            int entry = 12 + 16 * i;
            String tag = new String(ttf, entry, 4, StandardCharsets.US_ASCII);
            int offset = font.getInt(entry + 8);
            int length = font.getInt(entry + 12);
            if (!HINTING.contains(tag)) {
                tables.put(tag, Arrays.copyOfRange(ttf, offset, offset + length));
            }
        }
        byte[] head = tables.get("head");
        byte[] maxp = tables.get("maxp");
        boolean shortLoca = ByteBuffer.wrap(head).getShort(50) == 0;
        int numGlyphs = ByteBuffer.wrap(maxp).getShort(4) & 0xFFFF;
        ByteBuffer loca = ByteBuffer.wrap(tables.get("loca"));
        byte[] glyf = tables.get("glyf");

        ByteArrayOutputStream glyphs = new ByteArrayOutputStream(glyf.length);
        ByteBuffer newLoca = ByteBuffer.allocate((numGlyphs + 1) * (shortLoca ? 2 : 4));
        for (int g = 0; g < numGlyphs; g++) {
            putOffset(newLoca, shortLoca, glyphs.size());
            int from = offset(loca, shortLoca, g);
            int to = offset(loca, shortLoca, g + 1);
            if (to > from) {
                glyphs.writeBytes(withoutInstructions(Arrays.copyOfRange(glyf, from, to)));
                if (glyphs.size() % 2 != 0) {
                    glyphs.write(0); // a short loca counts in words
                }
            }
        }
        putOffset(newLoca, shortLoca, glyphs.size());
        tables.put("glyf", glyphs.toByteArray());
        tables.put("loca", newLoca.array());

        if ((ByteBuffer.wrap(maxp).getInt(0)) == 0x00010000) {
            ByteBuffer m = ByteBuffer.wrap(maxp);
            m.putShort(20, (short) 0); // maxFunctionDefs
            m.putShort(22, (short) 0); // maxInstructionDefs
            m.putShort(26, (short) 0); // maxSizeOfInstructions
        }
        ByteBuffer.wrap(head).putInt(8, 0); // checkSumAdjustment, set once the whole file is known
        byte[] out = write(Arrays.copyOfRange(ttf, 0, 4), tables);
        int adjustment = (int) (0xB1B0AFBAL - checksum(out));
        int headOffset = tableOffset(out, "head");
        ByteBuffer.wrap(out).putInt(headOffset + 8, adjustment);
        return out;
    }

    /** One glyph's description with no instructions. */
    private static byte[] withoutInstructions(byte[] glyph) {
        ByteBuffer g = ByteBuffer.wrap(glyph);
        int contours = g.getShort(0);
        if (contours >= 0) {
            int lengthAt = 10 + 2 * contours;
            int instructions = g.getShort(lengthAt) & 0xFFFF;
            byte[] out = new byte[glyph.length - instructions];
            System.arraycopy(glyph, 0, out, 0, lengthAt); // header and end points; the length stays 0
            System.arraycopy(glyph, lengthAt + 2 + instructions, out, lengthAt + 2,
                    glyph.length - lengthAt - 2 - instructions);
            return out;
        }
        byte[] out = glyph.clone();
        int p = 10;
        int flags;
        do {
            flags = g.getShort(p) & 0xFFFF;
            ByteBuffer.wrap(out).putShort(p, (short) (flags & ~WE_HAVE_INSTRUCTIONS));
            p += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
            if ((flags & WE_HAVE_A_SCALE) != 0) {
                p += 2;
            } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
                p += 4;
            } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
                p += 8;
            }
        } while ((flags & MORE_COMPONENTS) != 0);
        return Arrays.copyOf(out, p);
    }

    private static int offset(ByteBuffer loca, boolean shortLoca, int glyph) {
        return shortLoca ? (loca.getShort(2 * glyph) & 0xFFFF) * 2 : loca.getInt(4 * glyph);
    }

    private static void putOffset(ByteBuffer loca, boolean shortLoca, int offset) {
        if (shortLoca) {
            loca.putShort((short) (offset / 2));
        } else {
            loca.putInt(offset);
        }
    }

    /** The sfnt file: offset table, directory, then each table on a four-byte boundary. */
    private static byte[] write(byte[] version, Map<String, byte[]> tables) {
        int n = tables.size();
        int power = Integer.highestOneBit(n);
        int dataStart = 12 + 16 * n;
        int size = dataStart;
        for (byte[] t : tables.values()) {
            size += (t.length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(version);
        out.putShort((short) n);
        out.putShort((short) (16 * power));
        out.putShort((short) Integer.numberOfTrailingZeros(power));
        out.putShort((short) (16 * n - 16 * power));
        int at = dataStart;
        for (Map.Entry<String, byte[]> t : tables.entrySet()) {
            byte[] data = t.getValue();
            out.put(t.getKey().getBytes(StandardCharsets.US_ASCII));
            out.putInt((int) checksum(data));
            out.putInt(at);
            out.putInt(data.length);
            out.put(at, data);
            at += (data.length + 3) & ~3;
        }
        return out.array();
    }

    private static int tableOffset(byte[] font, String tag) {
        ByteBuffer f = ByteBuffer.wrap(font);
        int n = f.getShort(4) & 0xFFFF;
        for (int i = 0; i < n; i++) {
            if (new String(font, 12 + 16 * i, 4, StandardCharsets.US_ASCII).equals(tag)) {
                return f.getInt(12 + 16 * i + 8);
            }
        }
        throw new IllegalArgumentException("no " + tag + " table");
    }

    /** The sum of the data as big-endian 32-bit words, zero-padded, modulo 2^32. */
    static long checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            long word = 0;
            for (int k = 0; k < 4; k++) {
                word = (word << 8) | (i + k < data.length ? data[i + k] & 0xFF : 0);
            }
            sum = (sum + word) & 0xFFFFFFFFL;
        }
        return sum;
    }
}
