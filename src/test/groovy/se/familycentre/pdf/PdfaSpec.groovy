package se.familycentre.pdf

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.time.Clock
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZonedDateTime
import org.apache.pdfbox.Loader
import org.apache.pdfbox.cos.COSDictionary
import org.apache.pdfbox.cos.COSName
import org.apache.pdfbox.pdmodel.PDDocument
import org.apache.pdfbox.pdmodel.PDDocumentInformation
import org.apache.pdfbox.pdmodel.PDPage
import org.apache.pdfbox.pdmodel.PDPageContentStream
import org.apache.pdfbox.pdmodel.font.PDFont
import org.apache.pdfbox.pdmodel.font.PDType1Font
import org.apache.pdfbox.pdmodel.font.Standard14Fonts
import org.apache.pdfbox.text.PDFTextStripper
import org.apache.pdfbox.text.TextPosition
import org.apache.xmpbox.xml.DomXmpParser
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider
import org.verapdf.pdfa.Foundries
import org.verapdf.pdfa.flavours.PDFAFlavour
import org.verapdf.pdfa.results.TestAssertion
import org.verapdf.pdfa.results.ValidationResult
import se.familycentre.statement.Statement
import se.familycentre.statement.StatementBuilder
import se.familycentre.statement.StatementDocument
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification

/**
 * Every statement PDF is an archival PDF/A-2b file, checked by veraPDF (its own parser and the
 * PDF/A-2B profile), and its text layer reads as the page shows it, glyph by glyph: no ligatures
 * ("fika" is four glyphs), and the printed minus sign U+2212 reads as the ASCII "-" (an /ActualText
 * span), so a search for "-123,45" finds the amount. The statements are RULES §6 example A's, as in
 * {@link StatementPdfSpec}: the region's invoice as draft, invoice and credit, the municipality's
 * invoice and the municipality's internal transfer. The files are written to target/pdfa-samples.
 */
class PdfaSpec extends Specification {

    static final ZonedDateTime CREATED = StatementPdfSpec.CREATED
    static final String REGION = StatementPdfSpec.REGION
    static final String MUNICIPALITY = StatementPdfSpec.MUNICIPALITY
    static final Instant ISSUED = Instant.parse('2025-04-02T08:15:30Z')
    static final File SAMPLES = new File('target/pdfa-samples')

    static {
        VeraGreenfieldFoundryProvider.initialise()
    }

    @Shared Map<String, Object> a = StatementPdfSpec.statements(StatementPdfSpec.text('example-a'))
    @Shared Statement regionOwes = StatementPdfSpec.statement(a, MUNICIPALITY, REGION)
    @Shared Statement municipalityOwes = StatementPdfSpec.statement(a, REGION, MUNICIPALITY)
    @Shared Statement internal = StatementPdfSpec.statement(a, MUNICIPALITY, MUNICIPALITY)
    @Shared PdfStatementRenderer renderer = new PdfStatementRenderer(Clock.fixed(CREATED.toInstant(), CREATED.zone))

    @Shared StatementDocument credit = new StatementDocument(StatementDocument.Kind.CREDIT, '2025-0003',
            LocalDate.parse('2025-04-20'), StatementBuilder.negated(regionOwes), '2025-0001',
            LocalDate.parse('2025-04-02'), [], StatementDocument.AGREEMENT, a.services)

    /** The statements of each kind, as the service renders them: a draft by the clock, an issued one by its issue. */
    @Shared Map<String, byte[]> pdfs = [
            'draft'            : save('draft', renderer.render(new StatementDocument(StatementDocument.Kind.DRAFT,
                    null, null, regionOwes, null, null, [], StatementDocument.AGREEMENT, a.services))),
            'invoice'          : save('invoice', renderer.renderIssued(new StatementDocument(StatementDocument.Kind.INVOICE,
                    '2025-0001', LocalDate.parse('2025-04-02'), regionOwes, null, null, [], StatementDocument.AGREEMENT,
                    a.services), ISSUED)),
            'second invoice'   : save('second-invoice', renderer.renderIssued(new StatementDocument(
                    StatementDocument.Kind.INVOICE, '2025-0002', LocalDate.parse('2025-04-02'), municipalityOwes, null,
                    null, [], StatementDocument.AGREEMENT, a.services), ISSUED)),
            'credit'           : save('credit', renderer.renderIssued(credit, ISSUED)),
            'internal transfer': save('internal', renderer.render(new StatementDocument(StatementDocument.Kind.DRAFT,
                    null, null, internal, null, null, [], 'Lokal överenskommelse familjecentralen Exempel 2025-01-15 §3',
                    a.services))),
            'names beyond Latin-1': save('wide-names', renderer.renderIssued(new StatementDocument(
                    StatementDocument.Kind.INVOICE, '2025-0005', LocalDate.parse('2025-04-02'),
                    StatementPdfSpec.beyondLatin1(regionOwes), null, null, [], StatementDocument.AGREEMENT,
                    a.services), ISSUED)),
    ]

    /** A statement whose line names hold the letter pairs fonts set as ligatures: fi, fl, ffi. */
    @Shared Statement withLigatures = ligatureStatement()
    @Shared byte[] ligaturePdf = save('ligatures', renderer.renderIssued(new StatementDocument(
            StatementDocument.Kind.INVOICE, '2025-0004', LocalDate.parse('2025-04-02'), withLigatures, null, null, [],
            StatementDocument.AGREEMENT, a.services), ISSUED))

    Statement ligatureStatement() {
        def json = new JsonSlurper().parseText(StatementPdfSpec.text('example-a')) as Map
        json.centre.costLines << [id: 'fika', name: 'Fika och fil till flera officiella möten', pool: 'JOINT',
                                  payer: 'ÖF', periodicity: 'QUARTER', amount: '2400']
        StatementPdfSpec.statement(StatementPdfSpec.statements(JsonOutput.toJson(json)), MUNICIPALITY, REGION)
    }

    static byte[] save(String name, byte[] pdf) {
        SAMPLES.mkdirs()
        new File(SAMPLES, "${name}.pdf").bytes = pdf
        pdf
    }

    // ---- veraPDF ---------------------------------------------------------------------

    /** Validates as PDF/A-2b whatever the file claims to be. */
    static ValidationResult validate(byte[] pdf) {
        def foundry = Foundries.defaultInstance()
        foundry.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B).withCloseable { parser ->
            foundry.createValidator(PDFAFlavour.PDFA_2_B, false).validate(parser)
        }
    }

    /** Each failed rule once, as "clause-test: what it checks". */
    static List<String> failedRules(ValidationResult result) {
        result.testAssertions.findAll { it.status == TestAssertion.Status.FAILED }
                .collect { "${it.ruleId.clause}-${it.ruleId.testNumber}: ${it.message}".toString() }.unique()
    }

    def "the #kind is PDF/A-2b by veraPDF"() {
        when:
        ValidationResult result = validate(pdfs[kind])
        if (!result.compliant) {
            println "PDF/A-2b failures of the ${kind}:\n  " + failedRules(result).join('\n  ')
        }

        then:
        result.PDFAFlavour == PDFAFlavour.PDFA_2_B
        failedRules(result) == []
        result.compliant

        where:
        kind << ['draft', 'invoice', 'second invoice', 'credit', 'internal transfer', 'names beyond Latin-1']
    }

    def "the statements with ligature letters and a long one over pages are PDF/A-2b too"() {
        given: 'example A with forty more joint activities: three pages with running heads'
        def json = new JsonSlurper().parseText(StatementPdfSpec.text('example-a')) as Map
        (1..40).each { i ->
            json.centre.costLines << [id: "activity-$i", name: "Föräldragrupp nr $i", pool: 'JOINT',
                                      payer: i % 3 == 0 ? 'SOC' : 'ÖF', periodicity: 'QUARTER', amount: "${1000 + i}"]
        }
        def s = StatementPdfSpec.statement(StatementPdfSpec.statements(JsonOutput.toJson(json)), MUNICIPALITY, REGION)
        byte[] long_ = save('long-credit', renderer.renderIssued(new StatementDocument(StatementDocument.Kind.CREDIT,
                '2025-0009', LocalDate.parse('2025-04-20'), StatementBuilder.negated(s), '2025-0008',
                LocalDate.parse('2025-04-02'), [], StatementDocument.AGREEMENT, a.services), ISSUED))

        expect:
        Loader.loadPDF(long_).withCloseable { it.numberOfPages } >= 2
        failedRules(validate(long_)) == []
        failedRules(validate(ligaturePdf)) == []
    }

    def "the validator is not a rubber stamp: a plain PDFBox page in Helvetica fails it"() {
        given: 'no XMP, no output intent, a standard 14 font that is not embedded'
        byte[] plain = new PDDocument().withCloseable { PDDocument doc ->
            PDPage page = new PDPage()
            doc.addPage(page)
            new PDPageContentStream(doc, page).withCloseable { PDPageContentStream out ->
                out.beginText()
                out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12)
                out.newLineAtOffset(72, 720)
                out.showText('Fakturaunderlag 2025-0001')
                out.endText()
            }
            def bytes = new ByteArrayOutputStream()
            doc.save(bytes)
            bytes.toByteArray()
        }

        when:
        ValidationResult result = validate(plain)
        def clauses = failedRules(result).collect { it.substring(0, it.indexOf('-')) }
        println "PDF/A-2b failures of a plain PDFBox page (as expected):\n  " + failedRules(result).join('\n  ')

        then: 'the font is not embedded and there is no PDF/A metadata'
        !result.compliant
        '6.2.11.4.1' in clauses
        '6.6.4' in clauses || '6.6.2.1' in clauses
    }

    // ---- the metadata ----------------------------------------------------------------

    def "the XMP says PDF/A-2b and repeats the document information, dated by the issue, not the clock"() {
        given:
        def laterClock = new PdfStatementRenderer(Clock.fixed(Instant.parse('2026-01-05T11:00:00Z'), ZoneId.of('UTC')))
        def doc = new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0001', LocalDate.parse('2025-04-02'),
                regionOwes, null, null, [], StatementDocument.AGREEMENT, a.services)

        when:
        def (info, xmp, raw, intent) = Loader.loadPDF(pdfs['invoice']).withCloseable { PDDocument d ->
            byte[] bytes = d.documentCatalog.metadata.exportXMPMetadata().readAllBytes()
            def i = d.documentInformation
            [[title: i.title, author: i.author, subject: i.subject, creator: i.creator, producer: i.producer,
              created: i.creationDate.toInstant(), modified: i.modificationDate.toInstant()],
             new DomXmpParser().parse(bytes), new String(bytes, 'UTF-8'),
             d.documentCatalog.outputIntents.collect {
                 [it.COSObject.getCOSName(COSName.S), it.outputConditionIdentifier, it.destOutputIntent.getInt(COSName.N)]
             }]
        }

        then:
        xmp.getPDFAIdentificationSchema().part == 2
        xmp.getPDFAIdentificationSchema().conformance == 'B'
        xmp.getDublinCoreSchema().title == info.title
        xmp.getDublinCoreSchema().creators == [info.author]
        xmp.getDublinCoreSchema().description == info.subject
        xmp.getXMPBasicSchema().creatorTool == info.creator
        xmp.getAdobePDFSchema().producer == info.producer
        info.producer.startsWith('Apache PDFBox')
        xmp.getXMPBasicSchema().createDate.toInstant() == ISSUED
        xmp.getXMPBasicSchema().modifyDate.toInstant() == ISSUED
        info.created == ISSUED && info.modified == ISSUED
        raw.contains('2025-04-02T10:15:30+02:00')
        !(raw =~ /uuid:|[0-9a-f]{8}-[0-9a-f]{4}-/)

        and: 'one sRGB output intent'
        intent == [[COSName.GTS_PDFA1, 'sRGB IEC61966-2.1', 3]]

        and: 'byte for byte the same from a renderer whose clock says another year'
        laterClock.renderIssued(doc, ISSUED) == pdfs['invoice']
    }

    def "the XMP filled into the packet made once is byte for byte what xmpbox writes: #title"() {
        given:
        def info = new PDDocumentInformation()
        info.title = title
        info.author = StatementPdf.AUTHOR
        info.subject = subject
        info.creator = StatementPdf.AUTHOR
        info.producer = PdfA.PRODUCER
        info.keywords = keywords
        info.creationDate = GregorianCalendar.from(created)
        info.modificationDate = GregorianCalendar.from(created.plusDays(1))

        expect:
        (PdfA.Template.values(info) != null) == filled
        new String(PdfA.xmp(info), 'UTF-8') == new String(PdfA.serialize(info), 'UTF-8')

        where:
        title                                                    | subject                      | keywords | created                                                           | filled
        'Fakturaunderlag 2025-0001 – RULES §6 example A – 2025-Q1' | 'från Kommunen till Region' | null     | CREATED                                                           | true
        'Åsa & Örjan <AB> "citat" \'enkel\' ≤ − €'                | 'a > b && c < d'             | null     | ZonedDateTime.of(2025, 12, 31, 23, 59, 59, 0, ZoneId.of('UTC'))   | true
        'Vinter'                                                 | 'normaltid'                  | null     | ZonedDateTime.of(2026, 1, 15, 8, 0, 0, 0, ZoneId.of('Europe/Stockholm')) | true
        'med\ttabb'                                             | 'x'                          | null     | CREATED                                                           | false
        'nyckelord'                                              | 'x'                          | 'a, b'   | CREATED                                                           | false
        'Emoji \uD83D\uDE00'                                     | 'x'                          | null     | CREATED                                                           | false
    }

    def "a draft's XMP dates are its information's, to the second"() {
        given: 'a clock with milliseconds'
        def clock = Clock.fixed(Instant.parse('2025-04-02T07:30:00.987Z'), ZoneId.of('Europe/Stockholm'))
        byte[] pdf = new PdfStatementRenderer(clock).render(new StatementDocument(StatementDocument.Kind.DRAFT, null, null,
                regionOwes, null, null, [], StatementDocument.AGREEMENT, a.services))

        when:
        def (created, modified, xmp) = Loader.loadPDF(pdf).withCloseable { PDDocument d ->
            [d.documentInformation.creationDate.toInstant(), d.documentInformation.modificationDate.toInstant(),
             new DomXmpParser().parse(d.documentCatalog.metadata.exportXMPMetadata())]
        }

        then:
        created == Instant.parse('2025-04-02T07:30:00Z')
        xmp.getXMPBasicSchema().createDate.toInstant() == created
        xmp.getXMPBasicSchema().modifyDate.toInstant() == modified
        failedRules(validate(pdf)) == []
    }

    // ---- the text layer, glyph by glyph ----------------------------------------------

    /** One glyph shown on a page: its font, its code, what ToUnicode maps it to, the /ActualText around it. */
    static class Glyph {
        String font
        int code
        String unicode
        String actualText

        String toString() { "$font:$code→${unicode?.collect { String.format('U+%04X', (int) it.charAt(0)) }}" + (actualText == null ? '' : " ($actualText)") }
    }

    /** Walks the pages' content streams as PDFBox's text extraction does, noting each glyph before extraction replaces anything. */
    static class GlyphWalker extends PDFTextStripper {
        final List<Glyph> glyphs = []
        private final Deque<String> actualTexts = new ArrayDeque<>()

        @Override
        void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            actualTexts.push(properties?.getString(COSName.ACTUAL_TEXT) ?: '')
            super.beginMarkedContentSequence(tag, properties)
        }

        @Override
        void endMarkedContentSequence() {
            if (!actualTexts.isEmpty()) {
                actualTexts.pop()
            }
            super.endMarkedContentSequence()
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            PDFont font = text.font
            for (int code : text.characterCodes) {
                String inSpan = actualTexts.find { it }
                glyphs << new Glyph(font: font.name, code: code, unicode: font.toUnicode(code), actualText: inSpan)
            }
            super.processTextPosition(text)
        }

        static List<Glyph> of(byte[] pdf) {
            Loader.loadPDF(pdf).withCloseable { PDDocument d ->
                def walker = new GlyphWalker()
                walker.getText(d)
                walker.glyphs
            }
        }
    }

    /** The text as glyphs spell it: each glyph's ToUnicode, in the order shown. */
    static String spelled(List<Glyph> glyphs) {
        glyphs.collect { it.unicode ?: '\uFFFD' }.join('')
    }

    def "no ligatures: f, i, k and l are each a glyph of their own, and the text layer finds 'fika'"() {
        when:
        List<Glyph> glyphs = GlyphWalker.of(ligaturePdf)
        String text = StatementPdfSpec.read(ligaturePdf)
        String spelledOut = spelled(glyphs)

        then: 'every glyph maps to exactly one character, none of them a ligature U+FB00–FB06'
        glyphs.size() > 500
        glyphs.findAll { it.unicode == null || it.unicode.codePointCount(0, it.unicode.length()) != 1 } == []
        glyphs.findAll { it.unicode.codePointAt(0) in (0xFB00..0xFB06) } == []

        and: 'the words are there glyph by glyph (one glyph a letter, so the spelled text has them)'
        ['Fika', 'fil', 'flera', 'officiella'].every { spelledOut.contains(it) }

        and: 'each of f, i, k, l is one code in a face, and no other letter shares its code'
        ['f', 'i', 'k', 'l'].every { letter ->
            glyphs.findAll { it.unicode == letter }.groupBy { it.font }.every { font, gs -> gs*.code.unique().size() == 1 }
        }
        glyphs.groupBy { [it.font, it.code] }.every { key, gs -> gs*.unicode.unique().size() == 1 }

        and: 'PDFBox extracts the words'
        text.contains('Fika och fil till flera officiella möten')
        text.toLowerCase().contains('fika')
    }

    def "the credit prints U+2212 glyphs that read as '-': search finds '-' and the digits of every negative amount"() {
        given:
        Statement s = credit.statement()
        List<String> negative = StatementPdfSpec.amounts(s).findAll { it.startsWith('\u2212') }

        when:
        List<Glyph> glyphs = GlyphWalker.of(pdfs['credit'])
        String text = StatementPdfSpec.read(pdfs['credit'])

        then: 'the page shows the minus glyph, each one inside a span that reads "-"'
        def minus = glyphs.findAll { it.unicode == '\u2212' }
        minus.size() >= negative.size()
        minus.every { it.actualText == '-' }
        glyphs.findAll { it.actualText != null }.every { it.unicode == '\u2212' }

        and: 'the text layer has "-" and the digits for every negative amount, and no U+2212'
        negative.size() > 5
        negative.findAll { !text.contains('-' + it.substring(1)) } == []
        text.contains('Att kreditera -111 592,85 kr')
        !text.contains('\u2212')

        and: 'each minus glyph is one "-" before an amount\'s digits (dates and org.nr have a digit before theirs)'
        (text =~ /(?<![0-9A-Za-z])-\d[\d ]*,\d\d kr/).findAll().size() == minus.size()
        (text =~ /(?<![0-9A-Za-z])-\d/).findAll().size() == minus.size()
    }

    @Requires({ new File('/usr/bin/pdftotext').canExecute() })
    def "Poppler's pdftotext reads the credit's minus as '-' too (the span's properties are inline)"() {
        given:
        File file = new File(SAMPLES, 'credit.pdf')

        when:
        Process p = new ProcessBuilder('/usr/bin/pdftotext', '-enc', 'UTF-8', file.path, '-').redirectErrorStream(true).start()
        String text = StatementPdfSpec.normalise(p.inputStream.getText('UTF-8'))
        p.waitFor()

        then:
        p.exitValue() == 0
        text.contains('-111 592,85 kr')
        !text.contains('\u2212')
    }

    def "an invoice has no minus and no ActualText span: positive amounts are untouched"() {
        when:
        List<Glyph> glyphs = GlyphWalker.of(pdfs['invoice'])

        then:
        glyphs.every { it.actualText == null }
        !glyphs.any { it.unicode == '\u2212' }
    }
}
