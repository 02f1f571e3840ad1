package se.familycentre.web.page

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.invoicing.StatementApi
import se.familycentre.web.AdminByDefault
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

/**
 * A finance officer's statements on the web (issue 12), over HTTP: the confirmation names the
 * numbers the quarter's statements will get, and issuing gives exactly those; the issued list
 * shows status and downloads that open with the session cookie; crediting needs a reason, which
 * is named at its field when missing; a second click on the same confirmation issues nothing
 * more; the quarterly run page follows a run to its end. Another municipality's officer and a
 * steering group see none of it.
 */
@Stepwise
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = 'micronaut.http.client.follow-redirects', value = 'false')
class StatementPagesSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server

    @Shared String region = StatementApi.orgNo()
    @Shared String municipality = StatementApi.orgNo()
    @Shared String other = StatementApi.orgNo()
    @Shared String suffix = UUID.randomUUID().toString().substring(0, 8)
    @Shared Map<String, String> cookies = [:]
    @Shared long centreId
    @Shared List<String> previewed
    @Shared String issueKey

    StatementApi getApi() {
        new StatementApi(http)
    }

    StatementApi.Answer browser(String method, String path, Map<String, String> form = null, String cookie = null) {
        api.exchange(PageRequest.of(method, path, form, cookie, server.port))
    }

    private String signedIn(String name, List<String> roles, List<String> entities) {
        def a = api.post('/api/v1/users', JsonOutput.toJson([username: "$name-$suffix", displayName: name,
                password: "$name-$suffix-password", roles: roles, entities: entities, mustChangePassword: false]))
        assert a.status == 201: "$a"
        def signIn = browser('POST', '/logga-in', [username: "$name-$suffix", password: "$name-$suffix-password"])
        assert signIn.status == 303
        (signIn.response.headers.getAll('Set-Cookie').find { it.startsWith('FC_SESSION=') } =~ /FC_SESSION=([^;]+)/)[0][1]
    }

    /** The text of the page, with its non-breaking spaces as spaces. */
    static String text(StatementApi.Answer a) {
        a.text.replace('\u00a0', ' ')
    }

    def "an officer of the municipality, one of another, and a steering group; a centre of the municipality"() {
        when:
        centreId = api.importCentre(StatementApi.exampleA(region, municipality))
        Map theirs = new groovy.json.JsonSlurper().parseText(StatementApi.exampleA(StatementApi.orgNo(), other)) as Map
        theirs.centre.name = "Annan central $suffix".toString()
        api.importCentre(JsonOutput.toJson(theirs))
        cookies.ekonom = signedIn('ekonom', ['FINANCE'], [municipality])
        cookies.annan = signedIn('annan', ['FINANCE'], [other])
        cookies.styrgrupp = signedIn('styrgrupp', ['STEERING'], [municipality])

        then:
        cookies.size() == 3
    }

    def "the confirmation shows each statement with the number it will get and its amount; nothing is issued by looking"() {
        when:
        def page = browser('GET', "/centraler/$centreId/utfarda?kvartal=2025-Q1", null, cookies.ekonom)
        def drafts = api.drafts(centreId, '2025-Q1')
        String t = text(page)
        previewed = (t =~ /<td[^>]*>(\d{4}-\d{4})<\/td>/).collect { it[1] }
        issueKey = (page.text =~ /name="nyckel" value="([^"]+)"/)[0][1]

        then:
        page.status == 200
        previewed.size() == drafts.statements.size()
        drafts.statements.every { d -> t.contains(WebPagesSpec.swedish(d.content.total.amount as String) + ' kr') }
        t.contains('Utfärda ' + drafts.statements.size() + ' underlag för 2025-Q1')
        api.get("/api/v1/statements?centre=$centreId").json.items.isEmpty()
    }

    def "issuing gives exactly the numbers the confirmation showed; a second click with the same form issues nothing more"() {
        when:
        def issued = browser('POST', "/centraler/$centreId/utfarda", [kvartal: '2025-Q1', nyckel: issueKey], cookies.ekonom)
        def again = browser('POST', "/centraler/$centreId/utfarda", [kvartal: '2025-Q1', nyckel: issueKey], cookies.ekonom)
        def listed = api.get("/api/v1/statements?centre=$centreId").json.items

        then:
        issued.status == 303
        issued.header('Location') == "/centraler/$centreId/underlag?kvartal=2025-Q1&utfardade=${previewed.size()}"
        again.status == 303
        again.header('Location') == issued.header('Location')
        listed*.number.sort() == previewed.sort()
    }

    def "the issued list shows each statement's status and amount, and its downloads open with the session cookie"() {
        when:
        def page = browser('GET', "/centraler/$centreId/underlag?kvartal=2025-Q1&utfardade=2", null, cookies.ekonom)
        String t = text(page)
        def listed = api.get("/api/v1/statements?centre=$centreId").json.items
        def pdfLink = (page.text =~ /href="(\/api\/v1\/statements\/\d+\.pdf)"/)[0][1]
        def sieLink = (page.text =~ /href="(\/api\/v1\/entities\/$municipality\/sie\?period=2025-Q1)"/)[0][1]
        def pdf = browser('GET', pdfLink, null, cookies.ekonom)
        def sie = browser('GET', sieLink, null, cookies.ekonom)

        then:
        page.status == 200
        listed.every { s -> t.contains(s.number) && t.contains(WebPagesSpec.swedish(s.content.total.amount as String) + ' kr') }
        t.contains('Utfärdat')
        t.contains('underlag utfärdades')
        pdf.status == 200
        pdf.response.contentType.get().toString().startsWith('application/pdf')
        sie.status == 200
        page.text.contains("/api/v1/entities/$municipality/statements.zip?period=2025-Q1")
    }

    def "crediting without a reason is refused at the reason's field; with one, the statement is credited and the list says so"() {
        given:
        def first = api.get("/api/v1/statements?centre=$centreId").json.items.find { it.kind == 'INVOICE' }

        when:
        def form = browser('GET', "/underlag/${first.id}/kreditera", null, cookies.ekonom)
        def empty = browser('POST', "/underlag/${first.id}/kreditera", [reason: '  '], cookies.ekonom)
        def credited = browser('POST', "/underlag/${first.id}/kreditera", [reason: 'Fel yta för BVC'], cookies.ekonom)
        def list = browser('GET', credited.header('Location') ?: '/', null, cookies.ekonom)
        def after = api.get("/api/v1/statements/${first.id}").json
        def twice = browser('POST', "/underlag/${first.id}/kreditera", [reason: 'igen'], cookies.ekonom)

        then:
        form.status == 200
        form.text.contains('<label for="reason">')
        empty.status == 422
        empty.text.contains('id="reason-fel"')
        empty.text.contains('aria-describedby="reason-fel"')
        empty.text.contains('href="#reason"')
        credited.status == 303
        after.status == 'CREDITED'
        text(list).contains("Underlag ${first.number} krediterades.")
        text(list).contains('Kreditnota')
        twice.status == 409
        twice.text.contains('redan krediterat')
    }

    def "another municipality's officer and the steering group see none of it"() {
        given:
        def first = api.get("/api/v1/statements?centre=$centreId").json.items[0]

        expect:
        browser('GET', "/centraler/$centreId/utfarda?kvartal=2025-Q2", null, cookies.annan).status == 404
        browser('GET', "/centraler/$centreId/underlag", null, cookies.annan).status == 404
        browser('GET', "/underlag/${first.id}/kreditera", null, cookies.annan).status == 404
        browser('POST', "/centraler/$centreId/utfarda", [kvartal: '2025-Q2'], cookies.annan).status == 404
        browser('GET', "/centraler/$centreId/underlag", null, cookies.styrgrupp).status == 404
        browser('POST', "/centraler/$centreId/utfarda", [kvartal: '2025-Q2'], cookies.styrgrupp).status == 404
        api.get("/api/v1/statements?centre=$centreId").json.items.every { it.content.period?.from != '2025-04-01' }
    }

    def "the quarterly run: a bad quarter is named at its field; a run is followed to its end and issues the officer's centre"() {
        when:
        def bad = browser('POST', '/korning', [kvartal: '2025-Q7'], cookies.ekonom)
        def started = browser('POST', '/korning', [kvartal: '2025-Q3'], cookies.ekonom)
        String location = started.header('Location')
        def page = browser('GET', location, null, cookies.ekonom)
        List<String> seen = []
        new PollingConditions(timeout: 60, delay: 0.2).eventually {
            def status = browser('GET', "$location/status", null, cookies.ekonom)
            assert status.status == 200
            assert status.text.contains('Klar:')
            seen << text(status)
        }
        String finished = seen.last()

        then:
        bad.status == 422
        bad.text.contains('id="kvartal-fel"')
        started.status == 303
        location ==~ /\/korning\/\d+/
        page.status == 200
        page.text.contains('<progress id="framsteg"')
        !finished.contains('hx-trigger')
        finished.contains('Utfärdade 1,')
        api.get("/api/v1/statements?centre=$centreId&period=2025-Q3").json.items.size() > 0
        browser('GET', location, null, cookies.annan).status == 404
        browser('GET', '/korning', null, cookies.styrgrupp).status == 404
    }

    def "the centre's page words the engine's warnings in Swedish"() {
        when: 'a quarter that starts before the agreement took effect (2024-03-01)'
        def page = browser('GET', "/centraler/$centreId?kvartal=2024-Q1", null, cookies.ekonom)
        def allocation = api.get("/api/v1/centres/$centreId/allocation?period=2024-Q1").json

        then:
        allocation.warnings*.code.contains('BEFORE_AGREEMENT')
        page.status == 200
        page.text.contains('Perioden börjar före 2024-03-01, då samverkansavtalet började gälla')
        !page.text.contains('The period starts')
    }
}
