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

/**
 * Creating and editing a centre with forms (issue 12), over HTTP as a browser sends them: a finance
 * officer adds a dated change to a cost line and the API's allocation of the quarter moves by exactly
 * what the change costs, the same as the same change made through the JSON API on a twin centre; an
 * amount the rules refuse is named in Swedish at its input and in the summary, with nothing saved; a
 * stale form is refused; a steering group reads but cannot save; another municipality's officer
 * meets a 404; the minimal form creates a centre that the start page lists.
 */
@Stepwise
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = 'micronaut.http.client.follow-redirects', value = 'false')
class CentreEditPagesSpec extends Specification {

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
    @Shared long mineId
    @Shared long twinId
    @Shared long theirsId
    @Shared String cleaningForm

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** A request as a browser sends it: no credentials but the session cookie, and its origin on a POST. */
    StatementApi.Answer browser(String method, String path, Map<String, String> form = null, String cookie = null) {
        api.exchange(PageRequest.of(method, path, form, cookie, server.port))
    }

    def "two centres of the region and the municipality, alike; one of another municipality; an officer and a steering group of each"() {
        when:
        Map theirs = new JsonSlurper().parseText(StatementApi.exampleA(StatementApi.orgNo(), other)) as Map
        theirs.centre.name = "Annan central $suffix".toString()
        Map twin = new JsonSlurper().parseText(StatementApi.exampleA(region, municipality)) as Map
        twin.centre.name = "Tvilling $suffix".toString()
        mineId = api.importCentre(StatementApi.exampleA(region, municipality))
        twinId = api.importCentre(JsonOutput.toJson(twin))
        theirsId = api.importCentre(JsonOutput.toJson(theirs))
        for (u in [['ekonom', 'FINANCE', municipality], ['styrgrupp', 'STEERING', municipality], ['annan', 'FINANCE', other]]) {
            def a = api.post('/api/v1/users', JsonOutput.toJson([username: "${u[0]}-$suffix", displayName: u[0],
                    password: "${u[0]}-$suffix-password", roles: [u[1]], entities: [u[2]], mustChangePassword: false]))
            assert a.status == 201: "$a"
            def signIn = browser('POST', '/logga-in', [username: "${u[0]}-$suffix", password: "${u[0]}-$suffix-password"])
            cookies[u[0]] = (signIn.response.headers.getAll('Set-Cookie').find { it.startsWith('FC_SESSION=') } =~ /FC_SESSION=([^;]+)/)[0][1]
        }

        then:
        cookies.size() == 3
    }

    def "the officer's edit page lists each section with its link; the cost line's form shows its current values and version"() {
        when:
        def page = browser('GET', "/centraler/$mineId/redigera", null, cookies.ekonom)
        def form = browser('GET', "/centraler/$mineId/redigera/kostnader/cleaning", null, cookies.ekonom)
        cleaningForm = form.text
        def etag = api.get("/api/v1/centres/$mineId/cost-lines/cleaning").header('ETag')

        then:
        page.status == 200
        page.text.contains("href=\"/centraler/$mineId/redigera/kostnader/cleaning\"")
        page.text.contains("href=\"/centraler/$mineId/redigera/uppgifter\"")
        page.text.contains("href=\"/centraler/$mineId/redigera/regler\"")
        page.text.contains("href=\"/centraler/$mineId/redigera/verksamheter/BMM\"")
        page.text.replace('\u00a0', ' ').contains('48 000,00 kr per år')
        form.status == 200
        values(form.text).amount == '48000'
        values(form.text).periodicity == 'YEAR'
        values(form.text).pool == 'PREMISES'
        values(form.text).version == etag.replace('"', '')
        form.text.contains('<label for="changes-0-from">Gäller från</label>')
        form.text.contains('<label for="amount">Belopp från start</label>')
        form.text.contains('<button type="submit" class="primary">Spara kostnaden</button>')
    }

    def "an amount the rules refuse (#typed) is named in Swedish at its input and in the summary; 422, what was typed stays, nothing saved"() {
        given:
        Map<String, String> form = values(cleaningForm)
        form.amount = typed
        def before = api.get("/api/v1/centres/$mineId/cost-lines/cleaning")

        when:
        def a = browser('POST', "/centraler/$mineId/redigera/kostnader/cleaning", form, cookies.ekonom)
        def after = api.get("/api/v1/centres/$mineId/cost-lines/cleaning")

        then:
        a.status == 422
        a.text.contains("<a href=\"#amount\">$message</a>")
        a.text.contains("<p class=\"field-error\" id=\"amount-fel\">$message</p>")
        a.text =~ /id="amount" name="amount" value="${java.util.regex.Pattern.quote(typed)}"[^>]*aria-invalid="true" aria-describedby="amount-tips amount-fel"/
        after.header('ETag') == before.header('ETag')
        after.json.amount == before.json.amount

        where:
        typed  | message
        'abc'  | 'Ange ett tal med siffror, till exempel 12 345,67.'
        '-500' | 'Får inte vara negativt (du angav -500).'
    }

    def "the officer adds a dated change from the quarter's second month: the API's allocation moves by exactly the change, as the same change through the JSON API does"() {
        given: 'the cleaning costs 48 000 kr a year, 4 000 kr a month; from 2025-02-01 60 000 kr a year, 5 000 kr a month'
        def before = api.get("/api/v1/centres/$mineId/allocation?period=2025-Q1").json
        Map<String, String> form = values(cleaningForm)
        form['changes-0-from'] = '2025-02-01'
        form['changes-0-amount'] = '60 000,00'
        BigDecimal expected = (60000 - 48000) / 12 * 2

        when:
        def saved = browser('POST', "/centraler/$mineId/redigera/kostnader/cleaning", form, cookies.ekonom)
        def after = api.get("/api/v1/centres/$mineId/allocation?period=2025-Q1").json
        def line = api.get("/api/v1/centres/$mineId/cost-lines/cleaning").json
        def twinLine = api.get("/api/v1/centres/$twinId/cost-lines/cleaning")
        Map twinBody = twinLine.json as Map
        twinBody.changes = [[from: '2025-02-01', amount: '60000']]
        def twinPut = api.put("/api/v1/centres/$twinId/cost-lines/cleaning", JsonOutput.toJson(twinBody), ['If-Match': twinLine.header('ETag')])
        def twin = api.get("/api/v1/centres/$twinId/allocation?period=2025-Q1").json
        def reopened = browser('GET', "/centraler/$mineId/redigera/kostnader/cleaning", null, cookies.ekonom)

        then:
        saved.status == 303
        saved.header('Location') == "/centraler/$mineId/redigera?sparat=1"
        line.changes.size() == 1
        line.changes[0].from == '2025-02-01'
        new BigDecimal(line.changes[0].amount as String) == 60000
        expected == 2000
        total(after) - total(before) == expected
        twinPut.status == 200
        after.services.collect { [it.service, it.total.amount] } == twin.services.collect { [it.service, it.total.amount] }
        total(after) != total(before)

        and: 'the form lists the amounts with their dates, and a blank row for the next change'
        String text = reopened.text.replace('\u00a0', ' ')
        text.contains('<th scope="row">Från start</th><td class="num">48 000,00 kr per år</td>')
        text.contains('<th scope="row">Från 2025-02-01</th><td class="num">60 000,00 kr per år</td>')
        values(reopened.text)['changes-0-from'] == '2025-02-01'
        values(reopened.text)['changes-0-amount'] == '60000'
        values(reopened.text)['changes-1-from'] == ''
        values(reopened.text)['changes-rows'] == '2'
        browser('GET', "/centraler/$mineId/redigera", null, cookies.ekonom).text.replace('\u00a0', ' ')
                .contains('48 000,00 kr per år; från 2025-02-01: 60 000,00 kr per år')
    }

    def "a form opened before another change is refused with a Swedish message (409) and saves nothing"() {
        given: 'the form as it was before the dated change'
        Map<String, String> stale = values(cleaningForm)
        stale.name = 'Städning (gammal)'

        when:
        def a = browser('POST', "/centraler/$mineId/redigera/kostnader/cleaning", stale, cookies.ekonom)

        then:
        a.status == 409
        a.text.contains('Någon annan har ändrat uppgifterna sedan du öppnade formuläret, så inget sparades.')
        a.text.contains('<a href="#aktuella">')
        api.get("/api/v1/centres/$mineId/cost-lines/cleaning").json.name == 'Cleaning'
    }

    def "rules whose percentages do not add up to 100 are named at the rule, in Swedish; the centre's version stays"() {
        given:
        def open = browser('GET', "/centraler/$mineId/redigera/regler", null, cookies.ekonom)
        Map<String, String> form = values(open.text)
        form['rules-JOINT-0-rule'] = 'PERCENT'
        form['rules-JOINT-0-percentages-BMM'] = '10'
        form['rules-JOINT-0-percentages-BVC'] = '30'
        form['rules-JOINT-0-percentages-ÖF'] = '40'
        form['rules-JOINT-0-percentages-SOC'] = '15'
        def version = api.get("/api/v1/centres/$mineId").header('ETag')

        when:
        def a = browser('POST', "/centraler/$mineId/redigera/regler", form, cookies.ekonom)
        form['rules-JOINT-0-percentages-SOC'] = '20'
        def ok = browser('POST', "/centraler/$mineId/redigera/regler", form, cookies.ekonom)

        then:
        open.status == 200
        a.status == 422
        a.text.contains('Procentsatserna blir tillsammans 95 %, inte 100 %.')
        a.text.contains('id="rules-JOINT-0-percentages-BMM-fel"')
        ok.status == 303
        api.get("/api/v1/centres/$mineId").json.rules.JOINT[0].rule == 'PERCENT'
        api.get("/api/v1/centres/$mineId").header('ETag') != version
    }

    def "a steering group reads the forms but cannot save: 403, nothing saved"() {
        given:
        Map<String, String> form = values(browser('GET', "/centraler/$mineId/redigera/kostnader/cleaning", null, cookies.ekonom).text)
        form.amount = '1'

        when:
        def page = browser('GET', "/centraler/$mineId/redigera", null, cookies.styrgrupp)
        def read = browser('GET', "/centraler/$mineId/redigera/kostnader/cleaning", null, cookies.styrgrupp)
        def save = browser('POST', "/centraler/$mineId/redigera/kostnader/cleaning", form, cookies.styrgrupp)
        def create = browser('GET', '/centraler/ny', null, cookies.styrgrupp)

        then:
        page.status == 200
        page.text.contains('Du kan läsa uppgifterna men inte ändra dem.')
        read.status == 200
        read.text.contains('disabled="disabled"')
        !read.text.contains('Spara kostnaden')
        save.status == 403
        create.status == 403
        new BigDecimal(api.get("/api/v1/centres/$mineId/cost-lines/cleaning").json.amount as String) == 48000
    }

    def "another municipality's officer meets the 404 page for every form of the centre, and can save nothing"() {
        when:
        def page = browser('GET', "/centraler/$mineId/redigera", null, cookies.annan)
        def form = browser('GET', "/centraler/$mineId/redigera/kostnader/cleaning", null, cookies.annan)
        def save = browser('POST', "/centraler/$mineId/redigera/kostnader/cleaning", [amount: '1', version: '0'], cookies.annan)
        def profile = browser('POST', "/centraler/$mineId/redigera/uppgifter", [name: 'Kapad', version: '0'], cookies.annan)
        def own = browser('GET', "/centraler/$theirsId/redigera", null, cookies.annan)

        then:
        [page, form, save, profile]*.status == [404, 404, 404, 404]
        page.text.contains('Sidan finns inte')
        own.status == 200
        api.get("/api/v1/centres/$mineId").json.name == 'RULES §6 example A'
    }

    def "the officer creates a centre with the minimal form; a missing entity is named at its input first; the new centre is on the start page"() {
        given:
        def open = browser('GET', '/centraler/ny', null, cookies.ekonom)
        Map<String, String> form = [name: "Familjecentralen Ny $suffix".toString(), municipality: 'Kommunen',
                                    region: '', establishedOn: '2026-01-12']
        (0..3).each { form["services-$it-entity".toString()] = municipality; form["services-$it-name".toString()] = '' }
        Map<String, String> missing = new LinkedHashMap<>(form)
        missing['services-2-entity'] = ''

        when:
        def refused = browser('POST', '/centraler/ny', missing, cookies.ekonom)
        def created = browser('POST', '/centraler/ny', form, cookies.ekonom)
        long id = (created.header('Location') =~ /\/centraler\/(\d+)\/redigera/)[0][1] as long
        def centre = api.get("/api/v1/centres/$id").json
        def services = api.get("/api/v1/centres/$id/services").json
        def start = browser('GET', '/', null, cookies.ekonom)

        then:
        open.status == 200
        open.text.contains('<label for="services-0-entity">Organisation (huvudman)</label>')
        refused.status == 422
        refused.text.contains('<a href="#services-2-entity">Fyll i en organisation.</a>')
        refused.text.contains("value=\"Familjecentralen Ny $suffix\"")
        created.status == 303
        centre.name == "Familjecentralen Ny $suffix"
        centre.municipality == 'Kommunen'
        centre.establishedOn == '2026-01-12'
        services*.type == ['MIDWIFE_CLINIC', 'CHILD_HEALTH', 'OPEN_PRESCHOOL', 'SOCIAL_SERVICES']
        services*.entity.every { it == municipality }
        start.text.contains("href=\"/centraler/$id\"")
        start.text.contains("Familjecentralen Ny $suffix")
        !browser('GET', '/', null, cookies.annan).text.contains("Familjecentralen Ny $suffix")
    }

    def "the #section form saves #field = #typed through the API's path: the API then answers #expected"() {
        given:
        String path = "/centraler/$mineId/redigera/$section"
        Map<String, String> form = values(browser('GET', path, null, cookies.ekonom).text)
        form[field] = typed
        form.putAll(more)

        when:
        def saved = browser('POST', path, form, cookies.ekonom)
        def read = api.get("/api/v1/centres/$mineId$resource").json

        then:
        saved.status == 303
        saved.header('Location') == "/centraler/$mineId/redigera?sparat=1"
        plain(String.valueOf(read[property] instanceof List ? read[property][0] : read[property])) == expected

        where:
        section                  | field                  | typed        | more                                 | resource                    | property        | expected
        'uppgifter'              | 'municipality'         | 'Kommunen'   | [:]                                  | ''                          | 'municipality'  | 'Kommunen'
        'verksamheter/%C3%96F'   | 'name'                 | 'Öppna'      | [:]                                  | '/services/%C3%96F'         | 'name'          | 'Öppna'
        'lokaler/staff-wc'       | 'area'                 | '4,5'        | [:]                                  | '/rooms/staff-wc'           | 'area'          | '4.5'
        'samordnare/coordinator' | 'salaryChanges-0-from' | '2025-03-01' | ['salaryChanges-0-amount': '45 000'] | '/coordinators/coordinator' | 'salaryChanges' | '{from=2025-03-01, amount=45000}'
        'kostnader/rent'         | 'to'                   | '2030-12-31' | [:]                                  | '/cost-lines/rent'          | 'to'            | '2030-12-31'
    }

    def "a new cost line from its form; the same id again is refused at the id, in Swedish"() {
        given:
        Map<String, String> form = values(browser('GET', "/centraler/$mineId/redigera/kostnader/ny", null, cookies.ekonom).text)
        form.putAll([id: 'fika', name: 'Fika', pool: 'JOINT', payer: 'SOC', periodicity: 'MONTH', amount: '1 250,50'])

        when:
        def created = browser('POST', "/centraler/$mineId/redigera/kostnader/ny", form, cookies.ekonom)
        def again = browser('POST', "/centraler/$mineId/redigera/kostnader/ny", form, cookies.ekonom)
        def line = api.get("/api/v1/centres/$mineId/cost-lines/fika").json

        then:
        created.status == 303
        plain(line.amount as String) == '1250.5'
        line.periodicity == 'MONTH'
        again.status == 409
        again.text.contains('<a href="#id">Id:t används redan i familjecentralen. Välj ett annat.</a>')
    }

    def "a change that would alter an issued quarter is refused (409) with a Swedish message; a change from after it is saved"() {
        given: 'the first quarter of the twin is issued'
        api.issued(twinId, '2025-Q1')
        Map<String, String> form = values(browser('GET', "/centraler/$twinId/redigera/kostnader/alarm", null, cookies.ekonom).text)
        Map<String, String> later = new LinkedHashMap<>(form)
        form.amount = '3000'
        later['changes-0-from'] = '2025-04-01'
        later['changes-0-amount'] = '3000'

        when:
        def refused = browser('POST', "/centraler/$twinId/redigera/kostnader/alarm", form, cookies.ekonom)
        def saved = browser('POST', "/centraler/$twinId/redigera/kostnader/alarm", later, cookies.ekonom)

        then:
        refused.status == 409
        refused.text.contains('Ändringen skulle ändra kvartal som redan är fakturerade (2025-Q1), så inget sparades.')
        refused.text.contains('<a href="#formular">')
        saved.status == 303
        api.get("/api/v1/centres/$twinId/cost-lines/alarm").json.changes[0].from == '2025-04-01'
    }

    static String deleteVersion(String html) {
        (html =~ /<form method="post" action="[^"]*\/ta-bort" id="ta-bort-formular">\s*<input type="hidden" name="version" value="(\d+)">/)
                .with { it.find() ? it.group(1) : null }
    }

    def "the officer deletes a cost line after a confirmation: it is gone, and the quarter costs what the line cost less"() {
        given: 'Fika costs 1 250,50 kr a month in the joint pool: 3 751,50 kr a quarter'
        def form = browser('GET', "/centraler/$mineId/redigera/kostnader/fika", null, cookies.ekonom)
        def before = api.get("/api/v1/centres/$mineId/allocation?period=2025-Q1").json
        String etag = api.get("/api/v1/centres/$mineId/cost-lines/fika").header('ETag').replace('"', '')

        when:
        def confirm = browser('GET', "/centraler/$mineId/redigera/kostnader/fika/ta-bort", null, cookies.ekonom)
        def deleted = browser('POST', "/centraler/$mineId/redigera/kostnader/fika/ta-bort",
                [version: deleteVersion(confirm.text)], cookies.ekonom)
        def after = api.get("/api/v1/centres/$mineId/allocation?period=2025-Q1").json

        then:
        form.text.contains("<a id=\"ta-bort-lank\" href=\"/centraler/$mineId/redigera/kostnader/fika/ta-bort\">Ta bort kostnaden</a>")
        confirm.status == 200
        confirm.text.contains("Kostnaden Fika tas bort ur RULES §6 example A med sina daterade ändringar.")
        deleteVersion(confirm.text) == etag
        deleted.status == 303
        deleted.header('Location') == "/centraler/$mineId/redigera?sparat=1"
        api.get("/api/v1/centres/$mineId/cost-lines/fika").status == 404
        total(before) - total(after) == 3751.50
    }

    def "a service the coordinator and rules still name is not deleted: 409, each use named in Swedish, nothing gone"() {
        given:
        def confirm = browser('GET', "/centraler/$mineId/redigera/verksamheter/%C3%96F/ta-bort", null, cookies.ekonom)

        when:
        def refused = browser('POST', "/centraler/$mineId/redigera/verksamheter/%C3%96F/ta-bort",
                [version: deleteVersion(confirm.text)], cookies.ekonom)

        then:
        confirm.status == 200
        confirm.text.contains('ange i stället det som Till på verksamheten')
        refused.status == 409
        refused.text.contains('<a href="#ta-bort">Verksamheten används fortfarande av andra delar av familjecentralen, så inget togs bort.')
        refused.text.contains('samordnaren coordinator är anställd av verksamheten')
        api.get("/api/v1/centres/$mineId/services/%C3%96F").status == 200
    }

    def "a deletion from a confirmation read before another change is refused (409) in Swedish; nothing is deleted"() {
        given:
        def confirm = browser('GET', "/centraler/$mineId/redigera/lokaler/staff-wc/ta-bort", null, cookies.ekonom)
        def room = api.get("/api/v1/centres/$mineId/rooms/staff-wc")
        Map body = room.json as Map
        body.area = '5'
        assert api.put("/api/v1/centres/$mineId/rooms/staff-wc", JsonOutput.toJson(body), ['If-Match': room.header('ETag')]).status == 200

        when:
        def refused = browser('POST', "/centraler/$mineId/redigera/lokaler/staff-wc/ta-bort",
                [version: deleteVersion(confirm.text)], cookies.ekonom)

        then:
        refused.status == 409
        refused.text.contains('Någon annan har ändrat uppgifterna sedan du öppnade sidan, så inget togs bort.')
        api.get("/api/v1/centres/$mineId/rooms/staff-wc").status == 200
    }

    def "deleting a part of an invoiced quarter is refused (409) in Swedish; a steering group and another municipality delete nothing"() {
        given:
        def confirm = browser('GET', "/centraler/$twinId/redigera/kostnader/alarm/ta-bort", null, cookies.ekonom)
        String version = deleteVersion(confirm.text)

        when:
        def issued = browser('POST', "/centraler/$twinId/redigera/kostnader/alarm/ta-bort", [version: version], cookies.ekonom)
        def steering = browser('POST', "/centraler/$twinId/redigera/kostnader/alarm/ta-bort", [version: version], cookies.styrgrupp)
        def theirs = browser('POST', "/centraler/$twinId/redigera/kostnader/alarm/ta-bort", [version: version], cookies.annan)
        def theirsConfirm = browser('GET', "/centraler/$twinId/redigera/kostnader/alarm/ta-bort", null, cookies.annan)

        then:
        issued.status == 409
        issued.text.contains('Borttagningen skulle ändra kvartal som redan är fakturerade (2025-Q1), så inget togs bort.')
        steering.status == 403
        theirs.status == 404
        theirsConfirm.status == 404
        api.get("/api/v1/centres/$twinId/cost-lines/alarm").status == 200
    }

    def "the pages as a person sees them, kept under target/ to look at"() {
        when:
        File dir = new File('target/centre-edit-pages')
        dir.mkdirs()
        Map<String, String> pages = [overview: "/centraler/$mineId/redigera", profile: "/centraler/$mineId/redigera/uppgifter",
                rules: "/centraler/$mineId/redigera/regler", service: "/centraler/$mineId/redigera/verksamheter/BMM",
                room: "/centraler/$mineId/redigera/lokaler/staff-wc", coordinator: "/centraler/$mineId/redigera/samordnare/coordinator",
                costline: "/centraler/$mineId/redigera/kostnader/cleaning", newcostline: "/centraler/$mineId/redigera/kostnader/ny",
                newcentre: '/centraler/ny']
        Map<String, Integer> status = [:]
        pages.each { name, path ->
            def a = browser('GET', path, null, cookies.ekonom)
            status[name] = a.status
            new File(dir, "${name}.html").text = a.text
        }

        then:
        status.values().every { it == 200 }
    }

    /** Decimals without their trailing zeros: {@code 4.5000} → {@code 4.5}. */
    static String plain(String text) {
        text.replaceAll(/\d+\.\d+/) { String d -> new BigDecimal(d).stripTrailingZeros().toPlainString() }
    }

    /** The sum of the services' totals: every krona the quarter shares. */
    static BigDecimal total(Map allocation) {
        allocation.services.collect { new BigDecimal(it.total.amount as String) }.sum() as BigDecimal
    }

    /** What a browser would send from the page's form: its inputs' values, checked boxes and selected options. */
    static Map<String, String> values(String html) {
        String form = html.substring(html.indexOf('<form id="formular"'))
        form = form.substring(0, form.indexOf('</form>'))
        Map<String, String> m = [:]
        (form =~ /<input([^>]*)>/).each { match ->
            String attrs = match[1]
            def name = attrs =~ /name="([^"]*)"/
            if (name.find()) {
                String type = (attrs =~ /type="([^"]*)"/).with { it.find() ? it.group(1) : 'text' }
                if (type != 'checkbox' || attrs.contains('checked')) {
                    m[unescape(name.group(1))] = type == 'checkbox' ? 'true' : (attrs =~ /value="([^"]*)"/).with { it.find() ? unescape(it.group(1)) : '' }
                }
            }
        }
        (form =~ /(?s)<select[^>]*name="([^"]*)"[^>]*>(.*?)<\/select>/).each { match ->
            def selected = match[2] =~ /<option value="([^"]*)" selected/
            def first = match[2] =~ /<option value="([^"]*)"/
            m[unescape(match[1])] = selected.find() ? unescape(selected.group(1)) : (first.find() ? unescape(first.group(1)) : '')
        }
        m
    }

    static String unescape(String s) {
        s.replace('&quot;', '"').replace('&#39;', "'").replace('&lt;', '<').replace('&gt;', '>').replace('&amp;', '&')
    }
}
