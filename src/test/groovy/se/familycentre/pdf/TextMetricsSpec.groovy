package se.familycentre.pdf

import org.apache.pdfbox.pdmodel.PDDocument
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * The cached measuring agrees with PDFBox's own: a width is what {@code getStringWidth} gives for
 * the printable text, and wrapped lines fit and keep every word in order.
 */
class TextMetricsSpec extends Specification {

    @Shared @AutoCleanup PDDocument pdf = new PDDocument()
    @Shared PdfFonts fonts = PdfFonts.subsets(pdf)
    TextMetrics metrics = new TextMetrics()

    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzåäöÅÄÖéüßłŁđĐøæ0123456789 ,.;:−–-()%/\t\u0007\u4e2d\u20ac"

    def "a width is PDFBox's width of the printable text, for #n random strings"() {
        given:
        Random random = new Random(n)

        expect:
        (0..<200).every {
            String s = randomText(random, random.nextInt(60))
            def font = random.nextBoolean() ? fonts.regular() : fonts.bold()
            float size = 7 + random.nextInt(8)
            // Groovy divides floats as doubles, so the two agree to rounding, not to the bit
            Math.abs(metrics.width(font, size, s) - font.pdfont().getStringWidth(metrics.safe(font, s)) / 1000 * size) < 1e-3
        }

        where:
        n << [1, 2, 3]
    }

    def "control characters print as spaces and characters the font lacks as '?'"() {
        expect:
        metrics.safe(fonts.regular(), "a\tb\u0007c\u4e2d") == "a b c?"
        metrics.safe(fonts.regular(), "Göteborgs Stad − 12 345,67 €") == "Göteborgs Stad − 12 345,67 €"
        metrics.safe(fonts.regular(), null) == ""
    }

    def "wrapped lines fit the width and keep the words in order"() {
        given:
        Random random = new Random(7)

        expect:
        (0..<300).every {
            String s = randomText(random, random.nextInt(200))
            float max = 40 + random.nextInt(200)
            List<String> lines = metrics.wrap(fonts.regular(), 9, s, max)
            String words = metrics.safe(fonts.regular(), s).trim().split(/\s+/).findAll { it }.join('')
            lines.every { it.length() <= 1 || metrics.width(fonts.regular(), 9, it) <= max } &&
                    lines.join('').replace(' ', '') == words
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder()
        length.times { b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length()))) }
        b.toString()
    }
}
