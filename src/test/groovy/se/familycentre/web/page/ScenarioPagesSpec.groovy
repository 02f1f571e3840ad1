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
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * The steering group's simulator pages (issue 12, item 4), over HTTP as a browser sends them: the
 * default form computes, and the amounts it shows for each party equal the API's compute of the same
 * plan to the öre, under the plan's rule and after switching it; a refused value is named next to its
 * input; a plan is saved, listed, opened, copied, changed and compared; another municipality's steering
 * group cannot open it; a finance officer computes but cannot save; a decided plan cannot change.
 */
@Stepwise
@MicronautTest(transactional = false)
@io.micronaut.context.annotation.Property(name = 'micronaut.http.client.follow-redirects', value = 'false')
class ScenarioPagesSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server

    @Shared String municipality = StatementApi.orgNo()
    @Shared String other = StatementApi.orgNo()
    @Shared String suffix = UUID.randomUUID().toString().substring(0, 8)
    @Shared Map<String, String> cookies = [:]
    @Shared Map<String, String> defaults
    @Shared long planId
    @Shared long copyId

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** A request as a browser sends it: no credentials but the session cookie, a form's origin on a post. */
    StatementApi.Answer browser(String method, String path, Map<String, String> form = null, String cookie = null) {
        api.exchange(PageRequest.of(method, path, form, cookie, server.port))
    }

    /** What a browser submits from the form: each input's value, a checkbox only when checked, each select's selected option. */
    static Map<String, String> formValues(String html, String formId) {
        def found = (html =~ /(?s)<form[^>]*id="${formId}".*?<\/form>/)
        assert found.find(): "no form $formId"
        String form = found.group()
        Map<String, String> m = [:]
        def inputs = (form =~ /<input([^>]*)>/)
        while (inputs.find()) {
            String attrs = inputs.group(1)
            String name = attr(attrs, 'name')
            if (!name) {
                continue
            }
            String type = attr(attrs, 'type') ?: 'text'
            if (type == 'checkbox') {
                if (attrs =~ /\schecked/) {
                    m[name] = attr(attrs, 'value') ?: 'on'
                }
            } else {
                m[name] = attr(attrs, 'value') ?: ''
            }
        }
        def selects = (form =~ /(?s)<select([^>]*)>(.*?)<\/select>/)
        while (selects.find()) {
            String name = attr(selects.group(1), 'name')
            String body = selects.group(2)
            def chosen = (body =~ /<option value="([^"]*)"[^>]*selected/)
            def first = (body =~ /<option value="([^"]*)"/)
            m[name] = chosen.find() ? unescape(chosen.group(1)) : (first.find() ? unescape(first.group(1)) : '')
        }
        m
    }

    static String attr(String attrs, String name) {
        def a = (attrs =~ /(?:^|\s)${name}="([^"]*)"/)
        a.find() ? unescape(a.group(1)) : null
    }

    static String unescape(String s) {
        s.replace('&quot;', '"').replace('&#39;', "'").replace('&lt;', '<').replace('&gt;', '>').replace('&amp;', '&')
    }

    /** The text of the element with the id, spaces as plain spaces. */
    static String cell(String html, String id) {
        def c = (html =~ /id="${id}"[^>]*>([^<]*)</)
        c.find() ? c.group(1).replace('\u00a0', ' ') : null
    }

    /** The body rows of the table with the id, each as its cells' texts (no-break spaces as spaces, as a browser's DOM writes them too). */
    static List<List<String>> rows(String html, String id) {
        def table = (html =~ /(?s)<table[^>]*id="${id}".*?<tbody>(.*?)<\/tbody>/)
        assert table.find(): "no table $id"
        (table.group(1) =~ /(?s)<tr[^>]*>(.*?)<\/tr>/).collect { tr ->
            (tr[1] =~ /<t[hd][^>]*>([^<]*)</).collect { it[1].replace('\u00a0', ' ').replace('&nbsp;', ' ') }
        }
    }

    /** An amount with its sign, as the comparisons show a difference. */
    static String signed(String plain) {
        (new BigDecimal(plain).signum() > 0 ? '+' : '') + WebPagesSpec.swedish(plain) + ' kr'
    }

    /**
     * The comparison tables hold the API's compute: for each party and year, each premises rule's total and
     * its difference from the plan, and each service left out the same; as many rows as the API has.
     */
    static boolean comparisonsAsApi(String html, Map computed) {
        def partyYear = { List<String> row -> [(row[0] =~ /\((\d{6}-\d{4})\)$/)[0][1], row[1]] }
        def rules = rows(html, 'regeltabell')
        assert rules.size() == computed.years.sum { it.entities.size() }
        rules.each { row ->
            def (org, year) = partyYear(row)
            computed.premisesRuleComparison.eachWithIndex { rule, i ->
                assert row[2 + 2 * i] == WebPagesSpec.swedish(rule.totals[org][year] as String) + ' kr'
                assert row[3 + 2 * i] == signed(rule.differenceFromPlan[org][year] as String)
            }
        }
        computed.serviceComparison.findAll { !it.refused }.each { c ->
            def without = rows(html, "utan-${c.without}")
            assert without.size() == rules.size()
            without.each { row ->
                def (org, year) = partyYear(row)
                assert row[2] == WebPagesSpec.swedish(c.totals[org][year] as String) + ' kr'
                assert row[3] == signed(c.differenceFromPlan[org][year] as String)
            }
        }
        true
    }

    /** The plan the default form stands for, written as the API takes it. */
    Map defaultPlan(String start) {
        defaultPlan(start, municipality)
    }

    /** The plan the default form stands for when the person's entity is the municipality given. */
    static Map defaultPlan(String start, String municipality) {
        [name                  : 'Ny familjecentral', start: start, horizonYears: 3,
         entities              : [[organisationNumber: StatementApi.REGION, name: 'Västra Götalandsregionen'],
                                  [organisationNumber: municipality, name: "Entity $municipality".toString()]],
         services              : [[id: 'bmm', type: 'MIDWIFE_CLINIC', entity: StatementApi.REGION, dedicatedArea: 30],
                                  [id: 'bvc', type: 'CHILD_HEALTH', entity: StatementApi.REGION, dedicatedArea: 45],
                                  [id: 'of', type: 'OPEN_PRESCHOOL', entity: municipality, dedicatedArea: 80],
                                  [id: 'soc', type: 'SOCIAL_SERVICES', entity: municipality, dedicatedArea: 20]],
         rentPerSquareMetreYear: '1850', cleaningPerYear: '60000', jointActivitiesPerYear: '40000',
         coordinator           : [employer: 'of', ftePercent: '100', monthlySalary: '42000', onCostPercent: '41.5',
                                  competenceDevelopmentPerYear: '15000'],
         rules                 : [PREMISES: [[rule: 'AREA']]],
         assumptions           : [salaryIncreasePercent: '3', salaryRevision: '04-01', indexChangePercent: '2']]
    }

    /** Each party's first-year figures on the page equal the API's, to the öre. */
    void sameAsApi(String page, Map apiResult) {
        def year = apiResult.years[0]
        String key = year.from.substring(0, 4)
        assert year.entities.size() == 2
        year.entities.each { e ->
            assert cell(page, "total-$key-${e.organisationNumber}") == WebPagesSpec.swedish(e.total as String) + ' kr'
            e.byPool.each { pool, amount ->
                assert cell(page, "pool-$key-${e.organisationNumber}-$pool") == WebPagesSpec.swedish(amount as String) + ' kr'
            }
            assert cell(page, "utbetalt-$key-${e.organisationNumber}") == WebPagesSpec.swedish(e.paidOut as String) + ' kr'
            assert cell(page, "ersatts-$key-${e.organisationNumber}") == WebPagesSpec.swedish(e.reimbursed as String) + ' kr'
            assert cell(page, "ersatter-$key-${e.organisationNumber}") == WebPagesSpec.swedish(e.reimburses as String) + ' kr'
        }
    }

    def "a steering group and a finance officer of the municipality, a steering group of another municipality"() {
        expect:
        user('styrgrupp', ['STEERING'], municipality)
        user('ekonom', ['FINANCE'], municipality)
        user('annan', ['STEERING'], other)
    }

    private boolean user(String name, List<String> roles, String org) {
        if (api.get("/api/v1/entities/$org").status == 404) {
            assert api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: org, name: "Entity $org"])).status == 201
        }
        def a = api.post('/api/v1/users', JsonOutput.toJson([username: "$name-$suffix", displayName: name,
                password: "$name-$suffix-password", roles: roles, entities: [org], mustChangePassword: false]))
        assert a.status == 201: "$a"
        def signIn = browser('POST', '/logga-in', [username: "$name-$suffix", password: "$name-$suffix-password"])
        assert signIn.status == 303
        cookies[name] = (signIn.response.headers.getAll('Set-Cookie').find { it.startsWith('FC_SESSION=') } =~ /FC_SESSION=([^;]+)/)[0][1]
        true
    }

    def "a newcomer is sent to sign in first"() {
        expect:
        browser('GET', '/simulering').header('Location') == '/logga-in'
        browser('POST', '/simulering', [name: 'x']).header('Location') == '/logga-in'
        browser('POST', '/simulering', [:], cookies.styrgrupp).status == 422
        browser('GET', '/simulering/planer').header('Location') == '/logga-in'
    }

    def "the start page links to the simulator; the form offers the person's entity and labels every field in Swedish"() {
        when:
        def start = browser('GET', '/', null, cookies.styrgrupp)
        def page = browser('GET', '/simulering', null, cookies.styrgrupp)
        defaults = formValues(page.text, 'simuleringsformular')

        then:
        start.text.contains('<a href="/simulering" id="budgetsimulering">Budgetsimulering</a>')
        page.status == 200
        page.text.contains('<label for="horizonYears">Horisont (år)</label>')
        page.text.contains('<label for="premisesRule">Regel för gemensamma lokaler</label>')
        page.text.contains('<label for="coordinatorSalary">Månadslön (kr)</label>')
        page.text.contains("<option value=\"$municipality\">Entity $municipality</option>")
        defaults['party-1-org'] == municipality
        defaults['party-0-org'] == StatementApi.REGION
        defaults.premisesRule == 'AREA'
        defaults['service-0-included'] == 'on'
        defaults['service-4-included'] == null
        defaults.horizonYears == '3'
        page.text.contains('src="/assets/simulering.js"')
        browser('GET', '/assets/simulering.js').status == 200
        browser('GET', '/webjars/chart.js/4.4.1/dist/chart.umd.js').status == 200
    }

    def "the default form computes: each party's first year, per pool and in total, paid out and reimbursed, equals the API's compute to the öre"() {
        when:
        def page = browser('POST', '/simulering', defaults, cookies.styrgrupp)
        def api = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(defaultPlan(defaults.start)))

        then:
        page.status == 200
        api.status == 200
        sameAsApi(page.text, api.json)
        page.text.contains('<script type="application/json" id="simulering-diagramdata">{"years":["')
        page.text.contains('<canvas id="simulering-diagram"')
        !page.text.contains('over-frame')

        and: 'the comparisons are not computed with the plan: the page loads them once it is shown'
        page.text.contains('<div id="jamforelser" hx-post="/simulering/jamforelser" hx-trigger="load" hx-include="#simuleringsformular"')
        page.text.contains('formaction="/simulering/jamforelser">Visa jämförelserna</button>')
        !page.text.contains('id="regeltabell"')
    }

    def "the comparisons the page loads (htmx) and the page without script both show the API's rule and service comparisons, to the öre"() {
        when:
        def htmx = api.exchange(PageRequest.of('POST', '/simulering/jamforelser', defaults, cookies.styrgrupp, server.port)
                .header('HX-Request', 'true'))
        def noScript = browser('POST', '/simulering/jamforelser', defaults, cookies.styrgrupp)
        def computed = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(defaultPlan(defaults.start))).json

        then: 'htmx gets the fragment alone, to put in the place kept for it'
        htmx.status == 200
        htmx.text.startsWith('<div id="jamforelser"><h3 id="regeljamforelse">Jämförelse av lokalregler</h3>')
        !htmx.text.contains('<html')

        and: 'without script the whole page comes back, the plan and its comparisons'
        noScript.status == 200
        noScript.text.contains('id="total-2027-')
        !noScript.text.contains('hx-post="/simulering/jamforelser"')

        and: 'each rule and each service left out shows the totals and differences of the API'
        [htmx.text, noScript.text].every { text ->
            text.contains('Efter yta (planens regel)') && text.contains('Jämförelse med och utan varje verksamhet') &&
                    computed.serviceComparison.every { c -> c.refused || text.contains("id=\"utan-${c.without}\"") } &&
                    comparisonsAsApi(text, computed)
        }
    }

    def "a form changed into one that cannot be computed gets a Swedish word in the comparisons' place, not a 500"() {
        when:
        def htmx = api.exchange(PageRequest.of('POST', '/simulering/jamforelser', defaults + [horizonYears: '11'],
                cookies.styrgrupp, server.port).header('HX-Request', 'true'))

        then:
        htmx.status == 200
        htmx.text.contains('Jämförelserna kan inte beräknas med formuläret som det står nu.')
    }

    def "switching the premises rule to #rule shows the API's numbers for that rule"() {
        when:
        def page = browser('POST', '/simulering', defaults + [premisesRule: rule], cookies.styrgrupp)
        Map plan = defaultPlan(defaults.start)
        plan.rules = [PREMISES: [[rule: rule]]]
        def computed = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(plan)).json
        def area = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(defaultPlan(defaults.start))).json

        then:
        page.status == 200
        sameAsApi(page.text, computed)
        computed.years[0].entities*.total != area.years[0].entities*.total
        page.text.contains("lokalregel: ${name})")

        when: 'the page loads its comparisons'
        def comparisons = api.exchange(PageRequest.of('POST', '/simulering/jamforelser', defaults + [premisesRule: rule],
                cookies.styrgrupp, server.port).header('HX-Request', 'true'))

        then:
        comparisons.text.contains("${name} (planens regel)")
        comparisonsAsApi(comparisons.text, computed)

        where:
        rule    | name
        'EQUAL' | 'Lika delar'
    }

    def "a frame below the cost is highlighted with its amount in words, as the API computes it"() {
        when:
        def page = browser('POST', '/simulering', defaults + ['party-1-frame': '100 000'], cookies.styrgrupp)
        Map plan = defaultPlan(defaults.start) + [frames: [[organisationNumber: municipality, perYear: '100000']]]
        def computed = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(plan)).json
        def first = computed.framesExceeded.find { it.year == (defaults.start.substring(0, 4) as int) }

        then:
        page.status == 200
        first != null
        cell(page.text, "total-${first.year}-$municipality") == WebPagesSpec.swedish(first.cost as String) + ' kr'
        page.text.contains('class="over-frame"')
        page.text.replace('\u00a0', ' ').contains("över ramen med ${WebPagesSpec.swedish(first.by as String)} kr")
    }

    def "a horizon of 11 years is refused: 422, the Swedish message next to the horizon and in the summary, the values kept"() {
        when:
        def page = browser('POST', '/simulering', defaults + [horizonYears: '11', name: 'Elva år'], cookies.styrgrupp)

        then:
        page.status == 422
        page.text.contains('<a href="#horizonYears">Ange horisonten som ett helt antal år från 1 till 10.</a>')
        page.text.contains('<p class="field-error" id="horizonYears-fel">Ange horisonten som ett helt antal år från 1 till 10.</p>')
        page.text =~ /id="horizonYears" name="horizonYears"[^>]*value="11"[^>]*aria-invalid="true" aria-describedby="horizonYears-fel/
        page.text.contains('value="Elva år"')
        !page.text.contains('id="resultat"')
    }

    def "every refused input is named at once: a salary that is no number and a horizon out of bounds, each at its input"() {
        when:
        def page = browser('POST', '/simulering', defaults + [horizonYears: '11', coordinatorSalary: 'fyrtiotvåtusen',
                'service-0-from': '2027-02-30'], cookies.styrgrupp)

        then:
        page.status == 422
        page.text.contains('<a href="#coordinatorSalary">Ange ett tal, till exempel 1 850 eller 41,5.</a>')
        page.text.contains('<a href="#horizonYears">Ange horisonten som ett helt antal år från 1 till 10.</a>')
        page.text.contains('<a href="#service-0-from">Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-01-01.</a>')
        page.text.contains('id="coordinatorSalary-fel"')
        page.text.contains('value="fyrtiotvåtusen"')
    }

    def "a service on an empty party and a percentage rule that does not add up are named at their inputs"() {
        when:
        def page = browser('POST', '/simulering', defaults + ['service-3-party': '3', premisesRule: 'PERCENT',
                'service-0-premisesPercent': '50', 'service-1-premisesPercent': '20', 'service-2-premisesPercent': '20',
                'service-3-premisesPercent': '', 'horizonYears': '2,5'], cookies.styrgrupp)

        then:
        page.status == 422
        page.text.contains('<a href="#service-3-party">Välj en part som är ifylld under Parter.</a>')
    }

    def "a percentage rule that adds up to 90 is refused at the rule"() {
        when:
        def page = browser('POST', '/simulering', defaults + [premisesRule: 'PERCENT', 'service-0-premisesPercent': '30',
                'service-1-premisesPercent': '20', 'service-2-premisesPercent': '20', 'service-3-premisesPercent': '20'], cookies.styrgrupp)

        then:
        page.status == 422
        page.text.contains('<a href="#premisesRule">Procentsatserna blir 90 procent i stället för 100.</a>')
    }

    def "a field of row #row, which no form has, is no 500 and makes no page of rows: the plan computes without it"() {
        when:
        def page = browser('POST', '/simulering', defaults + [("party-$row-name".toString()): 'Påhittad'], cookies.styrgrupp)

        then:
        page.status == 200
        !page.text.contains('Påhittad')
        (page.text =~ /<legend>Part \d+<\/legend>/).size() == ScenarioForm.MIN_PARTIES

        where:
        row << ['100', '99999999999']
    }

    def "the steering group saves the form as a plan; it is listed, opens into the form with its results, and its PDF and CSV open with the session"() {
        when:
        def save = browser('POST', '/simulering/spara', defaults + [name: "Plan $suffix".toString()], cookies.styrgrupp)
        planId = (save.header('Location') =~ /\/simulering\/planer\/(\d+)/)[0][1] as long
        def list = browser('GET', '/simulering/planer', null, cookies.styrgrupp)
        def open = browser('GET', "/simulering/planer/$planId", null, cookies.styrgrupp)
        def pdf = browser('GET', "/api/v1/scenarios/$planId/decision-basis.pdf", null, cookies.styrgrupp)
        def csv = browser('GET', "/api/v1/scenarios/$planId/result.csv", null, cookies.styrgrupp)
        def start = browser('GET', '/', null, cookies.styrgrupp)

        then:
        save.status == 303
        list.status == 200
        list.text.contains("<a href=\"/simulering/planer/$planId\">Plan $suffix</a>")
        open.status == 200
        formValues(open.text, 'simuleringsformular').name == "Plan $suffix".toString()
        formValues(open.text, 'simuleringsformular').premisesRule == 'AREA'
        sameAsApi(open.text, api.post('/api/v1/scenarios/compute', JsonOutput.toJson(defaultPlan(defaults.start))).json)
        open.text.contains("href=\"/api/v1/scenarios/$planId/decision-basis.pdf\"")
        pdf.status == 200
        pdf.header('Content-Type').startsWith('application/pdf')
        new String(pdf.bytes, 0, 5, 'ISO-8859-1') == '%PDF-'
        csv.status == 200
        csv.header('Content-Type').startsWith('text/csv')
        start.text.contains("<a href=\"/simulering/planer/$planId\">Plan $suffix</a>")
    }

    def "the unsaved form gives its PDF and CSV from the page's own routes"() {
        when:
        def pdf = browser('POST', '/simulering/beslutsunderlag.pdf', defaults, cookies.styrgrupp)
        def csv = browser('POST', '/simulering/resultat.csv', defaults, cookies.styrgrupp)
        def bad = browser('POST', '/simulering/resultat.csv', defaults + [horizonYears: '0'], cookies.styrgrupp)

        then:
        pdf.status == 200
        new String(pdf.bytes, 0, 5, 'ISO-8859-1') == '%PDF-'
        csv.status == 200
        csv.header('Content-Type').startsWith('text/csv')
        bad.status == 422
        bad.text.contains('<a href="#horizonYears">')
    }

    def "copy, change the copy's rule and compare: the difference per party and year is the API's"() {
        when:
        def copy = browser('POST', "/simulering/planer/$planId/kopiera", [:], cookies.styrgrupp)
        copyId = (copy.header('Location') =~ /\/simulering\/planer\/(\d+)/)[0][1] as long
        def opened = browser('GET', "/simulering/planer/$copyId", null, cookies.styrgrupp)
        Map form = formValues(opened.text, 'simuleringsformular')
        def changed = browser('POST', "/simulering/planer/$copyId", form + [premisesRule: 'EQUAL'], cookies.styrgrupp)
        def compared = browser('GET', "/simulering/jamfor?a=$planId&b=$copyId", null, cookies.styrgrupp)
        def expected = api.get("/api/v1/scenarios/compare?a=$planId&b=$copyId").json

        then:
        copy.status == 303
        copyId != planId
        form.name == "Plan $suffix (kopia)".toString()
        form.planId == copyId as String
        changed.status == 303
        api.get("/api/v1/scenarios/$copyId").json.plan.rules.PREMISES[0].rule == 'EQUAL'
        compared.status == 200
        expected.differenceBMinusA[municipality].values().any { new BigDecimal(it as String) != 0 }
        expected.differenceBMinusA.every { org, years ->
            years.every { year, amount ->
                String shown = cell(compared.text, "skillnad-$year-$org")
                BigDecimal d = new BigDecimal(amount as String)
                shown == (d > 0 ? '+' : '') + WebPagesSpec.swedish(amount as String) + ' kr'
            }
        }
    }

    def "another municipality's steering group sees none of it: the plan, its comparison and its follow-up are 404 pages"() {
        expect:
        browser('GET', "/simulering/planer/$planId", null, cookies.annan).status == 404
        browser('GET', "/simulering/jamfor?a=$planId&b=$copyId", null, cookies.annan).status == 404
        browser('GET', "/simulering/planer/$planId/uppfoljning", null, cookies.annan).status == 404
        browser('POST', "/simulering/planer/$planId/kopiera", [:], cookies.annan).status == 404
        !browser('GET', '/simulering/planer', null, cookies.annan).text.contains("Plan $suffix")
    }

    def "a finance officer reads and computes, but cannot save, change, copy or delete: a Swedish refusal"() {
        when:
        def form = browser('GET', '/simulering', null, cookies.ekonom)
        def computed = browser('POST', '/simulering', defaults, cookies.ekonom)
        def save = browser('POST', '/simulering/spara', defaults + [name: 'Ekonomens plan'], cookies.ekonom)
        def change = browser('POST', "/simulering/planer/$planId", defaults, cookies.ekonom)
        def open = browser('GET', "/simulering/planer/$planId", null, cookies.ekonom)

        then:
        form.status == 200
        !form.text.contains('Spara som ny plan')
        computed.status == 200
        save.status == 403
        save.text.contains('Bara styrgruppen kan spara, ändra, kopiera och ta bort planer.')
        change.status == 403
        open.status == 200
        !open.text.contains('Kopiera planen')
    }

    def "a plan is deleted after a confirmation; the list no longer has it"() {
        given:
        def save = browser('POST', '/simulering/spara', defaults + [name: "Bort $suffix".toString()], cookies.styrgrupp)
        long id = (save.header('Location') =~ /\/simulering\/planer\/(\d+)/)[0][1] as long

        when:
        def confirm = browser('GET', "/simulering/planer/$id/ta-bort", null, cookies.styrgrupp)
        Map form = formValues(confirm.text, 'ta-bort-formular')
        def deleted = browser('POST', "/simulering/planer/$id/ta-bort", form, cookies.styrgrupp)

        then:
        confirm.status == 200
        form.version == '1'
        deleted.status == 303
        browser('GET', "/simulering/planer/$id", null, cookies.styrgrupp).status == 404
        !browser('GET', '/simulering/planer', null, cookies.styrgrupp).text.contains("Bort $suffix")
    }

    def "a decided plan cannot change or go away, said in Swedish; its follow-up opens"() {
        when:
        def centre = api.post("/api/v1/scenarios/$planId/centre")
        def opened = browser('GET', "/simulering/planer/$planId", null, cookies.styrgrupp)
        def change = browser('POST', "/simulering/planer/$planId", formValues(opened.text, 'simuleringsformular'), cookies.styrgrupp)
        def delete = browser('POST', "/simulering/planer/$planId/ta-bort", [version: '2'], cookies.styrgrupp)
        def follow = browser('GET', "/simulering/planer/$planId/uppfoljning", null, cookies.styrgrupp)
        def notDecided = browser('GET', "/simulering/planer/$copyId/uppfoljning", null, cookies.styrgrupp)

        then:
        centre.status == 201
        opened.text.contains('är beslutad och har blivit familjecentral')
        !opened.text.contains('Spara ändringar')
        change.status == 409
        change.text.contains('kan inte ändras eller tas bort. Kopiera den för att planera vidare.')
        delete.status == 409
        follow.status == 200
        follow.text.contains("Uppföljning: Plan $suffix")
        follow.text.contains('id="uppfoljning-' + defaults.start.substring(0, 4) + '"')
        notDecided.status == 409
    }

    def "after its first quarter is issued, the follow-up page shows the API's budget, allocation and invoiced net, to the öre"() {
        given:
        long centre = api.get("/api/v1/scenarios/$planId").json.centreId as long
        String year = defaults.start.substring(0, 4)
        api.issued(centre, "$year-Q1")

        when:
        def page = browser('GET', "/simulering/planer/$planId/uppfoljning", null, cookies.styrgrupp)
        Map followUp = api.get("/api/v1/scenarios/$planId/follow-up").json.years.find { it.year == year as int } as Map
        def shown = rows(page.text, "uppfoljning-$year")

        then:
        page.status == 200
        shown.size() == followUp.entities.size()
        followUp.entities.every { e ->
            def row = shown.find { it[0].endsWith("(${e.organisationNumber})") }
            row[1] == WebPagesSpec.swedish(e.budget.total as String) + ' kr' &&
                    row[2] == WebPagesSpec.swedish(e.allocated.total as String) + ' kr' &&
                    row[3] == signed(e.allocatedLessBudget as String) &&
                    row[4] == "$year-Q1" &&
                    row[5] == WebPagesSpec.swedish(e.invoiced.net as String) + ' kr' &&
                    row[6] == WebPagesSpec.swedish(e.invoiced.budgetNet as String) + ' kr' &&
                    row[7] == signed(e.invoiced.netLessBudget as String)
        }

        and: 'the quarter moved money: the invoiced net is not zero for every party'
        followUp.entities.any { new BigDecimal(it.invoiced.net as String) != 0 }
    }
}
