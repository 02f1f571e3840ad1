package se.familycentre.browser

import groovy.json.JsonOutput
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.openqa.selenium.Keys
import org.openqa.selenium.WebElement
import se.familycentre.invoicing.StatementApi
import se.familycentre.web.page.WebPagesSpec
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * The web application in a real browser (issue 12): Debian's Chromium, headless, signs in as each
 * role by keyboard and does each role's tasks on the pages, as a person would; every page it meets
 * is checked with axe-core (no serious or critical WCAG 2.1 A/AA violation) and saved as a
 * screenshot under target/screenshots. It runs wherever Chromium is installed, and always on CI
 * ({@code .ci/run} installs it), where a missing browser fails rather than skips.
 */
@Stepwise
@MicronautTest(transactional = false)
@Requires({ Browser.available() || System.getenv('CI') })
class BrowserSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    EmbeddedServer server

    @Shared String region = StatementApi.orgNo()
    @Shared String municipality = StatementApi.orgNo()
    @Shared String other = StatementApi.orgNo()
    @Shared String suffix = UUID.randomUUID().toString().substring(0, 8)
    @Shared long centreId
    @Shared String centreName
    @Shared Map<String, Browser> browsers = [:]
    @Shared List<String> problems = []

    StatementApi getApi() {
        new StatementApi(http)
    }

    def cleanupSpec() {
        browsers.values().each { it.close() }
    }

    /** Checks the page with axe-core and saves a screenshot of it. */
    void look(Browser b, String what) {
        b.screenshot(what)
        problems.addAll(b.accessibilityProblems())
    }

    private void user(String name, List<String> roles, List<String> entities) {
        def a = api.post('/api/v1/users', JsonOutput.toJson([username: "$name-$suffix", displayName: name.capitalize(),
                password: "$name-$suffix-lösenord", roles: roles, entities: entities, mustChangePassword: false]))
        assert a.status == 201: "$a"
    }

    /** Moves the focus with Tab until it is on the element with the id; fails after 40 presses. */
    static WebElement tabTo(Browser b, String id) {
        for (int i = 0; i < 40; i++) {
            WebElement active = b.driver.switchTo().activeElement()
            if (active.getAttribute('id') == id) {
                return active
            }
            active.sendKeys(Keys.TAB)
        }
        throw new AssertionError("Tab never reached #$id on ${b.path()}")
    }

    /** Signs in with the keyboard only: Tab to each field, type, Enter. */
    void signIn(Browser b, String name, String password) {
        b.open('/')
        assert b.path() == '/logga-in'
        b.find('body').sendKeys(Keys.TAB)
        assert b.driver.switchTo().activeElement().text == 'Hoppa till innehållet'
        tabTo(b, 'username').sendKeys("$name-$suffix")
        tabTo(b, 'password').sendKeys(password, Keys.ENTER)
    }

    def "a finance officer, another municipality's officer, a steering group and an administrator; a centre of the municipality"() {
        when:
        centreId = api.importCentre(StatementApi.exampleA(region, municipality))
        centreName = api.get("/api/v1/centres/$centreId").json.name
        Map theirs = new groovy.json.JsonSlurper().parseText(StatementApi.exampleA(StatementApi.orgNo(), other)) as Map
        theirs.centre.name = "Annan central $suffix".toString()
        api.importCentre(JsonOutput.toJson(theirs))
        user('ekonom', ['FINANCE'], [municipality])
        user('annan', ['FINANCE'], [other])
        user('styrgrupp', ['STEERING'], [municipality])
        user('admin', ['ADMIN'], [])
        ['ekonom', 'annan', 'styrgrupp', 'admin'].each { browsers[it] = new Browser("http://localhost:${server.port}", it) }

        then:
        browsers.size() == 4
    }

    def "a wrong password is named next to its field and in the summary that links to it"() {
        given:
        Browser b = browsers.ekonom

        when:
        signIn(b, 'ekonom', 'fel-lösenord')

        then:
        b.path() == '/logga-in'
        b.find('#password').getAttribute('aria-invalid') == 'true'
        b.find('#' + b.find('#password').getAttribute('aria-describedby')).text.contains('lösenord')
        b.find('.error-summary a[href="#password"]').displayed
        look(b, 'fel-losenord') || true
    }

    def "#who signs in by keyboard and meets the start page of a #role"() {
        given:
        Browser b = browsers[who]

        when:
        signIn(b, who, "$who-$suffix-lösenord")

        then:
        b.path() == '/'
        b.h1() == 'Startsida'
        b.find('.who').text.contains(role)
        b.text().contains(centreName) == seesCentre
        look(b, 'startsida') || true

        where:
        who         | role             | seesCentre
        'ekonom'    | 'ekonom'         | true
        'annan'     | 'ekonom'         | false
        'styrgrupp' | 'styrgrupp'      | true
        'admin'     | 'administratör'  | true
    }

    def "the officer opens the centre's quarter: each service's share as the API computes it"() {
        given:
        Browser b = browsers.ekonom
        def allocation = api.get("/api/v1/centres/$centreId/allocation?period=2025-Q1").json

        when:
        b.open('/')
        b.link(centreName).click()
        String opened = b.path()
        b.open("/centraler/$centreId?kvartal=2025-Q1")

        then:
        opened == "/centraler/$centreId"
        b.h1() == centreName
        allocation.services.every { s -> b.text().contains(WebPagesSpec.swedish(s.total.amount as String) + ' kr') }
        look(b, 'central-kvartal') || true
    }

    def "the officer issues the quarter after a confirmation that shows the numbers, downloads a PDF and credits one with a reason"() {
        given:
        Browser b = browsers.ekonom
        b.open("/centraler/$centreId?kvartal=2025-Q1")

        when: 'the confirmation'
        b.link('Utfärda 2025-Q1').click()
        List<String> numbers = b.all('table tbody tr td:first-child')*.text
        look(b, 'bekrafta-utfardande')

        then:
        b.h1().startsWith('Utfärda 2025-Q1')
        numbers.every { it ==~ /\d{4}-\d{4}/ }

        when: 'issued'
        b.find('#utfarda').click()

        then: 'the list shows the numbers the confirmation named'
        b.path().startsWith("/centraler/$centreId/underlag")
        b.text().contains('underlag utfärdades')
        numbers.every { b.find('#underlag').text.contains(it) }
        api.get("/api/v1/statements?centre=$centreId").json.items*.number.sort() == numbers.sort()
        look(b, 'utfardade-underlag') || true

        when: 'the PDF of the first is downloaded'
        b.all('#underlag a').find { it.text == 'PDF' }.click()
        File pdf = b.downloaded('.pdf')

        then:
        pdf.withInputStream { new String(it.readNBytes(5), 'ISO-8859-1') } == '%PDF-'

        when: 'crediting without a reason, then with one'
        b.all('#underlag a').find { it.text == 'Kreditera' }.click()
        b.find('#kreditera').click()

        then: 'the missing reason is named next to its field'
        b.find('#reason').getAttribute('aria-invalid') == 'true'
        b.find('#reason-fel').text.contains('Skriv varför')
        b.find('.error-summary a[href="#reason"]').displayed
        look(b, 'kreditera-utan-skal') || true

        when:
        b.fill('reason', 'Fel yta för barnavårdscentralen')
        b.find('#kreditera').click()

        then:
        b.text().contains('krediterades')
        b.find('#underlag').text.contains('Kreditnota')
        b.find('#underlag').text.contains('Krediterat')
        look(b, 'krediterat') || true
    }

    def "an officer of another municipality sees none of it"() {
        given:
        Browser b = browsers.annan

        when:
        b.open('/')
        String start = b.text()
        b.open("/centraler/$centreId?kvartal=2025-Q1")
        String centre = b.h1()
        b.open("/centraler/$centreId/underlag")
        String statements = b.h1()

        then:
        !start.contains(centreName)
        centre == 'Hittades inte'
        statements == 'Hittades inte'
        look(b, 'annan-kommun') || true
    }

    def "no page looked at has a serious or critical accessibility violation"() {
        expect:
        problems == []
    }
}
