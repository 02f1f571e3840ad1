package se.familycentre.pdf

import java.awt.geom.PathIterator
import org.apache.fontbox.ttf.TTFParser
import org.apache.fontbox.ttf.TrueTypeFont
import org.apache.pdfbox.io.RandomAccessReadBuffer
import spock.lang.Specification

/**
 * Removing the hints keeps every glyph as it was: the same number of glyphs, the same outlines point
 * for point, the same advance widths and bounding boxes, in a file with valid checksums, about half
 * the size and without the hinting tables.
 */
class UnhintedSpec extends Specification {

    def "the common cut of #file without hints draws the same glyphs"() {
        given:
        byte[] hinted = Typeface.cut(Typeface.resource(file), Typeface.COMMON,
                Typeface.EMBEDDED_TABLES + ['fpgm', 'prep', 'cvt '])
        byte[] unhinted = Unhinted.of(hinted)

        expect:
        parse(hinted).withCloseable { TrueTypeFont h ->
            parse(unhinted).withCloseable { TrueTypeFont u ->
                assert u.numberOfGlyphs == h.numberOfGlyphs && h.numberOfGlyphs > 200
                (0..<h.numberOfGlyphs).each { gid ->
                    assert outline(u, gid) == outline(h, gid): "glyph $gid"
                    assert u.getAdvanceWidth(gid) == h.getAdvanceWidth(gid)
                    def (hb, ub) = [h.glyph.getGlyph(gid)?.boundingBox, u.glyph.getGlyph(gid)?.boundingBox]
                    assert String.valueOf(ub) == String.valueOf(hb)
                }
                assert h.tableMap.keySet().containsAll(['fpgm', 'prep', 'cvt '])
                assert !u.tableMap.keySet().any { it in ['fpgm', 'prep', 'cvt '] }
                true
            }
        }
        unhinted.length < hinted.length * 0.6

        and: "the checksums: each table's, and the file's adjusted to 0xB1B0AFBA"
        Unhinted.checksum(unhinted) == 0xB1B0AFBAL
        parse(unhinted).withCloseable { TrueTypeFont u ->
            u.tables.every { t ->
                byte[] data = Arrays.copyOfRange(unhinted, t.offset as int, (t.offset + t.length) as int)
                t.tag == 'head' || Unhinted.checksum(data) == t.checkSum
            }
        }

        where:
        file << ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']
    }

    static TrueTypeFont parse(byte[] bytes) {
        new TTFParser(true).parse(new RandomAccessReadBuffer(bytes))
    }

    /** The glyph's outline as its path segments and coordinates. */
    static List<String> outline(TrueTypeFont font, int gid) {
        def glyph = font.glyph.getGlyph(gid)
        if (glyph == null) {
            return []
        }
        List<String> segments = []
        float[] c = new float[6]
        for (PathIterator it = glyph.path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c)
            segments << "$type:${c.toList()}".toString()
        }
        segments
    }
}
