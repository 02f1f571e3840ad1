package se.familycentre.access

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import javax.sql.DataSource
import se.familycentre.invoicing.StatementApi
import se.familycentre.web.AdminByDefault
import spock.lang.Specification
import spock.lang.Unroll

import static se.familycentre.invoicing.StatementApi.exampleA
import static se.familycentre.invoicing.StatementApi.orgNo

/**
 * Who may see and do what (issue 9), as a role × endpoint table: each principal in scope and out of
 * scope, anonymous, an expired and a revoked token, a disabled user; a refusal writes nothing.
 * Göteborg-like municipality A and region A run centre A; municipality B and region B run centre B.
 */
@MicronautTest(transactional = false)
class AccessSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    DataSource dataSource

    /** Built once for the whole table: the database lives as long as the spec's application context. */
    static World world

    static class World {
        String regionA, muniA, regionB, muniB
        long centreA, centreB, statementA, statementB, userFinanceA
        Map<String, String> auth = [:]
    }

    StatementApi getApi() {
        new StatementApi(http)
    }

    def setup() {
        if (world != null) {
            return
        }
        World w = new World(regionA: orgNo(), muniA: orgNo(), regionB: orgNo(), muniB: orgNo())
        w.centreA = api.importCentre(exampleA(w.regionA, w.muniA))
        w.centreB = api.importCentre(exampleA(w.regionB, w.muniB))
        w.statementA = (api.issued(w.centreA).find { it.content.debtor.organisationNumber == w.muniA || it.content.creditor.organisationNumber == w.muniA } as Map).id as long
        w.statementB = (api.issued(w.centreB)[0] as Map).id as long
        w.auth.admin = AdminByDefault.basic('admin', AdminByDefault.PASSWORD)
        w.userFinanceA = user(w, 'finance-a', ['FINANCE'], [w.muniA])
        user(w, 'steering-a', ['STEERING'], [w.muniA])
        long disabled = user(w, 'disabled-a', ['FINANCE'], [w.muniA])
        assert api.put("/api/v1/users/$disabled", JsonOutput.toJson([disabled: true])).status == 200
        w.auth.system = 'Bearer ' + token(w, [name: 'VGR ledger', entities: [w.regionA]])
        w.auth.systemIssuer = 'Bearer ' + token(w, [name: 'VGR issuer', entities: [w.regionA], mayIssue: true])
        String revoked = token(w, [name: 'revoked', entities: [w.regionA]])
        w.auth.revoked = 'Bearer ' + revoked
        Map listed = api.get('/api/v1/tokens').json.items.find { it.name == 'revoked' } as Map
        assert api.exchange(HttpRequest.DELETE("/api/v1/tokens/${listed.id}")).status == 204
        String expired = token(w, [name: 'expired', entities: [w.regionA]])
        w.auth.expired = 'Bearer ' + expired
        io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).connection.withCloseable { c ->
            c.prepareStatement("UPDATE api_token SET expires_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' "
                    + "WHERE name = 'expired'").executeUpdate()
        }
        w.auth.unknownToken = 'Bearer fct_' + 'x' * 43
        w.auth.wrongPassword = AdminByDefault.basic('finance-a', 'not-the-password')
        world = w
    }

    private long user(World w, String name, List<String> roles, List<String> entities) {
        String password = "$name-password-1"
        def a = api.post('/api/v1/users', JsonOutput.toJson([username: name, displayName: name, password: password,
                roles: roles, entities: entities, mustChangePassword: false]))
        assert a.status == 201: "$a"
        w.auth[name] = AdminByDefault.basic(name, password)
        a.json.id as long
    }

    private String token(World w, Map body) {
        def a = api.post('/api/v1/tokens', JsonOutput.toJson(body))
        assert a.status == 201: "$a"
        assert a.json.token.startsWith('fct_')
        a.json.token
    }

    /** Everything a refusal must leave as it was. */
    List<Long> written() {
        io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).connection.withCloseable { c ->
            ['SELECT COUNT(*) FROM centre', 'SELECT COALESCE(SUM(version), 0) FROM centre',
             'SELECT COALESCE(SUM(version), 0) FROM centre_service', 'SELECT COUNT(*) FROM statement',
             'SELECT COUNT(*) FROM legal_entity', 'SELECT COUNT(*) FROM app_user',
             'SELECT COALESCE(SUM(version), 0) FROM app_user', 'SELECT COUNT(*) FROM api_token',
             'SELECT COUNT(*) FROM api_token WHERE revoked_at IS NOT NULL', 'SELECT COUNT(*) FROM job'].collect { sql ->
                def rs = c.createStatement().executeQuery(sql)
                rs.next()
                rs.getLong(1)
            }
        }
    }

    StatementApi.Answer ask(String principal, String method, String path, String body) {
        MutableHttpRequest<?> request = switch (method) {
            case 'GET' -> HttpRequest.GET(path)
            case 'POST' -> HttpRequest.POST(path, body ?: '').contentType(MediaType.APPLICATION_JSON_TYPE)
            case 'PUT' -> HttpRequest.PUT(path, body ?: '').contentType(MediaType.APPLICATION_JSON_TYPE)
            case 'DELETE' -> HttpRequest.DELETE(path)
            default -> throw new IllegalArgumentException(method)
        }
        if (principal == 'anonymous') {
            request.header(AdminByDefault.ANONYMOUS, 'yes')
        } else {
            request.header('Authorization', world.auth[principal])
        }
        api.exchange(request)
    }

    static String exampleAllocation() {
        exampleA()
    }

    static String path(String template) {
        template.replace('{A}', String.valueOf(world.centreA)).replace('{B}', String.valueOf(world.centreB))
                .replace('{SA}', String.valueOf(world.statementA)).replace('{SB}', String.valueOf(world.statementB))
                .replace('{MA}', world.muniA).replace('{RA}', world.regionA)
    }

    @Unroll
    def "#principal: #method #template is #status"() {
        given:
        List<Long> before = written()

        when:
        def a = ask(principal, method, path(template), body)

        then:
        a.status == status
        status < 400 || a.header('Content-Type').startsWith('application/problem+json')
        status < 400 || method == 'GET' || written() == before

        where:
        principal       | method   | template                                         | body                       || status
        // reading centres: in scope, out of scope (as if it did not exist)
        'admin'         | 'GET'    | '/api/v1/centres/{B}'                            | null                       || 200
        'finance-a'     | 'GET'    | '/api/v1/centres/{A}'                            | null                       || 200
        'finance-a'     | 'GET'    | '/api/v1/centres/{B}'                            | null                       || 404
        'finance-a'     | 'GET'    | '/api/v1/centres/{B}/allocation?period=2025-Q1'  | null                       || 404
        'steering-a'    | 'GET'    | '/api/v1/centres/{A}'                            | null                       || 200
        'steering-a'    | 'GET'    | '/api/v1/centres/{B}'                            | null                       || 404
        'system'        | 'GET'    | '/api/v1/centres/{A}'                            | null                       || 200
        'system'        | 'GET'    | '/api/v1/centres/{B}'                            | null                       || 404
        'anonymous'     | 'GET'    | '/api/v1/centres/{A}'                            | null                       || 401
        'disabled-a'    | 'GET'    | '/api/v1/centres/{A}'                            | null                       || 401
        'wrongPassword' | 'GET'    | '/api/v1/centres/{A}'                            | null                       || 401
        'revoked'       | 'GET'    | '/api/v1/centres/{A}'                            | null                       || 401
        'expired'       | 'GET'    | '/api/v1/centres/{A}'                            | null                       || 401
        'unknownToken'  | 'GET'    | '/api/v1/centres/{A}'                            | null                       || 401
        // changing centres
        'finance-a'     | 'DELETE' | '/api/v1/centres/{B}'                            | null                       || 404
        'steering-a'    | 'DELETE' | '/api/v1/centres/{A}'                            | null                       || 403
        'system'        | 'DELETE' | '/api/v1/centres/{A}'                            | null                       || 403
        'steering-a'    | 'POST'   | '/api/v1/centres/import'                         | '{}'                       || 403
        'anonymous'     | 'POST'   | '/api/v1/centres/import'                         | '{}'                       || 401
        'finance-a'     | 'POST'   | '/api/v1/centres'                                | '{}'                       || 403
        'finance-a'     | 'POST'   | '/api/v1/centres/import'                         | exampleA(orgNo(), orgNo()) || 403
        // drafts and issuing
        'finance-a'     | 'GET'    | '/api/v1/centres/{A}/statements?period=2025-Q2'  | null                       || 200
        'steering-a'    | 'GET'    | '/api/v1/centres/{A}/statements?period=2025-Q2'  | null                       || 403
        'finance-a'     | 'POST'   | '/api/v1/centres/{B}/statements/issue?period=2025-Q2' | null                  || 404
        'steering-a'    | 'POST'   | '/api/v1/centres/{A}/statements/issue?period=2025-Q2' | null                  || 403
        'system'        | 'POST'   | '/api/v1/centres/{A}/statements/issue?period=2025-Q2' | null                  || 403
        'anonymous'     | 'POST'   | '/api/v1/centres/{A}/statements/issue?period=2025-Q2' | null                  || 401
        // statements: creditor or debtor in scope
        'finance-a'     | 'GET'    | '/api/v1/statements/{SA}'                        | null                       || 200
        'finance-a'     | 'GET'    | '/api/v1/statements/{SB}'                        | null                       || 404
        'finance-a'     | 'GET'    | '/api/v1/statements/{SB}.pdf'                    | null                       || 404
        'system'        | 'GET'    | '/api/v1/statements/{SB}.csv'                    | null                       || 404
        'finance-a'     | 'GET'    | '/api/v1/statements/{SB}.xml'                    | null                       || 404
        'steering-a'    | 'GET'    | '/api/v1/statements/{SA}'                        | null                       || 403
        'steering-a'    | 'GET'    | '/api/v1/statements'                             | null                       || 403
        'anonymous'     | 'GET'    | '/api/v1/statements'                             | null                       || 401
        'finance-a'     | 'POST'   | '/api/v1/statements/{SB}/credit'                 | null                       || 404
        'system'        | 'POST'   | '/api/v1/statements/{SA}/credit'                 | null                       || 403
        'steering-a'    | 'POST'   | '/api/v1/statements/issue?period=2025-Q2'        | null                       || 403
        'system'        | 'POST'   | '/api/v1/statements/issue?period=2025-Q2'        | null                       || 403
        // legal entities, users, tokens: administrators
        'finance-a'     | 'GET'    | '/api/v1/entities/{MA}'                          | null                       || 200
        'finance-a'     | 'DELETE' | '/api/v1/entities/{MA}'                          | null                       || 403
        'finance-a'     | 'GET'    | '/api/v1/users'                                  | null                       || 403
        'finance-a'     | 'POST'   | '/api/v1/users'                                  | '{"username":"x"}'         || 403
        'system'        | 'POST'   | '/api/v1/tokens'                                 | '{"name":"x"}'             || 403
        'steering-a'    | 'DELETE' | '/api/v1/tokens/1'                               | null                       || 403
        'anonymous'     | 'GET'    | '/api/v1/users'                                  | null                       || 401
        'admin'         | 'GET'    | '/api/v1/users'                                  | null                       || 200

        'steering-a'    | 'GET'    | '/api/v1/scenarios'                              | null                       || 200
        'finance-a'     | 'GET'    | '/api/v1/scenarios'                              | null                       || 200
        'system'        | 'GET'    | '/api/v1/scenarios'                              | null                       || 403
        'anonymous'     | 'GET'    | '/api/v1/scenarios'                              | null                       || 401
        'finance-a'     | 'POST'   | '/api/v1/scenarios'                              | '{}'                       || 403
        'steering-a'    | 'POST'   | '/api/v1/scenarios'                              | '{}'                       || 422
        'system'        | 'POST'   | '/api/v1/scenarios/compute'                      | '{}'                       || 403
        'steering-a'    | 'POST'   | '/api/v1/scenarios/1/centre'                     | null                       || 403
        'finance-a'     | 'POST'   | '/api/v1/scenarios/999999/centre'                | null                       || 404
        'steering-a'    | 'GET'    | '/api/v1/scenarios/999999/follow-up'             | null                       || 404
        // a centre's parts, export, allocation and draft PDF
        'finance-a'     | 'GET'    | '/api/v1/centres/{A}/services'                   | null                       || 200
        'finance-a'     | 'GET'    | '/api/v1/centres/{B}/services'                   | null                       || 404
        'steering-a'    | 'GET'    | '/api/v1/centres/{A}/rooms'                      | null                       || 200
        'steering-a'    | 'POST'   | '/api/v1/centres/{A}/rooms'                      | '{}'                       || 403
        'finance-a'     | 'POST'   | '/api/v1/centres/{B}/rooms'                      | '{}'                       || 404
        'system'        | 'PUT'    | '/api/v1/centres/{A}/services/soc'               | '{}'                       || 403
        'finance-a'     | 'DELETE' | '/api/v1/centres/{B}/rooms/x'                    | null                       || 404
        'steering-a'    | 'PUT'    | '/api/v1/centres/{A}'                            | '{}'                       || 403
        'finance-a'     | 'GET'    | '/api/v1/centres/{A}/export'                     | null                       || 200
        'system'        | 'GET'    | '/api/v1/centres/{B}/export'                     | null                       || 404
        'steering-a'    | 'GET'    | '/api/v1/centres/{A}/allocation?period=2025-Q1'  | null                       || 200
        'steering-a'    | 'GET'    | '/api/v1/centres/{A}/statements/draft.pdf?period=2025-Q2&creditor={RA}&debtor={MA}' | null || 403
        'finance-a'     | 'GET'    | '/api/v1/centres/{B}/statements/draft.pdf?period=2025-Q2' | null              || 404
        'anonymous'     | 'GET'    | '/api/v1/centres'                                | null                       || 401
        'steering-a'    | 'GET'    | '/api/v1/centres'                                | null                       || 200
        // the calculator, the audit, entities, the session
        'steering-a'    | 'POST'   | '/api/v1/allocations'                            | exampleAllocation()        || 200
        'anonymous'     | 'POST'   | '/api/v1/allocations'                            | exampleAllocation()        || 401
        'steering-a'    | 'GET'    | '/api/v1/audit'                                  | null                       || 200
        'anonymous'     | 'GET'    | '/api/v1/audit'                                  | null                       || 401
        'system'        | 'GET'    | '/api/v1/entities'                               | null                       || 200
        'finance-a'     | 'POST'   | '/api/v1/entities'                               | '{"organisationNumber":"556600-0013","name":"x"}' || 403
        'steering-a'    | 'PUT'    | '/api/v1/entities/{MA}'                          | '{}'                       || 403
        'system'        | 'GET'    | '/api/v1/session'                                | null                       || 200
        'anonymous'     | 'GET'    | '/api/v1/session'                                | null                       || 401
        'steering-a'    | 'PUT'    | '/api/v1/users/1'                                | '{}'                       || 403
        'finance-a'     | 'GET'    | '/api/v1/users/1'                                | null                       || 403
        'system'        | 'GET'    | '/api/v1/tokens'                                 | null                       || 403
        'finance-a'     | 'GET'    | '/api/v1/statements'                             | null                       || 200
        'system'        | 'GET'    | '/api/v1/statements/{SA}.pdf'                    | null                       || 200
        'system'        | 'GET'    | '/api/v1/statements/{SA}.xml'                    | null                       || 200
        'finance-a'     | 'GET'    | '/api/v1/statements/{SA}.xml'                    | null                       || 200
        'systemIssuer'  | 'GET'    | '/api/v1/jobs/999999'                            | null                       || 404
        'steering-a'    | 'GET'    | '/api/v1/jobs/999999'                            | null                       || 404
        // an entity's postings (SIE): its own officers and systems
        'finance-a'     | 'GET'    | '/api/v1/entities/{MA}/sie?period=2025-Q1'       | null                       || 200
        'finance-a'     | 'GET'    | '/api/v1/entities/{RA}/sie?period=2025-Q1'       | null                       || 404
        'steering-a'    | 'GET'    | '/api/v1/entities/{MA}/sie?period=2025-Q1'       | null                       || 403
        'system'        | 'GET'    | '/api/v1/entities/{RA}/sie?period=2025-Q1'       | null                       || 200
        'system'        | 'GET'    | '/api/v1/entities/{MA}/sie?period=2025-Q1'       | null                       || 404
        'anonymous'     | 'GET'    | '/api/v1/entities/{MA}/sie?period=2025-Q1'       | null                       || 401
        'finance-a'     | 'GET'    | '/api/v1/entities/{MA}/statements.csv?period=2025-Q1' | null                  || 200
        'finance-a'     | 'GET'    | '/api/v1/entities/{RA}/statements.zip?period=2025-Q1' | null                  || 404
        'steering-a'    | 'GET'    | '/api/v1/entities/{MA}/statements.zip?period=2025-Q1' | null                  || 403
        'system'        | 'GET'    | '/api/v1/entities/{RA}/statements.zip?period=2025-Q1' | null                  || 200
        // open to everyone: health, the OpenAPI document; unknown paths stay 404 when signed in
        'anonymous'     | 'GET'    | '/health'                                        | null                       || 200
        'anonymous'     | 'GET'    | '/swagger/family-centre-costs.yml'               | null                       || 200
        'finance-a'     | 'GET'    | '/api/v1/no-such-thing'                          | null                       || 404
        // management endpoints are off
        'admin'         | 'GET'    | '/beans'                                         | null                       || 404
        'admin'         | 'GET'    | '/threaddump'                                    | null                       || 404
    }

    def "lists show only what is in scope: centres, statements, the audit"() {
        expect:
        def centres = ask('finance-a', 'GET', '/api/v1/centres?size=200', null).json.items*.id*.toLong()
        centres.contains(world.centreA) && !centres.contains(world.centreB)
        def statements = ask('system', 'GET', '/api/v1/statements?size=200', null).json.items
        !statements.isEmpty()
        statements.every { it.content.creditor.organisationNumber == world.regionA || it.content.debtor.organisationNumber == world.regionA }
        def audit = ask('finance-a', 'GET', '/api/v1/audit?size=100', null).json.items
        audit.every { it.centreId == world.centreA }
        !ask('admin', 'GET', '/api/v1/audit?size=100', null).json.items.every { it.centreId == world.centreA }
    }

    def "a SYSTEM token may issue only when it says so, and the audit names it by its prefix"() {
        when:
        def refused = ask('system', 'POST', "/api/v1/centres/${world.centreA}/statements/issue?period=2025-Q3", null)
        def issued = ask('systemIssuer', 'POST', "/api/v1/centres/${world.centreA}/statements/issue?period=2025-Q3", null)

        then:
        refused.status == 403
        issued.status == 201
        def events = ask('admin', 'GET', "/api/v1/audit?centreId=${world.centreA}&size=5", null).json.items
        events[0].action == 'ISSUE'
        events[0].by.startsWith('token:fct_')
    }

    def "a finance officer's quarterly run covers only the centres of its entities"() {
        when:
        def a = ask('finance-a', 'POST', '/api/v1/statements/issue?period=2025-Q4', null)

        then:
        a.status == 202
        a.json.total == 1

        and: 'the run is visible in its scope only, and the audit names its starter for what it issues'
        ask('finance-a', 'GET', "/api/v1/jobs/${a.json.id}", null).status == 200
        ask('systemIssuer', 'GET', "/api/v1/jobs/${a.json.id}", null).status == 404
        waitFor { ask('admin', 'GET', "/api/v1/jobs/${a.json.id}", null).json.status == 'FINISHED' }
        def events = ask('admin', 'GET', "/api/v1/audit?centreId=${world.centreA}&size=5", null).json.items
        events.find { it.action == 'ISSUE' && it.resourceId.endsWith('2025-Q4') }.by == "run ${a.json.id} by finance-a"
        ask('admin', 'GET', '/api/v1/audit?size=50', null).json.items
                .find { it.action == 'RUN' && it.resourceId == "${a.json.id}" }.by == 'finance-a'
    }

    def "an administrator's run is not visible to a finance officer"() {
        when:
        def a = ask('admin', 'POST', '/api/v1/statements/issue?period=2026-Q1', null)

        then:
        a.status in [200, 202]
        ask('finance-a', 'GET', "/api/v1/jobs/${a.json.id}", null).status == 404
        ask('admin', 'GET', "/api/v1/jobs/${a.json.id}", null).status == 200
    }

    static boolean waitFor(Closure<Boolean> condition) {
        long deadline = System.nanoTime() + 60_000_000_000L
        while (System.nanoTime() < deadline) {
            if (condition()) {
                return true
            }
            Thread.sleep(100)
        }
        false
    }

    def "a legal entity a user acts for cannot be deleted: 409, and the entity stays"() {
        given:
        String org = orgNo()
        assert api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: org, name: 'Testkommun'])).status == 201
        assert api.post('/api/v1/users', JsonOutput.toJson([username: 'linked', displayName: 'x',
                password: 'linked-password-1', roles: ['FINANCE'], entities: [org]])).status == 201
        String etag = api.get("/api/v1/entities/$org").header('ETag')

        when:
        def a = api.exchange(HttpRequest.DELETE("/api/v1/entities/$org").header('If-Match', etag))

        then:
        a.status == 409
        a.json.errors*.field == ['id']
        api.get("/api/v1/entities/$org").status == 200
    }
}
