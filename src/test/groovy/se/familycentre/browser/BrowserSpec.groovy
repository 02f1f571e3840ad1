package se.familycentre.browser

import groovy.json.JsonOutput
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.openqa.selenium.Keys
import org.openqa.selenium.WebElement
import org.openqa.selenium.support.ui.Select
import se.familycentre.web.page.ScenarioPagesSpec
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

    def setupSpec() {
        // this run's screenshots only
        Browser.SHOTS.toFile().deleteDir()
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
        b.reaches { it == '/' }
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

    def "the officer changes the cleaning cost from 2025-02-01 with the form and sees the quarter change as the API computes it"() {
        given:
        Browser b = browsers.ekonom
        def before = api.get("/api/v1/centres/$centreId/allocation?period=2025-Q1").json

        when: 'a blank amount first: the refusal is named at its field'
        b.open("/centraler/$centreId?kvartal=2025-Q1")
        b.find('#uppgifter').click()
        look(b, 'centralens-uppgifter')
        b.all('a').find { it.getAttribute('href')?.endsWith('/kostnader/cleaning') }.click()
        int k = b.all('input[id^="changes-"][id$="-from"]').size() - 1
        b.fill("changes-$k-from", '2025-02-01')
        b.fill("changes-$k-amount", 'sextio tusen')
        b.button('Spara kostnaden').click()

        then:
        b.find("#changes-$k-amount").getAttribute('aria-invalid') == 'true'
        b.find(".error-summary a[href=\"#changes-$k-amount\"]").displayed
        look(b, 'kostnad-fel') || true

        when: 'a real amount'
        b.fill("changes-$k-amount", '60 000')
        b.button('Spara kostnaden').click()
        String saved = b.text()
        b.open("/centraler/$centreId?kvartal=2025-Q1")
        def after = api.get("/api/v1/centres/$centreId/allocation?period=2025-Q1").json

        then: 'the quarter changed, and the page shows the new shares of the API'
        saved.contains('Ändringen är sparad')
        after.services*.total*.amount != before.services*.total*.amount
        after.services.every { s -> b.text().contains(WebPagesSpec.swedish(s.total.amount as String) + ' kr') }
        look(b, 'central-efter-andring') || true
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
        b.reaches { it.startsWith("/centraler/$centreId/underlag") }
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

    def "the steering group runs the default plan, switches the rule and sees the API's numbers, saves and compares"() {
        given:
        Browser b = browsers.styrgrupp

        when: 'the default plan'
        b.open('/')
        b.find('#budgetsimulering').click()
        String start = b.find('#start').getAttribute('value')
        b.find('#berakna').click()
        Map plan = ScenarioPagesSpec.defaultPlan(start, municipality)
        def area = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(plan)).json
        String year = area.years[0].from.substring(0, 4)
        b.waitUntil(20) { !b.all('#regeltabell').isEmpty() }
        look(b, 'simulering-standard')

        then: 'the first year of each party as the API computes it'
        area.years[0].entities.every { e ->
            b.find("#total-$year-${e.organisationNumber}").text.replace('\u00a0', ' ') == WebPagesSpec.swedish(e.total as String) + ' kr'
        }

        and: 'the comparisons the page loaded once shown are the API ones, to the öre'
        b.all('#visa-jamforelser').isEmpty()
        ScenarioPagesSpec.comparisonsAsApi(b.driver.pageSource, area)

        when: 'the premises shared equally instead'
        new Select(b.find('#premisesRule')).selectByValue('EQUAL')
        b.find('#berakna').click()
        def equal = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(plan + [rules: [PREMISES: [[rule: 'EQUAL']]]])).json

        then:
        equal.years[0].entities*.total != area.years[0].entities*.total
        equal.years[0].entities.every { e ->
            b.find("#total-$year-${e.organisationNumber}").text.replace('\u00a0', ' ') == WebPagesSpec.swedish(e.total as String) + ' kr'
        }
        look(b, 'simulering-lika-delar') || true

        when: 'saved, copied, and the two compared'
        b.fill('name', "Plan lika delar $suffix")
        b.find('#spara').click()
        b.find('#kopiera').click()
        b.open('/simulering/jamfor')
        List<String> ids = new Select(b.find('#a')).options*.getAttribute('value').findAll { it }
        new Select(b.find('#a')).selectByValue(ids[0])
        new Select(b.find('#b')).selectByValue(ids[1])
        b.find('#jamfor').click()
        look(b, 'simulering-jamfor')

        then:
        ids.size() == 2
        b.text().contains("Plan lika delar $suffix")
        b.find('table').displayed
    }

    def "the administrator creates an API token, sees it once, and it opens the API"() {
        given:
        Browser b = browsers.admin

        when:
        b.open('/')
        b.find('#administration').click()
        b.link('API-tokens').click()
        b.fill('name', "Ekonomisystemet $suffix")
        b.all('input[name="entities"]').first().click()
        b.find('#skapa-token').click()
        String secret = b.find('#tokenSecret').getAttribute('value')
        look(b, 'token-skapad')
        def call = api.exchange(io.micronaut.http.HttpRequest.GET('/api/v1/centres')
                .header(se.familycentre.web.AdminByDefault.ANONYMOUS, 'yes').header('Authorization', "Bearer $secret"))
        b.link('API-tokens').click()

        then:
        secret.length() > 20
        call.status == 200
        !b.driver.pageSource.contains(secret)
        look(b, 'tokens') || true
    }

    def "no page looked at has a serious or critical accessibility violation"() {
        expect:
        problems == []
    }
}
