package se.familycentre.invoicing

import groovy.json.JsonOutput
import io.micronaut.data.connection.ConnectionOperations
import io.micronaut.data.jdbc.runtime.JdbcOperations
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.sql.Connection
import java.sql.SQLException
import se.familycentre.allocation.Period
import se.familycentre.statement.StatementRenderer
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.*

/**
 * Statements over HTTP (RULES §5): drafts of example A, issuing with numbers
 * per creditor and year, the PDFs, idempotent issuing, rows the database
 * refuses to change, crediting and issuing again, and the list's filters.
 *
 * All features share one in-memory database and the example's two entities,
 * so every feature imports its own centre and reads number series relative to
 * what was issued before it.
 */
@MicronautTest(transactional = false)
class InvoicingSpec extends Specification {

    @Inject
    @Client("/")
    HttpClient http

    @Inject
    JdbcOperations jdbc

    @Inject
    ConnectionOperations<Connection> connections

    @Inject
    StatementRepository statementRows

    @Inject
    StatementPdfRepository pdfRows

    @Inject
    Invoicing invoicing

    @Inject
    PdfArchive pdfArchive

    @Inject
    StatementRenderer renderer

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** The last sequence number of this year's series of each entity, 0 where none was taken. */
    Map<String, Integer> lastNumbers(List<String> entities) {
        entities.collectEntries { entity ->
            def numbers = api.list("entity=$entity").findAll {
                it.content.creditor.organisationNumber == entity && it.number.startsWith("${year()}-")
            }*.number
            [(entity): numbers.collect { sequence(it as String) }.max() ?: 0]
        }
    }

    /** Every pool sum and the total are the sums of the lines printed under them. */
    static boolean addsUp(Map content) {
        List<Map> lines = content.lines as List<Map>
        assert !lines.isEmpty()
        BigDecimal total = lines.sum { sek(it.share) } as BigDecimal
        assert sek(content.total) == total: "total ${content.total} is not the sum of its lines ($total)"
        (content.sums as Map).each { String pool, Map sum ->
            BigDecimal ofPool = (lines.findAll { it.pool == pool }.sum { sek(it.share) } ?: 0) as BigDecimal
            assert sek(sum) == ofPool: "the $pool sum $sum is not the sum of its lines ($ofPool)"
        }
        assert ((content.sums as Map).values().sum { sek(it) } as BigDecimal) == total
        true
    }

    // ---- 1. RULES §6 example A ---------------------------------------------------

    def "example A: the drafts give the statements and internal transfers of RULES §6, each adding up"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)

        when:
        Map drafts = api.drafts(centre)

        then:
        drafts.period == Q1
        drafts.statements.size() == 2
        sek(between(drafts.statements, MUNICIPALITY, REGION).content.total) == 111592.85
        sek(between(drafts.statements, REGION, MUNICIPALITY).content.total) == 1309.52
        drafts.statements.every { it.status == 'DRAFT' && it.number == null && it.links.pdf }

        and: 'the internal transfers are shown apart: SOC to ÖF, BMM to BVC'
        drafts.internalTransfers.size() == 2
        sek(between(drafts.internalTransfers, MUNICIPALITY, MUNICIPALITY).content.total) == 51567.86
        sek(between(drafts.internalTransfers, REGION, REGION).content.total) == 476.19
        drafts.internalTransfers.every { it.content.internal && it.kind == 'TRANSFER' }

        and:
        (drafts.statements + drafts.internalTransfers).every { addsUp(it.content as Map) }
    }

    def "example A: issuing numbers each creditor's statement from its series, and the PDF prints the amounts"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        Map drafts = api.drafts(centre)
        Map<String, Integer> before = lastNumbers([REGION, MUNICIPALITY])

        when:
        def answer = api.issue(centre)

        then:
        answer.status == 201
        List<Map> issued = answer.json.statements as List<Map>
        issued.size() == 2
        issued.every { it.number ==~ /${year()}-\d{4}/ && it.kind == 'INVOICE' && it.status == 'ISSUED' }
        issued.every { sequence(it.number as String) == before[it.content.creditor.organisationNumber] + 1 }
        issued.every { it.issuedOn && it.dueOn && it.centreId == centre }

        and: 'what is issued is what the draft showed'
        [[MUNICIPALITY, REGION], [REGION, MUNICIPALITY]].every { pair ->
            between(issued, pair[0], pair[1]).content == between(drafts.statements as List<Map>, pair[0], pair[1]).content
        }
        issued.every { addsUp(it.content as Map) }

        when: 'the issued PDF of what the region owes the municipality'
        Map big = between(issued, MUNICIPALITY, REGION)
        def pdf = api.get("/api/v1/statements/${big.id}.pdf")
        String text = pdfText(pdf.bytes)

        then:
        pdf.status == 200
        pdf.header('Content-Type').startsWith('application/pdf')
        text.contains('Fakturaunderlag')
        text.contains(big.number as String)
        text.contains('111 592,85')
        big.content.lines.every { text.contains(swedish(it.share.amount as String)) }
        !text.contains('UTKAST')

        and: 'the other PDF too'
        Map small = between(issued, REGION, MUNICIPALITY)
        String smallText = pdfText(api.get("/api/v1/statements/${small.id}.pdf").bytes)
        smallText.contains(small.number as String)
        smallText.contains('1 309,52')
        small.content.lines.every { smallText.contains(swedish(it.share.amount as String)) }

        when: 'the draft PDF'
        def draftPdf = api.get(between(drafts.statements as List<Map>, MUNICIPALITY, REGION).links.pdf as String)
        String draftText = pdfText(draftPdf.bytes)

        then:
        draftPdf.status == 200
        draftText.contains('UTKAST')
        draftText.contains('111 592,85')

        and: 'the JSON of one statement is the one issued'
        api.statement(big.id as long).number == big.number
        api.statement(big.id as long).content == big.content
    }

    def "issuing again while the statements stand is a 409 naming them"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        List<Map> issued = api.issued(centre)

        when:
        def again = api.issue(centre)

        then:
        again.status == 409
        issued.every { s -> again.text.contains(s.number as String) }
        api.list("centre=$centre").size() == 2
    }

    def "a period that overlaps one whose statements stand is refused (409 naming them), enforced by claimed days; crediting gives the days back"() {
        given: 'Q1 issued'
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        List<Map> q1 = api.issued(centre)

        when: 'the half year and February are issued'
        def half = api.post("/api/v1/centres/$centre/statements/issue?from=2025-01-01&to=2025-06-30")
        def february = api.post("/api/v1/centres/$centre/statements/issue?from=2025-02-01&to=2025-02-28")

        then: 'both are refused, naming the standing Q1 statements; nothing more is issued'
        [half, february].every { it.status == 409 && it.json.type == 'urn:problem:family-centre:already-issued' }
        [half, february].every { a -> q1.every { s -> a.text.contains(s.number as String) } }
        api.list("centre=$centre").size() == 2
        claimedDays(centre) == 90

        when: 'one of the two Q1 statements is credited'
        assert api.credit(q1[0].id as long).status == 201

        then: 'the other still stands, so the half year is still refused'
        api.post("/api/v1/centres/$centre/statements/issue?from=2025-01-01&to=2025-06-30").status == 409
        claimedDays(centre) == 90

        when: 'both are credited, the half year is issued'
        assert api.credit(q1[1].id as long).status == 201
        def issuedHalf = api.post("/api/v1/centres/$centre/statements/issue?from=2025-01-01&to=2025-06-30")

        then: 'it stands, replacing the credited Q1 statements, and claims its 181 days; Q1 is now refused'
        issuedHalf.status == 201
        claimedDays(centre) == 181
        (issuedHalf.json.statements as List<Map>).collectMany { it.replaces as List } as Set == q1*.number as Set
        with(api.issue(centre)) {
            status == 409
            (issuedHalf.json.statements as List<Map>).every { s -> text.contains(s.number as String) }
        }
    }

    def "the database refuses a second claim of a day, whatever the application does"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        api.issued(centre)

        when:
        connections.executeWrite { status ->
            jdbc.prepareStatement("INSERT INTO issued_day (centre_id, claimed_day) VALUES (?, DATE '2025-02-14')") {
                it.setLong(1, centre)
                it.executeUpdate()
            }
        }

        then:
        def e = thrown(Exception)
        e.message.toLowerCase().contains('primary key') || e.cause?.message?.toLowerCase()?.contains('primary key')
    }

    int claimedDays(long centre) {
        connections.executeRead { status ->
            jdbc.prepareStatement('SELECT COUNT(*) FROM issued_day WHERE centre_id = ?') {
                it.setLong(1, centre)
                def rs = it.executeQuery()
                rs.next()
                rs.getInt(1)
            }
        } as int
    }

    def "an issued statement renders to the same bytes every time: a PDF completed after a crash is the one served"() {
        given: 'statements issued without their PDFs, as a crash between issuing and storing leaves them'
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        List<StatementRow> rows = invoicing.issue(centre, Period.ofQuarter(Q1))

        expect: 'none has a PDF yet'
        rows.every { pdfRows.findById(it.id()).isEmpty() }

        when: 'the start-up pass stores the missing ones'
        int completed = pdfArchive.completeMissing()

        then:
        completed >= rows.size()
        rows.every { pdfRows.findById(it.id()).isPresent() }

        and: 'rendering again, later, gives the stored bytes; the API serves them with their hash'
        rows.every { row ->
            StatementRow stored = statementRows.findById(row.id()).orElseThrow()
            byte[] again = renderer.renderIssued(pdfArchive.document(stored), stored.issuedAt().toInstant())
            StatementPdfRow pdf = pdfRows.findById(row.id()).orElseThrow()
            assert again == pdf.pdf()
            def served = api.get("/api/v1/statements/${row.id()}.pdf")
            assert PdfArchive.sha256(served.bytes) == pdf.sha256()
            assert api.statement(row.id()).pdfSha256 == pdf.sha256()
            true
        }
    }

    // ---- 3. Idempotency ------------------------------------------------------------

    def "two requests racing with the same Idempotency-Key issue once and both get the stored answer"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        String key = UUID.randomUUID().toString()
        def pool = java.util.concurrent.Executors.newFixedThreadPool(2)
        def bothReady = new java.util.concurrent.CyclicBarrier(2)

        when: 'both requests wait at a barrier until the other is ready, so neither has a head start'
        def answers = pool.invokeAll((1..2).collect {
            { -> bothReady.await(120, java.util.concurrent.TimeUnit.SECONDS); api.issue(centre, Q1, key) } as java.util.concurrent.Callable
        })*.get()
        pool.shutdown()

        then:
        answers*.status == [201, 201]
        answers[0].text == answers[1].text
        api.list("centre=$centre").size() == 2
    }

    def "the same Idempotency-Key and request twice give the same answer and one set of statements"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        String key = UUID.randomUUID().toString()

        when:
        def first = api.issue(centre, Q1, key)
        def second = api.issue(centre, Q1, key)

        then:
        first.status == 201
        second.status == 201
        second.text == first.text
        (first.json.statements as List).size() == 2
        api.list("centre=$centre")*.id as Set == first.json.statements*.id as Set

        when: 'the same key with another period'
        def other = api.issue(centre, '2025-Q2', key)

        then:
        other.status == 422
        other.text.contains('Idempotency-Key')
        api.list("centre=$centre").size() == 2

        when: 'another key for the issued period'
        def fresh = api.issue(centre, Q1, UUID.randomUUID().toString())

        then:
        fresh.status == 409
        api.list("centre=$centre").size() == 2
    }

    // ---- 4. Immutability ----------------------------------------------------------

    /** Runs the statement with the id bound, through the application's JdbcOperations on a connection of its pool; what it threw, or null. */
    Throwable attempt(String sql, long id) {
        try {
            connections.executeWrite { status ->
                jdbc.prepareStatement(sql) { ps ->
                    ps.setLong(1, id)
                    ps.executeUpdate()
                }
            }
            null
        } catch (Throwable t) {
            t
        }
    }

    static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = []
        while (t != null && !chain.contains(t)) {
            chain << t
            t = t.cause
        }
        chain
    }

    def "the database refuses '#sql' on an issued statement, and the row stays as it was"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        long id = api.issued(centre).first().id as long
        StatementRow row = statementRows.findById(id).orElseThrow()
        StatementPdfRow pdf = pdfRows.findById(id).orElseThrow()

        when:
        Throwable thrown = attempt(sql, id)

        then:
        thrown != null
        causes(thrown).any { it instanceof SQLException || it instanceof io.micronaut.data.exceptions.DataAccessException }
        causes(thrown).any { it.message?.contains('never change') }

        and:
        statementRows.findById(id).orElseThrow() == row
        with(pdfRows.findById(id).orElseThrow()) {
            sha256 == pdf.sha256
            Arrays.equals(it.pdf, pdf.pdf)
        }
        api.statement(id).content.total == api.list("centre=$centre").find { it.id == id }.content.total

        where:
        sql << ['UPDATE statement SET total = 0 WHERE id = ?',
                'DELETE FROM statement WHERE id = ?',
                "UPDATE statement SET number = 'X' WHERE id = ?",
                "UPDATE statement_pdf SET sha256 = 'x' WHERE statement_id = ?",
                'DELETE FROM statement_pdf WHERE statement_id = ?']
    }

    // ---- 5. Credit and issue again ------------------------------------------------

    def "credit, change the data, issue again"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        List<Map> originals = api.issued(centre)
        String coordinator = "/api/v1/centres/$centre/coordinators/coordinator"
        def current = api.get(coordinator)
        assert current.status == 200
        Map part = current.json as Map

        when: 'a salary revision inside the issued period while its statements stand'
        Map inside = part + [salaryChanges: [[from: '2025-02-01', amount: '45000']]]
        def refused = api.put(coordinator, JsonOutput.toJson(inside), ['If-Match': current.header('ETag')])

        then:
        refused.status == 409
        originals.every { refused.text.contains(it.number as String) }
        refused.json.errors.any { it.field == 'period 2025-Q1' }

        when: 'a revision after the period'
        Map after = part + [salaryChanges: [[from: '2025-04-01', amount: '46000']]]
        def accepted = api.put(coordinator, JsonOutput.toJson(after), ['If-Match': current.header('ETag')])

        then:
        accepted.status == 200

        when: 'each statement is credited'
        List<Map> credits = originals.collect { original ->
            def c = api.credit(original.id as long)
            assert c.status == 201: "credit refused: $c"
            c.json as Map
        }

        then:
        [originals, credits].transpose().every { Map original, Map credit ->
            credit.kind == 'CREDIT' && credit.status == 'CREDIT' &&
                    sek(credit.content.total) == -sek(original.content.total) &&
                    sek(credit.content.total) < 0 &&
                    credit.credits == original.number && credit.creditsIssuedOn == original.issuedOn &&
                    credit.number ==~ /${year()}-\d{4}/ &&
                    credit.content.creditor == original.content.creditor && credit.content.debtor == original.content.debtor
        }
        credits.every { addsUp(it.content as Map) }

        and: 'a credit takes the next number of the same series'
        [originals, credits].transpose().every { Map original, Map credit ->
            credit.number.startsWith("${year()}-") && sequence(credit.number as String) > sequence(original.number as String)
        }

        and: 'the originals are CREDITED, by the credit statements'
        originals.every { api.statement(it.id as long).status == 'CREDITED' }
        [originals, credits].transpose().every { Map original, Map credit ->
            api.statement(original.id as long).creditedBy == credit.number
        }

        when: 'crediting again, and crediting a credit'
        def twice = api.credit(originals.first().id as long)
        def ofCredit = api.credit(credits.first().id as long)

        then:
        twice.status == 409
        twice.text.contains(credits.first().number as String)
        ofCredit.status == 422

        when: 'the credit PDF'
        Map bigCredit = between(credits, MUNICIPALITY, REGION)
        Map bigOriginal = between(originals, MUNICIPALITY, REGION)
        String text = pdfText(api.get("/api/v1/statements/${bigCredit.id}.pdf").bytes)

        then:
        text.contains('\u2212111 592,85') || text.contains('-111 592,85')
        text.contains(bigOriginal.number as String)
        text.contains(bigCredit.number as String)

        when: 'the revision inside the period, now that nothing stands'
        def etag = api.get(coordinator).header('ETag')
        Map both = part + [salaryChanges: [[from: '2025-02-01', amount: '45000'], [from: '2025-04-01', amount: '46000']]]
        def changed = api.put(coordinator, JsonOutput.toJson(both), ['If-Match': etag])

        then:
        changed.status == 200

        when: 'the period is issued again'
        def reissue = api.issue(centre)

        then:
        reissue.status == 201
        List<Map> replacements = reissue.json.statements as List<Map>
        replacements.size() == 2
        replacements.every { it.kind == 'INVOICE' && it.status == 'ISSUED' }
        [[MUNICIPALITY, REGION], [REGION, MUNICIPALITY]].every { pair ->
            between(replacements, pair[0], pair[1]).replaces == [between(originals, pair[0], pair[1]).number]
        }
        replacements.every { addsUp(it.content as Map) }

        and: 'the salary revision is ÖF\'s, so only what the region owes the municipality changes'
        sek(between(replacements, MUNICIPALITY, REGION).content.total) != sek(bigOriginal.content.total)
        sek(between(replacements, MUNICIPALITY, REGION).content.total) > 111592.85
        sek(between(replacements, REGION, MUNICIPALITY).content.total) == 1309.52
        replacements*.number.intersect(originals*.number + credits*.number).isEmpty()

        and: 'the replacement PDF names what it replaces'
        pdfText(api.get("/api/v1/statements/${between(replacements, MUNICIPALITY, REGION).id}.pdf").bytes)
                .contains(bigOriginal.number as String)
    }

    // ---- 8. The list and its filters ----------------------------------------------

    def "the list filters by entity, centre, period and status"() {
        given:
        long centre = api.importCentre(StatementApi.EXAMPLE_A)
        List<Map> issued = api.issued(centre)
        Map credited = between(issued, REGION, MUNICIPALITY)
        Map credit = api.credit(credited.id as long).json as Map

        expect: 'by entity, period and status'
        def standing = api.list("entity=$REGION&period=$Q1&status=ISSUED")
        standing.every {
            it.status == 'ISSUED' && it.content.period.label == Q1 &&
                    (it.content.creditor.organisationNumber == REGION || it.content.debtor.organisationNumber == REGION)
        }
        standing*.id.contains(between(issued, MUNICIPALITY, REGION).id)
        !standing*.id.contains(credited.id)

        and: 'by centre'
        api.list("centre=$centre")*.id as Set == (issued*.id + credit.id) as Set
        api.list("centre=$centre&status=CREDITED")*.id == [credited.id]
        api.list("centre=$centre&status=CREDIT")*.id == [credit.id]
        api.list("centre=$centre&status=ISSUED")*.id == [between(issued, MUNICIPALITY, REGION).id]

        and: 'an organisationsnummer without its hyphen'
        api.list("entity=${REGION.replace('-', '')}&centre=$centre")*.id as Set == (issued*.id + credit.id) as Set

        and: 'another period and another entity'
        api.list("centre=$centre&period=2025-Q2").isEmpty()
        api.list("centre=$centre&entity=${StatementApi.luhn('556699999')}").isEmpty()

        and: 'an unknown status is a 400'
        with(api.get("/api/v1/statements?status=PAID")) {
            status == 400
            text.contains('status')
        }
    }
}
