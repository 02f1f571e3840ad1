package se.familycentre.web.api

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
 * Saved plans over HTTP (issue 11): a steering group saves, reads, changes at a version, copies,
 * compares and deletes its plans, and sees only those of its own legal entities; a finance officer
 * reads them and makes the decided one a centre, once; after a quarter is issued the follow-up
 * shows the budget against the allocation and the statements.
 */
@Stepwise
@MicronautTest(transactional = false)
class SavedScenarioApiSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    @Shared String region = StatementApi.orgNo()
    @Shared String municipality = StatementApi.orgNo()
    @Shared String otherMunicipality = StatementApi.orgNo()
    @Shared String suffix = UUID.randomUUID().toString().substring(0, 8)
    @Shared Map<String, String> auth = [:]
    @Shared long planId
    @Shared long copyId

    StatementApi getApi() {
        new StatementApi(http)
    }

    Map plan(Map changes = [:]) {
        planOf(region, municipality) + changes
    }

    /** A two-year plan from 2025 for a region's two services and a municipality's two, the municipality employing. */
    static Map planOf(String region, String municipality) {
        [name        : 'Familjecentralen Öster', start: '2025-01-01', horizonYears: 2,
         entities    : [[organisationNumber: region, name: 'Regionen'],
                        [organisationNumber: municipality, name: 'Kommunen']],
         services    : [[id: 'bmm', type: 'MIDWIFE_CLINIC', entity: region, dedicatedArea: 30],
                        [id: 'bvc', type: 'CHILD_HEALTH', entity: region, dedicatedArea: 45],
                        [id: 'of', type: 'OPEN_PRESCHOOL', entity: municipality, dedicatedArea: 80],
                        [id: 'soc', type: 'SOCIAL_SERVICES', entity: municipality, dedicatedArea: 20]],
         rentPerSquareMetreYear: '1850', cleaningPerYear: '60000', jointActivitiesPerYear: '40000',
         coordinator : [employer: 'of', monthlySalary: '42000', onCostPercent: '41.5',
                        competenceDevelopmentPerYear: '15000'],
         assumptions : [salaryIncreasePercent: '3'],
         rules       : [PREMISES: [[rule: 'AREA']]]]
    }

    StatementApi.Answer as(String who, String method, String path, String body = null, Map headers = [:]) {
        MutableHttpRequest<?> request = switch (method) {
            case 'GET' -> HttpRequest.GET(path)
            case 'POST' -> HttpRequest.POST(path, body ?: '').contentType(MediaType.APPLICATION_JSON_TYPE)
            case 'PUT' -> HttpRequest.PUT(path, body ?: '').contentType(MediaType.APPLICATION_JSON_TYPE)
            case 'DELETE' -> HttpRequest.DELETE(path)
            default -> throw new IllegalArgumentException(method)
        }
        request.header('Authorization', auth[who])
        headers.each { k, v -> request.header(k as String, v as String) }
        api.exchange(request)
    }

    def "users: a steering group and a finance officer of the municipality, a steering group of another"() {
        expect:
        user('steering', ['STEERING'], [municipality])
        user('finance', ['FINANCE'], [municipality])
        user('other', ['STEERING'], [otherMunicipality])
        user('system', ['SYSTEM'], [municipality])
    }

    private boolean user(String name, List<String> roles, List<String> entities) {
        // an entity must be registered before a user acts for it
        entities.each { org ->
            if (api.get("/api/v1/entities/$org").status == 404) {
                assert api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: org, name: "Entity $org"])).status == 201
            }
        }
        String username = "$name-$suffix"
        String password = "$username-password-1"
        def a = api.post('/api/v1/users', JsonOutput.toJson([username: username, displayName: name, password: password,
                roles: roles, entities: entities, mustChangePassword: false]))
        assert a.status == 201: "$a"
        auth[name] = AdminByDefault.basic(username, password)
        true
    }

    def "a steering group saves a plan: 201, its version as ETag, and it reads back as saved"() {
        when:
        def saved = as('steering', 'POST', '/api/v1/scenarios', JsonOutput.toJson(plan()))
        planId = saved.json.id as long
        def read = as('steering', 'GET', "/api/v1/scenarios/$planId")

        then:
        saved.status == 201
        saved.header('ETag') == '"1"'
        saved.header('Location') == "/api/v1/scenarios/$planId"
        saved.json.parties == [region, municipality].sort()
        read.status == 200
        read.json.plan.services*.id == ['bmm', 'bvc', 'of', 'soc']
        read.json.plan.rentPerSquareMetreYear == '1850'
        read.json.centreId == null
        as('steering', 'GET', '/api/v1/scenarios').json.items*.id*.toLong().contains(planId)
    }

    def "another municipality's steering group neither lists nor reads it; a system token may not read plans"() {
        expect:
        !as('other', 'GET', '/api/v1/scenarios').json.items*.id*.toLong().contains(planId)
        as('other', 'GET', "/api/v1/scenarios/$planId").status == 404
        as('other', 'PUT', "/api/v1/scenarios/$planId", JsonOutput.toJson(plan()), ['If-Match': '"1"']).status == 404
        as('other', 'GET', "/api/v1/scenarios/$planId/follow-up").status == 404
        as('system', 'GET', '/api/v1/scenarios').status == 403
        as('system', 'POST', '/api/v1/scenarios/compute', JsonOutput.toJson(plan())).status == 403
    }

    def "a plan none of whose entities is the principal's is refused naming entities, and nothing is saved"() {
        when:
        int before = as('other', 'GET', '/api/v1/scenarios').json.totalItems as int
        def a = as('other', 'POST', '/api/v1/scenarios', JsonOutput.toJson(plan()))

        then:
        a.status == 422
        a.json.errors*.field == ['entities']
        as('other', 'GET', '/api/v1/scenarios').json.totalItems as int == before
    }

    def "a plan without a name cannot be saved: 422 naming name"() {
        when:
        def a = as('steering', 'POST', '/api/v1/scenarios', JsonOutput.toJson(plan().findAll { it.key != 'name' }))

        then:
        a.status == 422
        a.json.errors*.field == ['name']
    }

    def "a change names the version it changes: none is 428, an old one 412, the current one 200 and the next version"() {
        given:
        String changed = JsonOutput.toJson(plan(cleaningPerYear: '65000'))

        expect:
        as('steering', 'PUT', "/api/v1/scenarios/$planId", changed).status == 428
        as('steering', 'PUT', "/api/v1/scenarios/$planId", changed, ['If-Match': '"7"']).status == 412
        with(as('steering', 'PUT', "/api/v1/scenarios/$planId", changed, ['If-Match': '"1"'])) {
            status == 200
            header('ETag') == '"2"'
            json.plan.cleaningPerYear == '65000'
        }
    }

    def "a finance officer reads the plan but does not change it"() {
        expect:
        as('finance', 'GET', "/api/v1/scenarios/$planId").status == 200
        as('finance', 'PUT', "/api/v1/scenarios/$planId", JsonOutput.toJson(plan()), ['If-Match': '"2"']).status == 403
        as('finance', 'POST', "/api/v1/scenarios/$planId/copy").status == 403
    }

    def "a copy takes the original's name with (kopia), or the name given; the rule changed in the copy is compared with the original"() {
        when:
        def copy = as('steering', 'POST', "/api/v1/scenarios/$planId/copy", JsonOutput.toJson([name: 'Lika delar']))
        copyId = copy.json.id as long
        def unnamed = as('steering', 'POST', "/api/v1/scenarios/$planId/copy")
        def changed = as('steering', 'PUT', "/api/v1/scenarios/$copyId",
                JsonOutput.toJson(plan(name: 'Lika delar', cleaningPerYear: '65000', rules: [PREMISES: [[rule: 'EQUAL']]])),
                ['If-Match': '"1"'])
        def compared = as('steering', 'GET', "/api/v1/scenarios/compare?a=$planId&b=$copyId")
        def computed = as('steering', 'GET', "/api/v1/scenarios/$planId/result")
        def equal = computed.json.premisesRuleComparison.find { it.premisesRule == 'EQUAL' }

        then:
        copy.status == 201
        copy.json.name == 'Lika delar'
        unnamed.json.name == 'Familjecentralen Öster (kopia)'
        changed.status == 200

        and: 'b less a is what the plan\'s own rule comparison says EQUAL costs each entity more'
        compared.status == 200
        compared.json.a.name == 'Familjecentralen Öster'
        compared.json.b.name == 'Lika delar'
        compared.json.differenceBMinusA == equal.differenceFromPlan
        (compared.json.differenceBMinusA[region]['2025'] as BigDecimal) > 0

        cleanup:
        as('steering', 'DELETE', "/api/v1/scenarios/${unnamed.json.id}", null, ['If-Match': '"1"'])
    }

    def "the decision basis and the CSV carry the plan's figures: in Swedish formats, each party's total of each year"() {
        when:
        def result = as('steering', 'GET', "/api/v1/scenarios/$planId/result")
        def pdf = as('steering', 'GET', "/api/v1/scenarios/$planId/decision-basis.pdf")
        def csv = as('finance', 'GET', "/api/v1/scenarios/$planId/result.csv")
        def unsaved = as('steering', 'POST', '/api/v1/scenarios/compute/decision-basis.pdf', JsonOutput.toJson(plan()))
        assert pdf.status == 200: "$pdf"
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(pdf.bytes))
                .replaceAll('[\\s\\u00a0\\u202f]', '')
        String rows = new String(csv.bytes, 'UTF-8')
        List<String> totals = result.json.years.collectMany { y -> y.entities*.total }

        then:
        pdf.status == 200
        pdf.header('Content-Type').startsWith('application/pdf')
        text.contains('Beslutsunderlag')
        text.contains('FamiljecentralenÖster')
        totals.every { text.contains(it.replace('.', ',')) }
        csv.status == 200
        csv.header('Content-Type').startsWith('text/csv')
        totals.every { rows.contains(';' + it.replace('.', ',') + ';') }
        unsaved.status == 200
        new String(unsaved.bytes, 0, 5, 'ISO-8859-1') == '%PDF-'
        as('other', 'GET', "/api/v1/scenarios/$planId/decision-basis.pdf").status == 404
    }

    def "a steering group deletes the copy at its version; it is gone"() {
        expect:
        as('steering', 'DELETE', "/api/v1/scenarios/$copyId").status == 428
        as('steering', 'DELETE', "/api/v1/scenarios/$copyId", null, ['If-Match': '"2"']).status == 204
        as('steering', 'GET', "/api/v1/scenarios/$copyId").status == 404
    }

    def "before it is a centre, the plan has no follow-up"() {
        expect:
        as('steering', 'GET', "/api/v1/scenarios/$planId/follow-up").status == 409
    }

    def "the decided plan becomes a centre by a finance officer, once; the steering group may not make it one"() {
        when:
        def refused = as('steering', 'POST', "/api/v1/scenarios/$planId/centre")
        def made = as('finance', 'POST', "/api/v1/scenarios/$planId/centre")
        def again = as('finance', 'POST', "/api/v1/scenarios/$planId/centre")
        long centre = made.json.id as long
        def stored = as('finance', 'GET', "/api/v1/centres/$centre/export")

        then:
        refused.status == 403
        made.status == 201
        made.header('Location') == "/api/v1/centres/$centre"
        again.status == 409
        as('steering', 'GET', "/api/v1/scenarios/$planId").json.centreId == centre

        and: 'the centre is the plan: its services, the minimum rooms and the salary raised on 1 April 2025 and 2026'
        stored.status == 200
        stored.json.centre.services*.id == ['bmm', 'bvc', 'of', 'soc']
        stored.json.centre.coordinators[0].salaryChanges*.from == ['2025-04-01', '2026-04-01']
        stored.json.centre.coordinators[0].salaryChanges*.amount*.toBigDecimal() == [43260, 44557.8]

        and: 'the decided plan is the centre\'s budget now: it is not changed or deleted'
        as('steering', 'PUT', "/api/v1/scenarios/$planId", JsonOutput.toJson(plan()), ['If-Match': '"3"']).status == 409
        as('steering', 'DELETE', "/api/v1/scenarios/$planId", null, ['If-Match': '"3"']).status == 409
    }

    def "after the first quarter is issued, the follow-up shows budget against allocation and statements, to the öre"() {
        given:
        long centre = as('steering', 'GET', "/api/v1/scenarios/$planId").json.centreId as long
        List<Map> issued = api.issued(centre, '2025-Q1')

        when:
        def f = as('steering', 'GET', "/api/v1/scenarios/$planId/follow-up")
        Map y2025 = f.json.years.find { it.year == 2025 } as Map
        Map muni = y2025.entities.find { it.organisationNumber == municipality } as Map
        Map reg = y2025.entities.find { it.organisationNumber == region } as Map
        BigDecimal owedToMuni = issued.findAll { it.content.creditor.organisationNumber == municipality }
                .collect { it.content.total.amount as BigDecimal }.sum(0.0) as BigDecimal
        BigDecimal owedByMuni = issued.findAll { it.content.debtor.organisationNumber == municipality }
                .collect { it.content.total.amount as BigDecimal }.sum(0.0) as BigDecimal

        then:
        f.status == 200
        f.json.centreId == centre
        f.json.years*.year == [2025, 2026]

        and: 'the register holds the plan, so the year allocates to the öre as budgeted'
        muni.allocated.total == muni.budget.total
        muni.allocatedLessBudget == '0.00'
        reg.allocatedLessBudget == '0.00'

        and: 'the first quarter is invoiced: the municipality (employer and premises payer) is owed what the budget said'
        muni.invoiced.quarters == ['2025-Q1']
        (muni.invoiced.net as BigDecimal) == owedToMuni - owedByMuni
        (muni.invoiced.net as BigDecimal) > 0
        muni.invoiced.netLessBudget == '0.00'
        (reg.invoiced.net as BigDecimal) == -(muni.invoiced.net as BigDecimal)
        f.json.years.find { it.year == 2026 }.entities.every { it.invoiced.quarters == [] }
    }

    def "eight requests racing to make one plan a centre make one: one 201, seven 409, one centre"() {
        given:
        long id = as('steering', 'POST', '/api/v1/scenarios', JsonOutput.toJson(plan(name: 'Kapplöpningen'))).json.id as long
        int centresBefore = api.get('/api/v1/centres?size=1').json.totalItems as int

        when:
        def pool = java.util.concurrent.Executors.newFixedThreadPool(8)
        def results = pool.invokeAll((1..8).collect {
            { -> as('finance', 'POST', "/api/v1/scenarios/$id/centre").status } as java.util.concurrent.Callable
        })*.get()
        pool.shutdown()

        then:
        results.count { it == 201 } == 1
        results.count { it == 409 } == 7
        api.get('/api/v1/centres?size=1').json.totalItems as int == centresBefore + 1
    }
}
