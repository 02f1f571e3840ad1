package se.familycentre.invoicing

import groovy.json.JsonSlurper
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.LocalDate
import java.time.OffsetDateTime
import spock.lang.Shared
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.pdfText

/**
 * Issued statements stay readable for the seven years bookkeeping law asks,
 * whatever the API becomes. The sample under {@code archive/v0} was written by
 * the service before its archive had a format version (Solrosen 2025-Q1: two
 * invoices and a credit): stored as it was, it renders the same PDF text and
 * the same JSON today.
 */
@MicronautTest(transactional = false)
class ArchiveFormatSpec extends Specification {

    static final String SAMPLE = '/archive/v0/'
    /** The sample rows belong to no centre of this database, so they never stand in another feature's way. */
    static final long OTHER_CENTRE = 9_000_000L

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    StatementRepository statements

    @Inject
    StatementArchive archive

    @Shared
    Map<String, Long> ids = [:]

    static String sample(String file) {
        ArchiveFormatSpec.getResource(SAMPLE + file).getText('UTF-8')
    }

    /** Stores a sample row exactly as the earlier service wrote it; its credit refers to the stored original. */
    long store(String name) {
        if (ids[name]) {
            return ids[name]
        }
        Map row = new JsonSlurper().parseText(sample("${name}.row.json")) as Map
        Long credits = row.credits ? ids[ids.keySet().find { it.startsWith('statement-1') }] : null
        StatementRow saved = statements.save(new StatementRow(null, row.number as String,
                StatementKind.valueOf(row.kind as String), row.creditor as String, row.debtor as String,
                OTHER_CENTRE, row.centreName as String, LocalDate.parse(row.periodFrom as String),
                LocalDate.parse(row.periodTo as String), LocalDate.parse(row.issuedOn as String),
                OffsetDateTime.parse(row.issuedAt as String), new BigDecimal(row.total as String), credits,
                row.replaces as String, sample("${name}.content.json"), sample("${name}.inputs.json")))
        ids[name] = saved.id()
        saved.id()
    }

    def "the sample's content has no format version: it is version 0"() {
        expect:
        archive.readContent(sample("${name}.content.json")).version() == 0

        where:
        name << ['statement-1-invoice', 'statement-2-invoice', 'statement-3-credit']
    }

    def "#name, archived before the format had a version, prints the same PDF text"() {
        given:
        long id = store('statement-1-invoice')
        if (name != 'statement-1-invoice') {
            id = store(name)
        }

        when:
        def api = new StatementApi(http)
        def answer = api.get("/api/v1/statements/${id}.pdf")

        then:
        answer.status == 200
        if (System.getProperty('archive.rewrite') != null) {
            new File("src/test/resources/archive/v0/${name}.pdf.txt").setText(pdfText(answer.bytes), 'UTF-8')
        }
        pdfText(answer.bytes) == sample("${name}.pdf.txt")

        where:
        name << ['statement-1-invoice', 'statement-2-invoice', 'statement-3-credit']
    }

    def "#name, archived before the format had a version, reads back as the same JSON"() {
        given:
        store('statement-1-invoice')
        long id = store(name)

        when:
        Map view = new StatementApi(http).statement(id)
        Map expected = new JsonSlurper().parseText(sample("${name}.view.json")) as Map

        then: 'everything the statement says is as it was; only the database ids and the fresh PDF differ'
        view.content.findAll { k, v -> !(k in ADDED) } == expected.content
        view.subMap(SAME) == expected.subMap(SAME)

        and: 'what later formats added reads as it was then: no VAT (outside scope), the total to pay'
        view.content.vat.treatment == 'OUTSIDE_SCOPE' && view.content.vat.amount.amount == '0.00'
        view.content.payable == view.content.total

        where:
        name << ['statement-1-invoice', 'statement-2-invoice', 'statement-3-credit']
    }

    /** What the API's statement content gained after version 0 was written (issue 10). */
    static final List<String> ADDED = ['vat', 'payable']

    static final List<String> SAME = ['number', 'kind', 'status', 'issuedOn', 'dueOn', 'credits', 'creditsIssuedOn',
                                      'replaces']

    def "a statement issued now is archived in the current version, with the centre's services and the basis it cites"() {
        given:
        def api = new StatementApi(http)
        String fixture = new File('fixtures/solrosen-goteborg.json').getText('UTF-8')
                .replace('232100-0131', StatementApi.orgNo()).replace('212000-1355', StatementApi.orgNo())
        long centre = api.importCentre(fixture)
        List<Map> issued = api.issued(centre)

        when:
        ArchivedStatement content = archive.readContent(statements.findById(issued[0].id as long).get().content())

        then:
        content.version() == ArchivedStatement.CURRENT_VERSION
        content.centreServices()*.id() == ['bmm', 'bvc', 'of', 'soc']
        content.basis().startsWith('Lokalt samverkansavtal Familjecentralen Solrosen')
    }

    def "content written by a newer service than this one is refused rather than misread"() {
        when:
        archive.readContent(sample('statement-1-invoice.content.json').replaceFirst('\\{', '{"formatVersion": 99, '))

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('format version 99')
    }
}
