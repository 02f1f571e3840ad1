package se.familycentre.invoicing

import groovy.json.JsonOutput
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import javax.xml.xpath.XPathConstants
import javax.xml.xpath.XPathFactory
import se.familycentre.einvoice.BisRules
import se.familycentre.einvoice.UblSchemas
import se.familycentre.statement.SwedishFormat
import se.familycentre.sie.SieReader
import se.familycentre.statement.StatementCsvSpec
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.exampleA
import static se.familycentre.invoicing.StatementApi.orgNo

/**
 * RULES §6 example A's statements through every output a finance office takes (issue 10): the
 * PDF's text, the CSV, the SIE 4I file of each party and the PEPPOL e-invoice give the same net
 * sum, VAT and sum to pay, for a creditor outside the scope of VAT and for one that charges 25 %;
 * and the same again for their credit statements. Each e-invoice downloaded from the service is
 * valid against the UBL 2.1 schema and passes every named BIS 3 rule.
 */
@MicronautTest(transactional = false)
class StatementOutputsSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** Example A with fresh entities; the municipality (ÖF's employer, the big creditor) registered with the invoicing data. */
    Map issueExampleA(Map municipalityInvoicing) {
        String region = orgNo()
        String municipality = orgNo()
        Map invoicing = municipalityInvoicing.vatTreatment == 'STANDARD'
                ? municipalityInvoicing + [vatNumber: 'SE' + municipality.replace('-', '') + '01'] : municipalityInvoicing
        assert api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: municipality, name: 'Kommunen',
                invoicing: invoicing])).status == 201
        assert api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: region,
                name: 'Västra Götalandsregionen', invoicing: [plusgiro: '4682316']])).status == 201
        long centre = api.importCentre(exampleA(region, municipality))
        List<Map> issued = api.issued(centre)
        [region: region, municipality: municipality, big: StatementApi.between(issued, municipality, region),
         small: StatementApi.between(issued, region, municipality)]
    }

    static String xpath(byte[] xml, String path) {
        def dom = BisRules.parse(xml)
        def xp = XPathFactory.newInstance().newXPath()
        xp.namespaceContext = new javax.xml.namespace.NamespaceContext() {
            String getNamespaceURI(String prefix) {
                prefix == 'cbc' ? 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
                        : 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2'
            }
            String getPrefix(String uri) { null }
            Iterator<String> getPrefixes(String uri) { null }
        }
        xp.evaluate(path, dom.documentElement, XPathConstants.STRING) as String
    }

    /** An amount as the PDF's text layer reads: Swedish format, the minus sign searchable as '-'. */
    static String printed(BigDecimal amount) {
        StatementApi.normalise(SwedishFormat.amount(amount)).replace('\u2212', '-')
    }

    SieReader.Parsed sie(String org) {
        def a = api.get("/api/v1/entities/$org/sie?period=2025-Q1")
        assert a.status == 200
        SieReader.read(a.bytes)
    }

    static BigDecimal sum(SieReader.Parsed file, String number, int account) {
        file.vouchers.findAll { it.text().contains(" $number ") }*.transactions.flatten()
                .findAll { it.account().number() == account }*.amount().sum() ?: 0
    }

    /** Every output of one issued statement, checked against the amounts the statement states. */
    void sameEverywhere(Map ids, Map statement, BigDecimal net, BigDecimal vat, String vatLine, boolean credit) {
        BigDecimal gross = net + vat
        BigDecimal sign = credit ? -1 : 1

        // the JSON the API answers
        assert StatementApi.sek(statement.content.total) == net
        assert StatementApi.sek(statement.content.vat.amount) == vat
        assert StatementApi.sek(statement.content.payable) == gross

        // the PDF's text: net, VAT and the sum to pay, in Swedish format
        String pdf = StatementApi.pdfText(api.get("/api/v1/statements/${statement.id}.pdf").bytes)
        assert pdf.contains('Summa exkl. moms ' + printed(net))
        assert pdf.contains(vatLine + ' ' + printed(vat))
        assert pdf.contains((credit ? 'Att kreditera ' : 'Att betala ') + printed(gross))
        assert pdf.contains(statement.paymentReference as String)

        // the CSV: the shares and the VAT add up to what is paid
        List<Map<String, String>> rows = StatementCsvSpec.rowsOf(api.get("/api/v1/statements/${statement.id}.csv"))
        assert rows.sum { StatementCsvSpec.decimal(it.Andel) } == gross

        // SIE 4I: the creditor's receivable and the debtor's payable are the sum to pay; revenue and cost the net
        String creditor = statement.content.creditor.organisationNumber
        String debtor = statement.content.debtor.organisationNumber
        def creditorSie = sie(creditor)
        def debtorSie = sie(debtor)
        assert sum(creditorSie, statement.number as String, 1510) == gross
        assert sum(creditorSie, statement.number as String, vat == 0 ? 1510 : 2611) == (vat == 0 ? gross : -vat)
        assert sum(debtorSie, statement.number as String, 2440) == -gross
        assert sum(debtorSie, statement.number as String, 6990) == net
        assert creditorSie.vouchers.every { it.transactions()*.amount().sum() == 0 }
        assert debtorSie.vouchers.every { it.transactions()*.amount().sum() == 0 }

        // the e-invoice: schema-valid, every named BIS 3 rule passes, the same sums (a credit note's positive)
        def answer = api.get("/api/v1/statements/${statement.id}.xml")
        assert answer.status == 200
        assert answer.header('Content-Type').startsWith('application/xml')
        assert answer.header('Content-Disposition').contains("${creditor}_${statement.number}_${credit ? 'kredit' : 'faktura'}.xml")
        byte[] xml = answer.bytes
        assert new String(xml, 'UTF-8').contains('<cbc:PaymentID>')
        assert UblSchemas.problems(xml) == []
        assert BisRules.check(xml).findAll { it.flag() == 'fatal' } == []
        assert new BigDecimal(xpath(xml, 'cac:LegalMonetaryTotal/cbc:LineExtensionAmount')) == sign * net
        assert new BigDecimal(xpath(xml, 'cac:TaxTotal/cbc:TaxAmount')) == sign * vat
        assert new BigDecimal(xpath(xml, 'cac:LegalMonetaryTotal/cbc:PayableAmount')) == sign * gross
        assert xpath(xml, 'cac:PaymentMeans/cbc:PaymentID') == statement.paymentReference
        assert xpath(xml, 'cac:AccountingSupplierParty/cac:Party/cbc:EndpointID') == creditor.replace('-', '')
        assert xpath(xml, 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID') == debtor.replace('-', '')
        if (credit) {
            assert xpath(xml, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID') == statement.credits
        }
    }

    def "outside the scope of VAT: 111 592,85 kr in the PDF, the CSV, both SIE files and the e-invoice, and its credit"() {
        given:
        Map ids = issueExampleA([bankgiro: '5050-1055'])

        expect:
        ids.big.content.vat.treatment == 'OUTSIDE_SCOPE'
        sameEverywhere(ids, ids.big, 111592.85G, 0G, 'Moms 0 %', false)
        sameEverywhere(ids, ids.small, 1309.52G, 0G, 'Moms 0 %', false)

        when:
        Map credit = api.statement(api.credit(ids.big.id as long, 'Fel period').json.id as long)

        then:
        sameEverywhere(ids, credit, -111592.85G, 0G, 'Moms 0 %', true)
        xpath(api.get("/api/v1/statements/${ids.big.id}.xml").bytes, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID') == 'O'
    }

    def "a creditor that charges 25 % VAT: 27 898,21 kr on 111 592,85 kr, the same in every output, and negated by its credit"() {
        given:
        Map ids = issueExampleA([bankgiro: '5050-1055', vatTreatment: 'STANDARD'])

        expect:
        ids.big.content.vat == [treatment: 'STANDARD', rate: '25', amount: [amount: '27898.21', currency: 'SEK']]
        sameEverywhere(ids, ids.big, 111592.85G, 27898.21G, 'Moms 25 %', false)

        when:
        Map credit = api.statement(api.credit(ids.big.id as long, 'Moms skulle inte tas ut').json.id as long)

        then:
        sameEverywhere(ids, credit, -111592.85G, -27898.21G, 'Moms 25 %', true)
        StatementApi.pdfText(api.get("/api/v1/statements/${credit.id}.pdf").bytes).contains('Orsak: Moms skulle inte tas ut')
    }

    def "a credit's reason is optional, at most 500 characters, and refused as a problem naming the field"() {
        given:
        Map ids = issueExampleA([bankgiro: '5050-1055'])

        when:
        def tooLong = api.credit(ids.big.id as long, 'x' * 501)
        def unknown = api.post("/api/v1/statements/${ids.big.id}/credit", '{"why": "x"}')

        then:
        tooLong.status == 422
        tooLong.json.errors*.field == ['reason']
        unknown.status == 400
        api.statement(ids.big.id as long).creditedBy == null
    }
}
