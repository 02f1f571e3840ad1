package se.familycentre.web.page

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.invoicing.StatementApi
import se.familycentre.web.AdminByDefault
import se.familycentre.web.api.SavedScenarioApiSpec
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * The web application's door (issue 12), over HTTP: a newcomer is sent to the sign-in form; a wrong
 * password is named next to its field and in a summary linking to it; signing in sets the session
 * cookie and the start page shows each role its own things only; signing out ends the session.
 * The pages, their stylesheet and htmx come from the service itself.
 */
@Stepwise
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = 'micronaut.http.client.follow-redirects', value = 'false')
class WebPagesSpec extends Specification {

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
    @Shared String centreName
    @Shared long mineId
    @Shared long theirsId
    @Shared String otherCentreName

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** A request as a browser sends it: no credentials but the session cookie, if any. */
    StatementApi.Answer browser(String method, String path, Map<String, String> form = null, String cookie = null) {
        api.exchange(PageRequest.of(method, path, form, cookie, server.port))
    }

    def "a finance officer and a steering group of the municipality; a centre of theirs and one of another municipality"() {
        when:
        Map theirs = new groovy.json.JsonSlurper().parseText(StatementApi.exampleA(StatementApi.orgNo(), other)) as Map
        theirs.centre.name = "Annan central $suffix".toString()
        long mine = api.importCentre(StatementApi.exampleA(region, municipality))
        mineId = mine
        theirsId = api.importCentre(JsonOutput.toJson(theirs))
        centreName = api.get("/api/v1/centres/$mine").json.name
        otherCentreName = "Annan central $suffix"
        user('ekonom', ['FINANCE'], [municipality])
        user('styrgrupp', ['STEERING'], [municipality])
        assert api.post('/api/v1/scenarios', JsonOutput.toJson(SavedScenarioApiSpec.planOf(region, municipality)
                + [name: "Plan $suffix"])).status == 201

        then:
        centreName
    }

    private void user(String name, List<String> roles, List<String> entities) {
        def a = api.post('/api/v1/users', JsonOutput.toJson([username: "$name-$suffix", displayName: name,
                password: "$name-$suffix-password", roles: roles, entities: entities, mustChangePassword: false]))
        assert a.status == 201: "$a"
    }

    def "a newcomer at / is sent to the sign-in form: Swedish, each field labelled, the stylesheet and htmx from the service"() {
        when:
        def start = browser('GET', '/')
        def form = browser('GET', '/logga-in')

        then:
        start.status == 303
        start.header('Location') == '/logga-in'
        form.status == 200
        form.header('Content-Type').startsWith('text/html')
        form.text.contains('<html lang="sv"')
        form.text.contains('<label for="username">Användarnamn</label>')
        form.text.contains('<label for="password">Lösenord</label>')
        form.text.contains('href="#innehall"')
        form.header('Content-Security-Policy').contains("default-src 'self'")
        browser('GET', '/assets/app.css').status == 200
        browser('GET', '/webjars/htmx.org/2.0.8/dist/htmx.min.js').status == 200
    }

    def "a wrong password is named next to the field and in a summary that links to it; nothing is signed in"() {
        when:
        def a = browser('POST', '/logga-in', [username: "ekonom-$suffix", password: 'fel'])

        then:
        a.status == 401
        a.header('Set-Cookie') == null
        a.text.contains('<a href="#password">Fel användarnamn eller lösenord.</a>')
        a.text.contains('id="password-fel"')
        a.text.contains('aria-invalid="true"')
        a.text.contains("value=\"ekonom-$suffix\"")
    }

    def "empty fields are named each"() {
        when:
        def a = browser('POST', '/logga-in', [username: '', password: ''])

        then:
        a.status == 422
        a.text.contains('<a href="#username">Fyll i ditt användarnamn.</a>')
        a.text.contains('<a href="#password">Fyll i ditt lösenord.</a>')
    }

    def "#who signs in and sees #shown on the start page, and not #hidden"() {
        when:
        def signIn = browser('POST', '/logga-in', [username: "$who-$suffix", password: "$who-$suffix-password"])
        String cookie = (signIn.response.headers.getAll('Set-Cookie').find { it.startsWith('FC_SESSION=') } =~ /FC_SESSION=([^;]+)/)[0][1]
        cookies[who] = cookie
        def start = browser('GET', '/', null, cookie)

        then:
        signIn.status == 303
        signIn.header('Location') == '/'
        start.status == 200
        start.text.contains(shown == 'centre' ? centreName : "Plan $suffix")
        !start.text.contains(otherCentreName)
        start.text.contains(heading)
        start.text.contains(role)

        where:
        who         | shown    | hidden          | heading                  | role
        'ekonom'    | 'centre' | 'other centres' | 'Dina familjecentraler'  | 'ekonom'
        'styrgrupp' | 'plan'   | 'other centres' | 'Budgetscenarier'        | 'styrgrupp'
    }

    def "the finance officer opens its centre's quarter: each service's share and each statement as the API computes them, in Swedish formats"() {
        when:
        def page = browser('GET', "/centraler/$mineId?kvartal=2025-Q1", null, cookies.ekonom)
        def allocation = api.get("/api/v1/centres/$mineId/allocation?period=2025-Q1").json
        def drafts = api.drafts(mineId, '2025-Q1')
        String text = page.text.replace('\u00a0', ' ')

        then:
        page.status == 200
        allocation.services.size() == 4
        drafts.statements.size() >= 1
        text.contains('Kvartal <span>2025-Q1</span>')
        allocation.services.every { s -> text.contains(swedish(s.total.amount as String) + ' kr') }
        drafts.statements.every { d -> text.contains(swedish(d.content.total.amount as String) + ' kr') }
        text.contains("/api/v1/centres/$mineId/statements/draft.pdf?period=2025-Q1&amp;creditor=")
        text.contains('familjecentral')

        and: 'the start page links to it; another municipality\'s centre is not there, as the API would say'
        browser('GET', '/', null, cookies.ekonom).text.contains("href=\"/centraler/$mineId\"")
        browser('GET', "/centraler/$theirsId?kvartal=2025-Q1", null, cookies.ekonom).status == 404
        browser('GET', "/centraler/$mineId?kvartal=2025-Q9", null, cookies.ekonom).status == 400
        browser('GET', "/centraler/$mineId").status == 303
    }

    /** 12345.6 as the pages print it: 12 345,60. */
    static String swedish(String plain) {
        def d = new BigDecimal(plain).setScale(2)
        String whole = String.format(Locale.ROOT, '%,d', d.abs().toBigInteger()).replace(',', ' ')
        (d.signum() < 0 ? '\u2212' : '') + whole + ',' + d.toPlainString().split('\\.')[1]
    }

    def "a new user who must change the password is sent to change it first; a mismatch is named at its field; then the start page opens"() {
        given:
        assert api.post('/api/v1/users', JsonOutput.toJson([username: "ny-$suffix", displayName: 'Ny', password: "ny-$suffix-password",
                roles: ['FINANCE'], entities: [municipality], mustChangePassword: true])).status == 201
        def signIn = browser('POST', '/logga-in', [username: "ny-$suffix", password: "ny-$suffix-password"])
        String cookie = (signIn.response.headers.getAll('Set-Cookie').find { it.startsWith('FC_SESSION=') } =~ /FC_SESSION=([^;]+)/)[0][1]

        when:
        def start = browser('GET', '/', null, cookie)
        def centre = browser('GET', "/centraler/$mineId", null, cookie)
        def form = browser('GET', '/byt-losenord', null, cookie)
        def mismatch = browser('POST', '/byt-losenord', [currentPassword: "ny-$suffix-password",
                newPassword: 'ett-nytt-långt-lösenord', repeatPassword: 'ett-annat'], cookie)
        def tooShort = browser('POST', '/byt-losenord', [currentPassword: "ny-$suffix-password",
                newPassword: 'kort', repeatPassword: 'kort'], cookie)
        def changed = browser('POST', '/byt-losenord', [currentPassword: "ny-$suffix-password",
                newPassword: 'ett-nytt-långt-lösenord', repeatPassword: 'ett-nytt-långt-lösenord'], cookie)
        String fresh = (changed.response.headers.getAll('Set-Cookie').find { it.startsWith('FC_SESSION=') } =~ /FC_SESSION=([^;]+)/)[0][1]

        then:
        signIn.status == 303
        start.status == 303
        start.header('Location') == '/byt-losenord'
        centre.header('Location') == '/byt-losenord'
        form.status == 200
        form.text.contains('<label for="newPassword">Nytt lösenord</label>')
        mismatch.status == 422
        mismatch.text.contains('<a href="#repeatPassword">Lösenorden är inte lika.</a>')
        tooShort.text.contains('<a href="#newPassword">Det nya lösenordet måste ha minst 12 tecken.</a>')
        changed.status == 303
        browser('GET', '/', null, fresh).status == 200
        browser('GET', '/', null, cookie).header('Location') == '/logga-in'
    }

    def "signing out ends the session: the cookie is cleared and the old one no longer opens the start page"() {
        when:
        def out = browser('POST', '/logga-ut', [:], cookies.ekonom)
        def after = browser('GET', '/', null, cookies.ekonom)

        then:
        out.status == 303
        out.header('Location') == '/logga-in'
        out.response.headers.getAll('Set-Cookie').any { it.startsWith('FC_SESSION=;') && it.contains('Max-Age=0') }
        after.status == 303
        after.header('Location') == '/logga-in'
        api.exchange(HttpRequest.GET('/api/v1/session').header('Cookie', "FC_SESSION=${cookies.ekonom}")).status == 401
    }
}
