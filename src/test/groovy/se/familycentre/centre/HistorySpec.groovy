package se.familycentre.centre

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.invoicing.StatementApi
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.exampleA
import static se.familycentre.invoicing.StatementApi.orgNo

/**
 * A change recorded today must not change what an earlier period computes (issue 3, RULES §3), and
 * a change that would alter anything an issued period's statements printed or were computed from
 * is refused while they stand (RULES §5).
 */
@MicronautTest(transactional = false)
class HistorySpec extends Specification {

    static final String ISSUED_PERIOD = 'urn:problem:family-centre:issued-period'

    @Inject
    @Client("/")
    HttpClient client

    String importFixture(String file) {
        def response = client.toBlocking().exchange(HttpRequest.POST('/api/v1/centres/import',
                new File("fixtures/${file}").getText('UTF-8')).contentType(MediaType.APPLICATION_JSON), Map)
        assert response.status.code == 201
        response.body().id as String
    }

    String get(String path) {
        client.toBlocking().retrieve(HttpRequest.GET(path), String)
    }

    def "a salary revision from 2025-04-01 leaves 2025-Q1 the same to the öre and changes 2025-Q2"() {
        given:
        def id = importFixture('solrosen-goteborg.json')
        def q1Before = get("/api/v1/centres/${id}/allocation?period=2025-Q1")
        def q2Before = get("/api/v1/centres/${id}/allocation?period=2025-Q2")
        def coordinators = new JsonSlurper().parseText(get("/api/v1/centres/${id}/coordinators")) as List
        def coordinator = coordinators[0] as Map
        def etag = client.toBlocking().exchange(HttpRequest.GET("/api/v1/centres/${id}/coordinators/${coordinator.id}"), String)
                .header('ETag')

        when: 'the revision is recorded as a dated change of the same coordinator'
        coordinator.salaryChanges = [[from: '2025-04-01', amount: '44100']]
        def put = client.toBlocking().exchange(HttpRequest.PUT("/api/v1/centres/${id}/coordinators/${coordinator.id}",
                JsonOutput.toJson(coordinator)).contentType(MediaType.APPLICATION_JSON).header('If-Match', etag), String)

        then:
        put.status.code == 200
        get("/api/v1/centres/${id}/allocation?period=2025-Q1") == q1Before
        get("/api/v1/centres/${id}/allocation?period=2025-Q2") != q2Before

        and: 'the Q2 salary line is three months of the revised salary'
        def q2 = new JsonSlurper().parseText(get("/api/v1/centres/${id}/allocation?period=2025-Q2"))
        q2.lines.find { it.id == "${coordinator.id}/salary" as String }.total.amount == '132300.00'
    }

    def "a cost line's new amount from a future date leaves past periods untouched"() {
        given:
        def id = importFixture('backen-boras.json')
        def lines = new JsonSlurper().parseText(get("/api/v1/centres/${id}/cost-lines")) as List
        def line = lines.find { it.periodicity != 'ONCE' } as Map
        def etag = client.toBlocking().exchange(HttpRequest.GET("/api/v1/centres/${id}/cost-lines/${line.id}"), String)
                .header('ETag')
        def before = get("/api/v1/centres/${id}/allocation?from=2024-03-01&to=2025-06-30")

        when:
        line.changes = (line.changes ?: []) + [[from: '2025-07-01', amount: '999999']]
        client.toBlocking().exchange(HttpRequest.PUT("/api/v1/centres/${id}/cost-lines/${line.id}",
                JsonOutput.toJson(line)).contentType(MediaType.APPLICATION_JSON).header('If-Match', etag), String)

        then:
        get("/api/v1/centres/${id}/allocation?from=2024-03-01&to=2025-06-30") == before
    }

    // ---- issued periods (RULES §5) ---------------------------------------------------------

    StatementApi getApi() {
        new StatementApi(client)
    }

    /**
     * Example A on entities of its own, with a fifth shared room (a kitchen: not one of the minimum
     * set, and under AREA shared rooms weigh nothing, so removing it changes no amount), and a third
     * registered entity the centre does not use; 2025-Q1 issued.
     */
    Map issuedExampleA() {
        String region = orgNo()
        String municipality = orgNo()
        String other = orgNo()
        assert api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: other, name: 'Privat vårdgivare AB'])).status == 201
        Map doc = new JsonSlurper().parseText(exampleA(region, municipality)) as Map
        doc.centre.rooms = (doc.centre.rooms as List) + [[id: 'kitchen', type: 'KITCHEN', area: 12]]
        long centre = api.importCentre(JsonOutput.toJson(doc))
        [centre: centre, region: region, municipality: municipality, other: other, statements: api.issued(centre)]
    }

    /** Everything stored of the centre, as its export reads it back. */
    String readBack(long centre) {
        def a = api.get("/api/v1/centres/$centre/export")
        assert a.status == 200
        a.text
    }

    /** GET the resource, change its JSON with {@code edit} and PUT it back with its ETag. */
    StatementApi.Answer edit(String path, Closure<Map> edit) {
        def current = api.get(path)
        assert current.status == 200: "$path: $current"
        Map body = edit(current.json as Map)
        api.put(path, JsonOutput.toJson(body), ['If-Match': current.header('ETag')])
    }

    /**
     * What 2025-Q1 computes: classification, lines and flows, without the 0.00 shares a service
     * that takes no part in the period has of every line.
     */
    Map computed(long centre) {
        Map a = new JsonSlurper().parseText(get("/api/v1/centres/${centre}/allocation?period=2025-Q1")) as Map
        (a.lines as List<Map>).each { line -> line.shares = (line.shares as List<Map>).findAll { it.amount.amount != '0.00' } }
        [classification: a.classification, lines: a.lines, flows: a.flows]
    }

    /** Runs a where-block's change on this feature's instance (the one with the injected client). */
    StatementApi.Answer attempt(Closure<StatementApi.Answer> change, Map issued) {
        change.rehydrate(this, this, this).call(issued)
    }

    StatementApi.Answer delete(String path) {
        def current = api.get(path)
        assert current.status == 200: "$path: $current"
        api.exchange(HttpRequest.DELETE(path).header('If-Match', current.header('ETag')))
    }

    def "while 2025-Q1 stands, #what is refused with 409 issued-period and nothing is written; after crediting it is allowed"() {
        given:
        Map issued = issuedExampleA()
        long centre = issued.centre as long
        String before = readBack(centre)

        when:
        def refused = attempt(change, issued)

        then:
        refused.status == 409
        refused.json.type == ISSUED_PERIOD
        refused.json.errors*.field == ['period 2025-Q1']
        issued.statements.every { refused.text.contains(it.number as String) }
        refused.json.errors[0].reason.contains(altered)

        and: 'nothing was written'
        readBack(centre) == before

        when: 'every statement of the period is credited'
        issued.statements.each { assert api.credit(it.id as long).status == 201 }
        def allowed = attempt(change, issued)

        then:
        allowed.status in [200, 204]
        readBack(centre) != before

        where:
        what                                          | altered                    | change
        'moving a service to another legal entity'    | 'service SOC'              | { Map i -> edit("/api/v1/centres/${i.centre}/services/SOC") { it + [entity: i.other] } }
        'deleting a shared room'                      | 'room kitchen'             | { Map i -> delete("/api/v1/centres/${i.centre}/rooms/kitchen") }
        'resizing a shared room'                      | 'room kitchen'             | { Map i -> edit("/api/v1/centres/${i.centre}/rooms/kitchen") { it + [area: 14] } }
        'renaming the centre'                         | "the centre's name"        | { Map i -> edit("/api/v1/centres/${i.centre}") { [name: 'Familjecentralen Nya namnet', rules: it.rules] } }
        'renaming a service'                          | 'service BMM'              | { Map i -> edit("/api/v1/centres/${i.centre}/services/BMM") { it + [name: 'Barnmorskemottagningen Centrum'] } }
        'renaming a cost line'                        | 'cost line rent'           | { Map i -> edit("/api/v1/centres/${i.centre}/cost-lines/rent") { it + [name: 'Hyra gemensamma ytor'] } }
        'changing a service\'s cost reference'        | 'service BVC'              | { Map i -> edit("/api/v1/centres/${i.centre}/services/BVC") { it + [costReference: 'KST 4711'] } }
        'making a co-located service not share premises' | 'service SOC'           | { Map i -> edit("/api/v1/centres/${i.centre}/services/SOC") { it + [sharesPremises: false] } }
    }

    def "while 2025-Q1 stands, #what is allowed: it does not touch the issued period"() {
        given:
        Map issued = issuedExampleA()
        long centre = issued.centre as long
        Map q1 = computed(centre)

        when:
        def answer = attempt(change, issued)

        then:
        answer.status in [200, 201, 204]
        computed(centre) == q1

        where:
        what                                           | change
        'a cost line\'s new amount from 2025-04-01'    | { Map i -> edit("/api/v1/centres/${i.centre}/cost-lines/rent") { it + [changes: [[from: '2025-04-01', amount: '140000']]] } }
        'a service of another entity joining 2025-04-01' | { Map i -> api.post("/api/v1/centres/${i.centre}/services", JsonOutput.toJson([id: 'TAND', type: 'OTHER', entity: i.other, from: '2025-04-01', pools: ['JOINT']])) }
        'a room built from 2025-04-01'                 | { Map i -> api.post("/api/v1/centres/${i.centre}/rooms", JsonOutput.toJson([id: 'group-room', type: 'GROUP_ROOM', area: 30, from: '2025-04-01'])) }
        'a shared room removed from 2025-04-01'        | { Map i -> edit("/api/v1/centres/${i.centre}/rooms/kitchen") { it + [to: '2025-03-31'] } }
        'a service leaving after the period'           | { Map i -> edit("/api/v1/centres/${i.centre}/services/SOC") { it + [to: '2025-06-30'] } }
    }

    def "renaming a legal entity stays allowed while statements stand, and the issued statements keep the name they printed"() {
        given:
        Map issued = issuedExampleA()
        String region = issued.region
        Map printed = issued.statements.find { it.content.debtor.organisationNumber == region } as Map

        when:
        def renamed = edit("/api/v1/entities/${region}") {
            [organisationNumber: region, name: 'Västra Götalandsregionen, Regionkansliet']
        }

        then:
        renamed.status == 200
        api.statement(printed.id as long).content.debtor.name == printed.content.debtor.name
        api.statement(printed.id as long).content == printed.content
    }
}
