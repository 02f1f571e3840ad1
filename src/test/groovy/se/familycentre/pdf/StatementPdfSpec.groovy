package se.familycentre.pdf

import se.familycentre.statement.SwedishFormat
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.time.Clock
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZonedDateTime
import org.apache.pdfbox.Loader
import org.apache.pdfbox.pdmodel.PDDocument
import org.apache.pdfbox.pdmodel.font.PDType0Font
import org.apache.pdfbox.text.PDFTextStripper
import se.familycentre.allocation.AllocationOutcome
import se.familycentre.allocation.Allocator
import se.familycentre.allocation.Pool
import se.familycentre.allocation.Sek
import se.familycentre.statement.EntityInvoicing
import se.familycentre.statement.Party
import se.familycentre.statement.Statement
import se.familycentre.statement.StatementBuilder
import se.familycentre.statement.StatementDocument
import se.familycentre.format.CentreReader
import spock.lang.Shared
import spock.lang.Specification

/**
 * The printed statement (RULES §5): RULES §6 example A through the engine and
 * the statement builder, rendered as draft, invoice and credit, read back with
 * PDFBox's text stripper. Every amount the statement holds must be printed in
 * Swedish format. The samples are written to target/statement-samples.
 */
class StatementPdfSpec extends Specification {

    static final String REGION = '232100-0131'
    static final String MUNICIPALITY = '212000-1561'
    static final Map<String, Party> PARTIES = [
            (REGION)      : new Party(REGION, 'Västra Götalandsregionen',
                    'Fakturaadress (exempel)\nFE 000, Box 000\n405 00 Göteborg', 'Anna Ek', 30, '4711', null),
            (MUNICIPALITY): new Party(MUNICIPALITY, 'Kommunen',
                    'Kommunhuset (exempel)\nStorgatan 1\n123 45 Exempelstad', 'Per Holm, förskoleförvaltningen', 30,
                    null, new EntityInvoicing('5050-1055', null, null, null, null, null, null,
                    'Lena Berg, ekonomiavdelningen', 'ekonomi@example.se', '0123-45 67 89', null, null, null))]
    static final Map<String, String> COST_REFERENCES = [BMM: 'KST 4711 mödrahälsovård', BVC: 'KST 4712 barnhälsovård']
    static final ZonedDateTime CREATED = ZonedDateTime.of(2025, 4, 2, 9, 30, 0, 0, ZoneId.of('Europe/Stockholm'))
    static final File SAMPLES = new File('target/statement-samples')

    @Shared Map<String, Object> a = statements(text('example-a'))
    @Shared Statement regionOwes = statement(a, MUNICIPALITY, REGION)

    @Shared StatementDocument draft = new StatementDocument(StatementDocument.Kind.DRAFT, null, null, regionOwes,
            null, null, [], StatementDocument.AGREEMENT, a.services)
    @Shared StatementDocument invoice = new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0001',
            LocalDate.parse('2025-04-02'), regionOwes, null, null, [], StatementDocument.AGREEMENT, a.services)
    @Shared StatementDocument credit = new StatementDocument(StatementDocument.Kind.CREDIT, '2025-0002',
            LocalDate.parse('2025-04-20'), StatementBuilder.negated(regionOwes), '2025-0001',
            LocalDate.parse('2025-04-02'), [], StatementDocument.AGREEMENT, a.services)

    @Shared byte[] draftPdf = save('a-draft', draft)
    @Shared byte[] invoicePdf = save('a-invoice', invoice)
    @Shared byte[] creditPdf = save('a-credit', credit)

    // ---- building the sample ---------------------------------------------------

    static String text(String example) {
        StatementPdfSpec.getResource("/examples/${example}.json").getText('UTF-8')
    }

    /** The request's allocation and statements, and the centre's services as the statements name them. */
    static Map<String, Object> statements(String json) {
        def request = CentreReader.readRequest(json)
        def outcome = new Allocator().allocate(request.centre(), request.period())
        assert outcome instanceof AllocationOutcome.Allocated: outcome
        def allocation = (outcome as AllocationOutcome.Allocated).allocation()
        def statements = StatementBuilder.build(allocation, request.centre(), PARTIES, COST_REFERENCES)
        def services = request.centre().services().collect {
            new Statement.ServiceRef(it.id(), it.type().name(), it.name(), COST_REFERENCES[it.id()])
        }
        [statements: statements, services: services]
    }

    static Statement statement(Map<String, Object> set, String creditor, String debtor) {
        def found = (set.statements as List<Statement>).find {
            it.creditor().organisationNumber() == creditor && it.debtor().organisationNumber() == debtor
        }
        assert found: "no statement from $creditor to $debtor"
        found
    }

    /** Renders as production does: the renderer bean, the centre's services carried by the document. */
    static byte[] render(StatementDocument doc) {
        new PdfStatementRenderer(Clock.fixed(CREATED.toInstant(), CREATED.zone)).render(doc)
    }

    static byte[] save(String name, StatementDocument doc) {
        byte[] pdf = render(doc)
        SAMPLES.mkdirs()
        new File(SAMPLES, "${name}.pdf").bytes = pdf
        pdf
    }

    /** The text as PDFBox reads it, with no-break and thin spaces as plain spaces. */
    static String read(byte[] pdf) {
        Loader.loadPDF(pdf).withCloseable { normalise(new PDFTextStripper().getText(it)) }
    }

    /** The text with every run of blanks and line breaks as one space: a sentence wrapped over lines reads whole. */
    static String flat(String s) {
        s.replaceAll(/\s+/, ' ')
    }

    static String normalise(String s) {
        s.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ')
    }

    /** Every amount the statement prints: each line total and share, each pool's sum (of pools with lines) and the total. */
    static List<String> amounts(Statement s) {
        def pools = s.lines()*.pool().toSet()
        (s.lines().collect { SwedishFormat.amount(it.share()) }
                + s.lines().collect { SwedishFormat.amount(it.lineTotal()) }
                + pools.collect { SwedishFormat.amount(s.sumsByPool()[it]) }
                + [SwedishFormat.amount(s.total())]).collect { normalise(it) }.unique()
    }

    /** An amount as the text layer reads it: the printed minus U+2212 reads as '-' (Canvas, PdfaSpec). */
    static String searchable(String amount) {
        amount.replace('\u2212', '-')
    }

    // ---- Swedish formats -------------------------------------------------------

    def "SwedishFormat writes #value as #expected"() {
        expect:
        SwedishFormat.amount(Sek.sek(value)) == expected.replace(' ', '\u00A0').replace('-', '\u2212')

        where:
        value         | expected
        '111592.85'   | '111 592,85 kr'
        '0'           | '0,00 kr'
        '5'           | '5,00 kr'
        '999.9'       | '999,90 kr'
        '1000'        | '1 000,00 kr'
        '-1309.52'    | '-1 309,52 kr'
        '1234567.89'  | '1 234 567,89 kr'
        '-0.01'       | '-0,01 kr'
    }

    def "SwedishFormat: one decimal, percent, dates and names"() {
        expect:
        SwedishFormat.decimal1(40G) == '40,0'
        SwedishFormat.decimal1(210.25G) == '210,3'
        SwedishFormat.decimal1(1210.5G) == '1\u00A0210,5'
        SwedishFormat.decimal(10.000G) == '10'
        SwedishFormat.percent(12.5G) == '12,5\u00A0%'
        SwedishFormat.period(new se.familycentre.allocation.Period(LocalDate.parse('2025-01-01'), LocalDate.parse('2025-03-31'))) ==
                '2025-01-01 \u2013 2025-03-31'
        SwedishFormat.days(1) == '1 dag'
        SwedishFormat.days(45) == '45 dagar'
        SwedishFormat.serviceType('CHILD_HEALTH') == 'Barnhälsovård (BVC)'
        SwedishFormat.pool(Pool.PREMISES) == 'Gemensamma lokaler'
    }

    def "SwedishFormat never rounds an amount silently"() {
        when:
        SwedishFormat.amount(new BigDecimal('1.005'))

        then:
        thrown(ArithmeticException)
    }

    // ---- example A -------------------------------------------------------------

    def "example A: the region owes the municipality 111 592,85 kr, in Swedish format"() {
        when:
        def text = read(invoicePdf)

        then:
        Sek.plain(regionOwes.total()) == '111592.85'
        text.contains('111 592,85 kr')
        text.contains('Att betala')
        text.contains('Summa Samordnare')
        text.contains('Summa Gemensamma lokaler')
    }

    def "the #name prints every amount of the statement: each share, line total, pool sum and the total"() {
        when:
        def text = read(pdf)
        def missing = amounts(doc.statement()).findAll { !text.contains(searchable(it)) }

        then:
        amounts(doc.statement()).size() > 5
        missing.isEmpty()

        where:
        name      | pdf        | doc
        'draft'   | draftPdf   | draft
        'invoice' | invoicePdf | invoice
        'credit'  | creditPdf  | credit
    }

    def "the invoice: title, number, dates, terms, parties, references, services, pools and the basis"() {
        when:
        def text = read(invoicePdf)

        then:
        text.contains('Fakturaunderlag')
        text.contains('Nummer 2025-0001')
        text.contains('Datum 2025-04-02')
        text.contains('Förfallodag 2025-05-02')
        text.contains('Betalningsvillkor 30 dagar netto')
        !text.contains('UTKAST')
        text.contains('Familjecentral RULES §6 example A')
        text.contains('Period 2025-01-01 \u2013 2025-03-31 (2025-Q1)')
        text.contains('Fakturerande part')
        text.contains('Mottagare')
        text.contains('Org.nr 212000-1561')
        text.contains('Org.nr 232100-0131')
        text.contains('Västra Götalandsregionen')
        text.contains('Kommunhuset (exempel)')
        text.contains('Er referens:')
        text.contains('BMM: KST 4711 mödrahälsovård')
        text.contains('BVC: KST 4712 barnhälsovård')
        text.contains('Avser verksamheter')
        text.contains('BMM – Barnmorskemottagning')
        text.contains('BVC – Barnhälsovård (BVC)')
        text.contains('Kostnaderna har betalats av ÖF – Öppen förskola')
        text.contains('Samordnare')
        text.contains('Gemensamma lokaler')
        text.contains('Samordnarens lön')
        text.contains('Personalomkostnader (PO-pålägg)')
        text.contains('Kompetensutveckling')
        text.contains('IT-utrustning')
        text.contains('Shared rent')
        text.contains('BMM: Lika delning mellan 4 basverksamheter')
        text.contains('BMM: Yta 40,0 av 210,0 m²')
        text.contains('BVC: Yta 60,0 av 210,0 m²')
        text.contains('Fördelning enligt Samverkansavtal familjecentraler Västra Götaland §14.1. Belopp i svenska kronor.')
        text.contains('Sida 1 av 2')
    }

    def "the region's coordinator shares: 31 500,00 kr for each of BMM and BVC of a 126 000,00 kr salary line"() {
        when:
        def text = read(invoicePdf)

        then:
        text.contains('126 000,00 kr')
        text.contains('31 500,00 kr')
        text.contains('Summa Samordnare 90 450,00 kr')
    }

    def "the draft is marked UTKAST and has no number, date of issue or due date"() {
        when:
        def text = read(draftPdf)

        then:
        text.contains('Fakturaunderlag')
        text.contains('UTKAST')
        !text.contains('Nummer')
        !text.contains('2025-0001')
        !text.contains('Förfallodag')
        text.contains('Org.nr 212000-1561')
        text.contains('Org.nr 232100-0131')
    }

    def "the credit negates the amounts, searchable as '-' (the page shows a real minus sign), and cites the statement it credits"() {
        when:
        def text = read(creditPdf)

        then:
        text.contains('Kreditfaktura – fakturaunderlag')
        text.contains('Krediterar fakturaunderlag 2025-0001 av 2025-04-02')
        text.contains('Nummer 2025-0002')
        text.contains('Att kreditera')
        text.contains('-111 592,85 kr')
        text.contains('-31 500,00 kr')
        !text.contains('\u2212')
        !text.contains('UTKAST')
        !text.contains('Förfallodag')
    }

    def "an issued invoice says how to pay it: giro, due date, a payment reference naming the creditor, VAT and references"() {
        when:
        def text = read(invoicePdf)

        then: "payment details and a reference that is unique across creditors"
        text.contains('Betalning')
        text.contains('Bankgiro 5050-1055')
        text.contains('Förfallodag 2025-05-02')
        text.contains('Ange vid betalning 2120001561202500017')
        text.contains('Ange betalningsreferensen 2120001561202500017 vid betalning')

        and: "VAT per RULES §5: outside scope prints 0 % with the reason and no VAT numbers"
        text.contains('Summa exkl. moms 111 592,85 kr')
        text.contains('Moms 0 % 0,00 kr')
        text.contains('Ingen moms: Kostnadsförd')
        text.contains('Att betala 111 592,85 kr')
        !text.contains('Momsreg.nr')

        and: "Vår referens with the creditor's contact, Er referens and the debtor's cost centre"
        text.contains('Vår referens: Lena Berg, ekonomiavdelningen')
        text.contains('Tfn 0123-45 67 89 · ekonomi@example.se')
        text.contains('Er referens: Anna Ek')
        text.contains('Kostnadsställe: 4711')

        and: "the monthly accrual, exact, so a reader can redo each line's total"
        text.contains('42 000,00 kr/mån × 3 mån = 126 000,00 kr')
        text.contains('12 000,00 kr/år = 1 000,00 kr/mån × 3 mån = 3 000,00 kr')
        text.contains('exakt och oavrundat')

        and: "a footnote that is true on the page: it shows only the debtor's shares"
        flat(text).contains('Underlaget visar bara mottagarens andelar')
        !text.contains('andelarna summerar till radens total')
    }

    def "a credit negates the shares and sums only, keeps each line's total as its basis, and prints its reason"() {
        given:
        def doc = new StatementDocument(StatementDocument.Kind.CREDIT, '2025-0002', LocalDate.parse('2025-04-20'),
                StatementBuilder.negated(regionOwes), '2025-0001', LocalDate.parse('2025-04-02'), [],
                StatementDocument.AGREEMENT, a.services, 'Fel yta för BVC i lokalförteckningen')

        when:
        def text = read(save('a-credit-reason', doc))

        then:
        text.contains('Orsak: Fel yta för BVC i lokalförteckningen')
        text.contains('126 000,00 kr')
        !text.contains('-126 000,00 kr')
        text.contains('-31 500,00 kr')
        text.contains('Att kreditera -111 592,85 kr')
        text.contains('Referens 2120001561202500025')
        !text.contains('Bankgiro')
    }

    def "a STANDARD VAT creditor: 25 % on the net sum, rounded once, both VAT numbers; the credit negates the VAT too"() {
        given:
        def taxed = new EntityInvoicing('5050-1055', null, null, null, 'SE212000156101',
                EntityInvoicing.VatTreatment.STANDARD, null, 'Lena Berg', null, null, null, null, null)
        def creditor = PARTIES[MUNICIPALITY]
        def debtor = PARTIES[REGION]
        def withVat = new Party(creditor.organisationNumber(), creditor.name(), creditor.invoiceAddress(),
                creditor.reference(), 30, null, taxed)
        def debtorVat = new Party(debtor.organisationNumber(), debtor.name(), debtor.invoiceAddress(),
                debtor.reference(), 30, debtor.costCentre(), new EntityInvoicing(null, null, null, null,
                'SE232100013101', null, null, null, null, null, null, null, null))
        def s = new Statement(regionOwes.centre(), regionOwes.period(), withVat, debtorVat, regionOwes.debtorServices(),
                regionOwes.creditorServices(), regionOwes.lines(), regionOwes.sumsByPool(), regionOwes.total())
        def invoiceText = read(save('a-invoice-vat', new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0001',
                LocalDate.parse('2025-04-02'), s, null, null, [], StatementDocument.AGREEMENT, a.services)))
        def creditText = read(save('a-credit-vat', new StatementDocument(StatementDocument.Kind.CREDIT, '2025-0002',
                LocalDate.parse('2025-04-20'), StatementBuilder.negated(s), '2025-0001', LocalDate.parse('2025-04-02'),
                [], StatementDocument.AGREEMENT, a.services, 'Momsen')))

        expect: "111 592,85 × 25 % = 27 898,2125, rounded once to 27 898,21"
        invoiceText.contains('Summa exkl. moms 111 592,85 kr')
        invoiceText.contains('Moms 25 % 27 898,21 kr')
        invoiceText.contains('Att betala 139 491,06 kr')
        invoiceText.contains('Momsreg.nr SE212000156101')
        invoiceText.contains('Momsreg.nr SE232100013101')
        !invoiceText.contains('Ingen moms')
        creditText.contains('Moms 25 % -27 898,21 kr')
        creditText.contains('Att kreditera -139 491,06 kr')
    }

    def "the rent of dedicated rooms (annex 2) prints its area at the rate per m² and year, and cites annex 2"() {
        given: "Solrosen: ÖF holds the lease at 2 150 kr/m² a year; BMM has 34,5 m² of its own"
        def request = CentreReader.readRequest(new File('fixtures/solrosen-goteborg.json').getText('UTF-8'))
        def allocation = (new Allocator().allocate(request.centre(), request.period()) as AllocationOutcome.Allocated).allocation()
        def parties = request.centre().entities().collectEntries {
            [(it.organisationNumber()): new Party(it.organisationNumber(), it.name(), null, null, 30)]
        }
        def statements = StatementBuilder.build(allocation, request.centre(), parties, [:])
        def s = statements.find { !it.internal() && it.lines().any { l -> l.lineId() == 'dedicated-rent/bmm' } }
        def text = read(save('solrosen-rent', new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0003',
                LocalDate.parse('2025-04-02'), s, null, null, [], StatementDocument.AGREEMENT, [])))

        expect: "34,5 m² × 2 150 = 74 175,00 kr a year, 6 181,25 kr a month, 18 543,75 kr for the quarter"
        flat(text).contains('34,5 m² à 2 150,00 kr/m² och år = 74 175,00 kr/år = 6 181,25 kr/mån × 3 mån = 18 543,75 kr')
        flat(text).contains('46,0 m² à 2 150,00 kr/m² och år = 98 900,00 kr/år = 8 241,6666… kr/mån × 3 mån = 24 725,00 kr')
        text.contains('bilaga 2 till samverkansavtalet')
        flat(text).contains('à 2 150,00 kr/m² och år.')
    }

    def "the municipality's statement to the region: the alarm, 1 309,52 kr"() {
        given:
        def s = statement(a, REGION, MUNICIPALITY)
        def doc = new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0001', LocalDate.parse('2025-04-02'), s,
                null, null, [], StatementDocument.AGREEMENT, a.services)

        when:
        def text = read(save('a-region-invoice', doc))

        then:
        text.contains('Att betala 1 309,52 kr')
        text.contains('Burglar alarm')
        text.contains('Kostnaderna har betalats av BVC – Barnhälsovård (BVC)')
        text.contains('Er referens: Per Holm, förskoleförvaltningen')
        amounts(s).every { text.contains(it) }
    }

    def "a basis names base services from the centre's services in the document; without them, from the statement's own"() {
        given: "a joint cost paid by BVC: the region's statement names BVC (its payer), ÖF and SOC, but not BMM"
        def json = new JsonSlurper().parseText(text('example-a')) as Map
        json.centre.costLines << [id: 'leaflets', name: 'Foldrar', pool: 'JOINT', payer: 'BVC',
                                  periodicity: 'QUARTER', amount: '2000']
        def set = statements(JsonOutput.toJson(json))
        def s = statement(set, REGION, MUNICIPALITY)
        def withServices = new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0007',
                LocalDate.parse('2025-04-02'), s, null, null, [], StatementDocument.AGREEMENT, set.services)
        def without = new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0007',
                LocalDate.parse('2025-04-02'), s, null, null, [], StatementDocument.AGREEMENT, [])

        expect:
        !s.creditorServices().any { it.id() == 'BMM' } && !s.debtorServices().any { it.id() == 'BMM' }
        read(render(withServices)).contains('ÖF: Lika delning mellan 4 basverksamheter')
        without.centreServices() == []
        read(render(without)).contains('ÖF: Lika delning mellan 4 verksamheter')
    }

    def "an internal statement is an omföringsunderlag, never invoiced"() {
        given:
        def s = statement(a, MUNICIPALITY, MUNICIPALITY)
        def doc = new StatementDocument(StatementDocument.Kind.DRAFT, null, null, s, null, null, [],
                'Lokal överenskommelse familjecentralen Exempel 2025-01-15 §3', a.services)

        when:
        def text = read(save('a-internal', doc))

        then:
        s.internal()
        text.contains('Omföringsunderlag')
        text.contains('Intern omföring inom samma juridiska person.')
        text.contains('Underlaget faktureras inte.')
        text.contains('Summa omföring 51 567,86 kr')
        !text.contains('Att betala')
        text.contains('Fördelning enligt Lokal överenskommelse familjecentralen Exempel 2025-01-15 §3.')
        amounts(s).every { text.contains(it) }
    }

    def "each PDF of a four-service centre stays well under 100 kB and embeds DejaVu subsets"() {
        expect:
        pdf.length < 100_000
        Loader.loadPDF(pdf).withCloseable { PDDocument d ->
            def fonts = d.getPage(0).resources.fontNames.collect { d.getPage(0).resources.getFont(it) }
            fonts.size() == 2 && fonts.every { it instanceof PDType0Font && it.isEmbedded() && it.name ==~ /[A-Z]{6}\+DejaVuSans(-Bold)?/ }
        }

        where:
        pdf << [draftPdf, invoicePdf, creditPdf]
    }

    def "a statement in the common characters embeds the ready-made fonts; a name beyond them, subsets of the wide cut, laid out the same"() {
        given: "the region renamed with letters outside Latin-1 (Polish, Czech, Sami): ł, ř, ŋ"
        def wide = new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0001', LocalDate.parse('2025-04-02'),
                beyondLatin1(regionOwes), null, null, [], StatementDocument.AGREEMENT, a.services)

        when:
        def widePdf = save('a-invoice-wide-names', wide)

        then: "the common embedding: one font program per face, named as a subset, the same in every statement"
        fontNames(invoicePdf) == ['FCCOMN+DejaVuSans', 'FCCOMN+DejaVuSans-Bold'] as Set
        fontNames(creditPdf) == fontNames(invoicePdf)

        and: "the wide cut, subset for this statement by PDFBox: the letters print and read back"
        fontNames(widePdf).every { it ==~ /[A-Z]{6}\+DejaVuSans(-Bold)?/ && !it.startsWith('FCCOMN+') }
        read(widePdf).contains('Łódź-kontoret, Dvořák & Áŋŋá')

        and: "the same statement through either embedding reads the same, line by line and word by word"
        def viaSubsets = StatementPdf.write(new StatementWording(invoice), invoice.statement(), CREATED, null, true)
        fontNames(viaSubsets).every { !it.startsWith('FCCOMN+') }
        positions(invoicePdf).size() > 1000
        positions(viaSubsets) == positions(invoicePdf)
        read(viaSubsets) == read(invoicePdf)
    }

    /** Each glyph's text and where it is drawn, to the hundredth of a point. */
    static List<String> positions(byte[] pdf) {
        List<String> glyphs = []
        def stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition p) {
                glyphs << String.format(Locale.ROOT, '%s@%.2f,%.2f,%.2f', p.unicode, p.x, p.y, p.width)
            }
        }
        Loader.loadPDF(pdf).withCloseable { stripper.getText(it) }
        glyphs
    }

    /** The statement with its debtor renamed in letters beyond Latin-1: Polish ł, Czech ř, Sami ŋ. */
    static Statement beyondLatin1(Statement s) {
        def d = s.debtor()
        def renamed = new Party(d.organisationNumber(), 'Västra Götalandsregionen – Łódź-kontoret, Dvořák & Áŋŋá',
                d.invoiceAddress(), d.reference(), d.paymentTermsDays(), d.costCentre(), d.invoicing())
        new Statement(s.centre(), s.period(), s.creditor(), renamed, s.debtorServices(), s.creditorServices(),
                s.lines(), s.sumsByPool(), s.total(), s.rentPerSquareMetreYear())
    }

    static Set<String> fontNames(byte[] pdf) {
        Loader.loadPDF(pdf).withCloseable { PDDocument d ->
            d.pages.collectMany { page -> page.resources.fontNames.collect { page.resources.getFont(it).name } } as Set
        }
    }

    def "the document information: title, author, creation date, language"() {
        when:
        def info = Loader.loadPDF(invoicePdf).withCloseable { d ->
            [title   : d.documentInformation.title, author: d.documentInformation.author,
             created : d.documentInformation.creationDate.toInstant(), lang: d.documentCatalog.language,
             pages   : d.numberOfPages, box: d.getPage(0).mediaBox]
        }

        then:
        info.title == 'Fakturaunderlag 2025-0001 – RULES §6 example A – 2025-Q1'
        info.author == 'Familjecentralens kostnadsfördelning'
        info.created == CREATED.toInstant()
        info.lang == 'sv-SE'
        info.pages == 2 // the accrual under each line, the VAT and the payment block take a second page
        Math.round(info.box.width) == 595 && Math.round(info.box.height) == 842
    }

    def "an issued statement renders to the same bytes every time, dated by its issue, with an id of its own"() {
        given:
        def doc = invoice
        def issuedAt = java.time.Instant.parse('2025-04-02T08:15:30Z')
        def renderer = new PdfStatementRenderer(Clock.fixed(java.time.Instant.parse('2025-04-02T09:00:00Z'), ZoneId.of('UTC')))
        def dayLater = new PdfStatementRenderer(Clock.fixed(java.time.Instant.parse('2025-04-03T17:42:11Z'), ZoneId.of('UTC')))

        when: 'rendered by renderers whose clocks say different times'
        byte[] first = renderer.renderIssued(doc, issuedAt)
        byte[] second = dayLater.renderIssued(doc, issuedAt)
        byte[] other = renderer.renderIssued(new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0002',
                doc.issuedOn(), doc.statement(), null, null, [], null, doc.centreServices()), issuedAt)

        then: 'byte for byte: the clock plays no part, the issue time does'
        first == second
        Loader.loadPDF(first).withCloseable { it.documentInformation.creationDate.toInstant() } == issuedAt

        and: 'another number is another file id'
        Loader.loadPDF(first).withCloseable { it.document.documentID } != Loader.loadPDF(other).withCloseable { it.document.documentID }
    }

    def "the draft refuses a number, an invoice needs one"() {
        when:
        render(new StatementDocument(kind, number, issued, regionOwes, null, null, [], null, a.services))

        then:
        thrown(IllegalArgumentException)

        where:
        kind                             | number      | issued
        StatementDocument.Kind.DRAFT     | '2025-0001' | null
        StatementDocument.Kind.INVOICE   | null        | LocalDate.parse('2025-04-02')
        StatementDocument.Kind.INVOICE   | '2025-0001' | null
        StatementDocument.Kind.CREDIT    | '2025-0002' | LocalDate.parse('2025-04-02')
    }

    def "a statement whose printed sums do not add up is refused"() {
        given:
        def broken = new Statement(regionOwes.centre(), regionOwes.period(), regionOwes.creditor(), regionOwes.debtor(),
                regionOwes.debtorServices(), regionOwes.creditorServices(), regionOwes.lines(), regionOwes.sumsByPool(),
                Sek.sek('1.00'))

        when:
        render(new StatementDocument(StatementDocument.Kind.DRAFT, null, null, broken, null, null, [], null, a.services))

        then:
        thrown(IllegalStateException)
    }

    // ---- dates, late joiners and other actors ------------------------------------

    def "example B: dated segments, a salary revision and a late joiner"() {
        given:
        def b = statements(text('example-b'))
        def region = statement(b, MUNICIPALITY, REGION)
        def internal = statement(b, MUNICIPALITY, MUNICIPALITY)

        when:
        def regionText = read(save('b-invoice', new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0003',
                LocalDate.parse('2025-04-02'), region, null, null, [], StatementDocument.AGREEMENT, b.services)))
        def internalText = read(save('b-internal', new StatementDocument(StatementDocument.Kind.DRAFT, null, null,
                internal, null, null, [], StatementDocument.AGREEMENT, b.services)))

        then: 'the salary line 90 900,00 kr with BMM and BVC 26 475,00 kr each, explained in three dated stretches'
        regionText.contains('90 900,00 kr')
        regionText.contains('26 475,00 kr')
        regionText.contains('2025-01-01 – 2025-02-14 (45 dagar): Lika delning mellan 3 basverksamheter')
        regionText.contains('2025-02-15 – 2025-02-28 (14 dagar): Lika delning mellan 4 basverksamheter')
        regionText.contains('2025-03-01 – 2025-03-31 (31 dagar): Lika delning mellan 4 basverksamheter')
        amounts(region).every { regionText.contains(it) }

        and: 'SOC joined on 2025-02-15; the rent is its share of 45 days'
        internalText.contains('SOC (deltar från 2025-02-15):')
        internalText.contains('2025-01-01 – 2025-02-14 (45 dagar): deltar inte')
        internalText.contains('2025-02-15 – 2025-03-31 (45 dagar): Lika delning mellan 3 basverksamheter')
        internalText.contains('4 166,66 kr')
        amounts(internal).every { internalText.contains(it) }
    }

    def "example D: a percent rule renormalised while SOC is absent"() {
        given:
        def d = statements(text('example-d'))
        def region = statement(d, MUNICIPALITY, REGION)

        when:
        def text = read(save('d-invoice', new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0004',
                LocalDate.parse('2025-04-02'), region, null, null, [], StatementDocument.AGREEMENT, d.services)))

        then:
        text.contains('Gemensamma aktiviteter')
        text.contains('2025-01-01 – 2025-01-31 (31 dagar): Andel 10 % av 80 %')
        text.contains('2025-02-01 – 2025-03-31 (59 dagar): Andel 10 % av 100 %')
        text.contains('1 300,00 kr')
        text.contains('3 900,00 kr')
        text.contains('Att betala 5 200,00 kr')
        amounts(region).every { text.contains(it) }
    }

    def "an other actor among the members: 'verksamheter', not 'basverksamheter'"() {
        given:
        def json = new JsonSlurper().parseText(text('example-a')) as Map
        json.centre.services << [id: 'BIB', type: 'OTHER', entity: MUNICIPALITY, name: 'Biblioteket', pools: ['JOINT']]
        json.centre.costLines << [id: 'reading', name: 'Sagostund med biblioteket', pool: 'JOINT', payer: 'ÖF',
                                  periodicity: 'QUARTER', amount: '5000']
        def set = statements(JsonOutput.toJson(json))
        def region = statement(set, MUNICIPALITY, REGION)

        when:
        def text = read(save('a-other-actor', new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0005',
                LocalDate.parse('2025-04-02'), region, null, null, [], StatementDocument.AGREEMENT, set.services)))

        then:
        text.contains('Sagostund med biblioteket')
        text.contains('BMM: Lika delning mellan 5 verksamheter')
        text.contains('BMM: Lika delning mellan 4 basverksamheter')
        amounts(region).every { text.contains(it) }
    }

    def "a long statement breaks over pages, repeats a small header and numbers the pages"() {
        given: 'example A with forty more joint activities, some with long names'
        def json = new JsonSlurper().parseText(text('example-a')) as Map
        (1..40).each { i ->
            json.centre.costLines << [id: "activity-$i", name: "Föräldragrupp nr $i " + (i % 5 == 0
                    ? 'med extra lång beskrivning som måste brytas på flera rader i kolumnen för kostnadsposter' : ''),
                                      pool: 'JOINT', payer: i % 3 == 0 ? 'SOC' : 'ÖF', periodicity: 'ONCE',
                                      date: "2025-0${1 + i % 3}-1${i % 9}", amount: "${1000 + i * 37}.${10 + i}"]
        }
        def set = statements(JsonOutput.toJson(json))
        def region = statement(set, MUNICIPALITY, REGION)
        def pdf = save('a-long', new StatementDocument(StatementDocument.Kind.INVOICE, '2025-0006',
                LocalDate.parse('2025-04-02'), region, null, null, [], StatementDocument.AGREEMENT, set.services))

        when:
        def text = read(pdf)
        def pages = Loader.loadPDF(pdf).withCloseable { it.numberOfPages }

        then:
        pages >= 3
        (1..pages).every { text.contains("Sida $it av $pages") }
        text.count('Fakturaunderlag 2025-0006') >= pages
        text.count('Radens total Andel') == pages
        text.contains('Gemensamma aktiviteter (forts.)')
        text.contains('Betald av SOC')
        amounts(region).every { text.contains(it) }
        pdf.length < 100_000
    }
}
