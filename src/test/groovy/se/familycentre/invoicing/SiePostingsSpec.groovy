package se.familycentre.invoicing

import groovy.json.JsonOutput
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.sie.SieReader
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.exampleA
import static se.familycentre.invoicing.StatementApi.orgNo

/**
 * An entity's SIE 4I file (issue 10): RULES §6 example A issued, then read back from the file each
 * entity's ledger would import: every voucher balances, the amounts are the statements', a credit
 * reverses its original, and a STANDARD creditor's 25 % VAT is booked on both sides.
 */
@MicronautTest(transactional = false)
class SiePostingsSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    StatementApi getApi() {
        new StatementApi(http)
    }

    SieReader.Parsed sie(String org, String period = '2025-Q1') {
        def a = api.get("/api/v1/entities/$org/sie?period=$period")
        assert a.status == 200: "$a"
        assert a.header('Content-Type').startsWith('text/plain')
        assert a.header('Content-Disposition').contains("${org}_${period}.se")
        SieReader.read(a.bytes)
    }

    static BigDecimal sum(SieReader.Parsed file, int account, String voucherPrefix = '') {
        file.vouchers.findAll { it.text().startsWith(voucherPrefix) }*.transactions.flatten()
                .findAll { it.account().number() == account }*.amount().sum() ?: 0
    }

    def "example A: the municipality books 111 592.85 receivable against revenue, the region the cost against its payable"() {
        given:
        String region = orgNo()
        String municipality = orgNo()
        long centre = api.importCentre(exampleA(region, municipality))
        List<Map> issued = api.issued(centre)

        when:
        def creditor = sie(municipality)
        def debtor = sie(region)

        then: 'the region owes the municipality 111 592.85 and the municipality the region 1 309.52 (the alarm)'
        issued*.content*.total*.amount.collect { it as BigDecimal }.sort() == [1309.52, 111592.85]
        creditor.header.organisationNumber() == municipality
        creditor.vouchers.every { it.sum() == 0 }
        debtor.vouchers.every { it.sum() == 0 }
        sum(creditor, 1510) == 111592.85
        sum(creditor, 3990, 'Fakturaunderlag') == -111592.85
        sum(creditor, 3990, 'Omföring') + sum(creditor, 6990, 'Omföring') == 0
        sum(creditor, 2440) == -1309.52
        sum(debtor, 6990, 'Fakturaunderlag') == 111592.85
        sum(debtor, 2440) == -111592.85
        sum(debtor, 1510) == 1309.52
        creditor.vouchers.findAll { it.text().startsWith('Fakturaunderlag') }.size() == 2
        creditor.vouchers.find { it.text().startsWith('Omföring') }
        creditor.costCentres*.code() == [String.valueOf(centre)]
    }

    def "a credit statement reverses its original in both ledgers"() {
        given:
        String region = orgNo()
        String municipality = orgNo()
        long centre = api.importCentre(exampleA(region, municipality))
        Map original = api.issued(centre).find { it.content.creditor.organisationNumber == municipality }
        assert api.credit(original.id as long).status == 201

        when:
        def creditor = sie(municipality)
        // the municipality's own invoice: its receivable (numbers repeat across creditors)
        def invoice = creditor.vouchers.find {
            it.text().startsWith('Fakturaunderlag') && it.transactions().any { t -> t.account().number() == 1510 }
        }
        def credit = creditor.vouchers.find { it.text().startsWith('Kreditnota') }

        then:
        credit.transactions()*.amount() == invoice.transactions()*.amount()*.negate()
        credit.transactions()*.account() == invoice.transactions()*.account()
        sum(creditor, 1510) == 0
        creditor.vouchers.every { it.sum() == 0 }
    }

    def "a STANDARD creditor: 25 % VAT rounded once, output VAT for the creditor, input VAT for the debtor"() {
        given:
        String region = orgNo()
        String municipality = orgNo()
        long centre = api.importCentre(exampleA(region, municipality))
        String etag = api.get("/api/v1/entities/$municipality").header('ETag')
        assert api.put("/api/v1/entities/$municipality", JsonOutput.toJson([organisationNumber: municipality,
                name: 'Kommunen', invoicing: [vatTreatment: 'STANDARD', vatNumber: "SE${municipality.replace('-', '')}01"]]),
                ['If-Match': etag]).status == 200
        api.issued(centre)

        when:
        def creditor = sie(municipality)
        def debtor = sie(region)

        then: '111 592.85 × 25 % = 27 898.2125 → 27 898.21'
        sum(creditor, 2611) == -27898.21
        sum(creditor, 1510) == 139491.06
        sum(debtor, 2641) == 27898.21
        sum(debtor, 2440) == -139491.06
        (creditor.vouchers + debtor.vouchers).every { it.sum() == 0 }
    }

    def "an entity with nothing issued in the period gets a file without vouchers"() {
        expect:
        String region = orgNo()
        api.importCentre(exampleA(region, orgNo()))
        sie(region, '2024-Q1').vouchers.isEmpty()
    }

    def "an entity's quarter in one CSV and one ZIP of PDFs: every statement it is a party to, the PDFs as served"() {
        given:
        String region = orgNo()
        String municipality = orgNo()
        long centre = api.importCentre(exampleA(region, municipality))
        List<Map> issued = api.issued(centre)

        when:
        def csv = api.get("/api/v1/entities/$municipality/statements.csv?period=2025-Q1")
        def zip = api.get("/api/v1/entities/$municipality/statements.zip?period=2025-Q1")
        Map<String, byte[]> entries = [:]
        new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.bytes)).withCloseable { z ->
            for (def e = z.nextEntry; e != null; e = z.nextEntry) {
                entries[e.name] = z.readAllBytes()
            }
        }

        then: 'one header, then the rows of both statements'
        csv.status == 200
        csv.header('Content-Disposition').contains("${municipality}_2025-Q1.csv")
        List<String> lines = new String(csv.bytes, 'UTF-8').split('\r\n') as List
        lines[0].startsWith('\uFEFFNummer;')
        lines.count { it.startsWith('Nummer;') || it.startsWith('\uFEFFNummer;') } == 1
        lines.size() - 1 == issued.sum { (it.content.lines as List).size() }

        and: 'the PDFs by creditor, number and kind, byte for byte the stored ones'
        zip.status == 200
        entries.keySet() == issued.collect { "${it.content.creditor.organisationNumber}_${it.number}_faktura.pdf".toString() } as Set
        issued.every { entries["${it.content.creditor.organisationNumber}_${it.number}_faktura.pdf".toString()] == api.get("/api/v1/statements/${it.id}.pdf").bytes }
        api.get("/api/v1/entities/$municipality/statements.zip?period=2025-Q1").bytes == zip.bytes
    }
}
