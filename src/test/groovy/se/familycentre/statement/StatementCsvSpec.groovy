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

    static final List<String> HEADER = ['Nummer', 'Datum', 'Period', 'Familjecentral', 'Säljare org.nr', 'Säljare',
                                        'Mottagare org.nr', 'Mottagare', 'Verksamhet', 'Pool', 'Kostnadspost',
                                        'Postens belopp', 'Fördelningsgrund', 'Vikt', 'Andel']
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
        def answer = api.get("/api/v1/statements/${id}.csv")
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
                assert row.Datum == s.issuedOn
                assert row.Period == '2025-Q1'
                assert row.Familjecentral == s.content.centre
                assert row['Säljare org.nr'] == s.content.creditor.organisationNumber
                assert row['Säljare'] == s.content.creditor.name
                assert row['Mottagare org.nr'] == s.content.debtor.organisationNumber
                assert row['Mottagare'] == s.content.debtor.name
                assert row.Pool == line.pool
                assert row.Kostnadspost == line.lineName
                assert row['Postens belopp'] == comma(line.lineTotal)
                assert row.Andel == comma(line.share)
                assert row.Andel ==~ AMOUNT && row['Postens belopp'] ==~ AMOUNT
                assert row['Fördelningsgrund'] in ['EQUAL', 'AREA', 'PERCENT'] || row['Fördelningsgrund'].contains('+')
                assert row.Vikt ==~ /[\d,]+ av [\d,]+.*/
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
        rows.count { it.Kostnadspost == big.content.lines.find { it.origin == 'COORDINATOR_SALARY' }.lineName } == 2
        rows.findAll { it.Pool == 'COORDINATOR' && it['Postens belopp'] == '126000,00' }*.Andel == ['31500,00', '31500,00']
        rows.findAll { it['Postens belopp'] == '32400,00' }*.Andel == ['6171,43', '9257,14']
        rows.findAll { it['Postens belopp'] == '32400,00' }*.Vikt == ['40 av 210', '60 av 210']
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
        rows*.'Postens belopp' == original.content.lines.collect { '-' + comma(it.lineTotal) }
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
}
