package se.familycentre.web.api

import se.familycentre.web.AdminByDefault
import com.atlassian.oai.validator.OpenApiInteractionValidator
import com.atlassian.oai.validator.model.Request
import com.atlassian.oai.validator.model.SimpleRequest
import com.atlassian.oai.validator.model.SimpleResponse
import com.atlassian.oai.validator.report.ValidationReport
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.http.HttpMethod
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.management.endpoint.annotation.Endpoint
import io.micronaut.web.router.MethodBasedRouteInfo
import io.micronaut.web.router.Router
import jakarta.inject.Inject
import java.nio.file.Files
import java.nio.file.Path
import org.yaml.snakeyaml.Yaml
import spock.lang.Shared
import spock.lang.Specification
import se.familycentre.invoicing.StatementApi

import static se.familycentre.invoicing.StatementApi.*

/**
 * The OpenAPI document is true: it is loaded from the running service (as a client gets it) and
 * swagger-request-validator checks, against it, every fixture and example as the body of the
 * calculator and of the import, and real requests with their answers, successes and problems alike.
 * The hand-written schemas refuse properties they do not name, so an answer that grows a field, or a
 * format that learns one, fails here until the document says so. Every route Micronaut has is in the
 * document (but for the framework's management endpoints), and every operation of the document is a route.
 */
@MicronautTest(transactional = false)
class OpenApiContractSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    Router router

    @Shared
    OpenApiInteractionValidator validator

    @Shared
    String document

    StatementApi getApi() {
        new StatementApi(http)
    }

    def setup() {
        if (document == null) {
            document = http.toBlocking().retrieve(ApiDocsController.DOCUMENT)
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build()
        }
    }

    static List<Path> requestDocuments() {
        List<Path> all = []
        [Path.of('fixtures'), Path.of('src/test/resources/examples')].each { dir ->
            Files.list(dir).withCloseable { s -> all.addAll(s.filter { it.toString().endsWith('.json') }.sorted().toList()) }
        }
        all
    }

    static String json(Object value) {
        JsonOutput.toJson(value)
    }

    // ---- calling the service and checking request and answer against the document ---------------------

    /** Sends the request, checks it and its answer against the document, and returns the answer. */
    Answer check(String method, String path, String body = null, Map<String, String> headers = [:]) {
        check(method, path, body, headers, true)
    }

    /** As {@link #check}; the request is checked too unless it is one the document means to refuse. */
    Answer check(String method, String path, String body, Map<String, String> headers, boolean checkRequest) {
        MutableHttpRequest<?> request = HttpRequest.create(HttpMethod.valueOf(method), path)
        if (body != null) {
            request.body(body).contentType(MediaType.APPLICATION_JSON_TYPE)
        }
        headers.each { k, v -> request.header(k, v) }
        Answer answer = api.exchange(request)
        ValidationReport report = checkRequest
                ? validator.validate(requestOf(method, path, body, headers), responseOf(answer))
                : validator.validateResponse(URI.create(path).path, Request.Method.valueOf(method), responseOf(answer))
        assert !report.hasErrors(): "$method $path → ${answer.status}: the document disagrees:\n" +
                report.messages.collect { "  ${it.key}: ${it.message}" }.join('\n') + "\nanswer: ${answer.text?.take(600)}"
        answer
    }

    static Request requestOf(String method, String path, String body, Map<String, String> headers) {
        URI uri = URI.create(path)
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, uri.path)
        if (uri.rawQuery) {
            uri.rawQuery.split('&').each { kv ->
                String[] p = kv.split('=', 2)
                b.withQueryParam(URLDecoder.decode(p[0], 'UTF-8'), URLDecoder.decode(p.length > 1 ? p[1] : '', 'UTF-8'))
            }
        }
        if (body != null) {
            b.withContentType('application/json').withBody(body)
        }
        headers.each { k, v -> b.withHeader(k, v) }
        if (!headers.containsKey('Authorization') && !headers.containsKey(AdminByDefault.ANONYMOUS)) {
            // what the specs' client sends on the wire (AdminByDefault): the document requires a principal
            b.withHeader('Authorization', AdminByDefault.basic(AdminByDefault.ADMIN, AdminByDefault.PASSWORD))
        }
        b.build()
    }

    static SimpleResponse responseOf(Answer answer) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(answer.status)
        String type = answer.header('Content-Type')
        if (type) {
            b.withContentType(type)
        }
        // a binary download is checked by its media type only: the validator reads bodies as text
        if (type?.startsWith('application/pdf')) {
            b.withBody('(a PDF)')
        } else if (answer.text) {
            b.withBody(answer.text)
        }
        answer.response.headers.names().each { String name -> answer.response.headers.getAll(name).each { b.withHeader(name, it) } }
        b.build()
    }

    void requestConforms(String method, String path, String body) {
        ValidationReport report = validator.validateRequest(requestOf(method, path, body, [:]))
        assert !report.hasErrors(): "$method $path: the body does not conform:\n" +
                report.messages.collect { "  ${it.key}: ${it.message}" }.join('\n')
    }

    void requestDoesNotConform(String method, String path, String body) {
        assert validator.validateRequest(requestOf(method, path, body, [:])).hasErrors()
    }

    // ---- the centre format ------------------------------------------------------------------------------

    def "the fixture #name conforms to the calculator's and the import's request schemas, and its allocation to the answer's"() {
        given:
        String body = Files.readString(file)

        expect:
        requestConforms('POST', '/api/v1/allocations', body)
        requestConforms('POST', '/api/v1/centres/import', body)
        check('POST', '/api/v1/allocations', body).status == 200

        where:
        file << requestDocuments()
        name = file.fileName.toString()
    }

    def "the document refuses what the reader refuses: #what"() {
        given:
        Map doc = new JsonSlurper().parseText(StatementApi.exampleA()) as Map
        change(doc)

        expect: 'the schema refuses it, and so does the service'
        requestDoesNotConform('POST', '/api/v1/allocations', json(doc))
        check('POST', '/api/v1/allocations', json(doc), [:], false).status == 400

        where:
        what                                | change
        'an unknown property of the centre' | { Map d -> d.centre.colour = 'blue' }
        'an unknown property of a service'  | { Map d -> d.centre.services[0].rent = 1 }
        'an unknown property of a room'     | { Map d -> d.centre.rooms[0].floor = 2 }
        'an unknown pool in the rules'      | { Map d -> d.centre.rules = [RENT: [[rule: 'EQUAL']]] }
        'an unknown enum value'             | { Map d -> d.centre.services[0].type = 'DENTIST' }
        'an amount that is not a decimal'   | { Map d -> d.centre.costLines[0].amount = 'much' }
        'a malformed date'                  | { Map d -> d.centre.services[0].from = '1/2/2025' }
        'a period that is not a quarter'    | { Map d -> d.period = '2025-Q5' }
        'an unknown property of the request' | { Map d -> d.extra = true }
        'no centre'                         | { Map d -> d.remove('centre') }
    }

    // ---- answers ----------------------------------------------------------------------------------------

    def "the registry's answers and problems conform to the document"() {
        given:
        String region = orgNo()
        String municipality = orgNo()
        String doc = StatementApi.exampleA(region, municipality)

        when:
        Answer imported = check('POST', '/api/v1/centres/import', doc)
        long id = imported.json.id as long

        then:
        imported.status == 201
        check('GET', '/api/v1/centres').status == 200
        check('GET', '/api/v1/centres?page=0&size=2&sort=name,desc').status == 200
        check('GET', "/api/v1/centres/$id").status == 200
        check('GET', "/api/v1/centres/$id/allocation?period=2025-Q1").status == 200
        check('GET', "/api/v1/centres/$id/allocation?from=2025-01-01&to=2025-12-31").status == 200

        when: 'the export, with and without a period, is itself a request the calculator takes'
        Answer export = check('GET', "/api/v1/centres/$id/export?period=2025-Q1")
        Answer plain = check('GET', "/api/v1/centres/$id/export")

        then:
        export.status == 200 && plain.status == 200
        requestConforms('POST', '/api/v1/allocations', export.text)
        requestConforms('POST', '/api/v1/centres/import', plain.text)

        expect: 'each kind of part, listed and one at a time'
        ['services', 'rooms', 'coordinators', 'cost-lines'].every { kind ->
            Answer list = check('GET', "/api/v1/centres/$id/$kind")
            list.status == 200 && check('GET', "/api/v1/centres/$id/$kind/${list.json[0].id}").status == 200
        }

        when: 'a cost line is added, updated without, with a stale and with the current version, and deleted'
        String line = json([id: 'contract', name: 'Contract check', pool: 'JOINT', payer: 'BMM', periodicity: 'MONTH', amount: '100.00'])
        Answer created = check('POST', "/api/v1/centres/$id/cost-lines", line)
        String etag = created.header('ETag')

        then:
        created.status == 201
        check('PUT', "/api/v1/centres/$id/cost-lines/contract", line).status == 428
        check('PUT', "/api/v1/centres/$id/cost-lines/contract", line, ['If-Match': '"999"']).status == 412
        check('PUT', "/api/v1/centres/$id/cost-lines/contract", line, ['If-Match': etag]).status == 200
        check('PUT', "/api/v1/centres/$id/cost-lines/contract", line, ['If-Match': '3']).status == 400
        check('POST', "/api/v1/centres/$id/cost-lines", json([id: 'bad', pool: 'JOINT'])).status == 422
        check('DELETE', "/api/v1/centres/$id/cost-lines/contract", null,
                ['If-Match': check('GET', "/api/v1/centres/$id/cost-lines/contract").header('ETag')]).status == 204

        and: 'entities'
        check('GET', '/api/v1/entities').status == 200
        check('GET', "/api/v1/entities/$region").status == 200
        check('POST', '/api/v1/entities', json([organisationNumber: region, name: 'Again'])).status == 409

        when:
        String fresh = orgNo()
        Answer entity = check('POST', '/api/v1/entities', json([organisationNumber: fresh, name: 'Kommunen',
                                                               invoiceAddress: 'Box 1\n123 45 Staden', paymentTermsDays: 30]))

        then:
        entity.status == 201
        check('PUT', "/api/v1/entities/$fresh", json([organisationNumber: fresh, name: 'Kommunen 2']),
                ['If-Match': entity.header('ETag')]).status == 200
        check('POST', '/api/v1/entities', json([organisationNumber: orgNo(), name: 'x' * 1000])).status == 422
        check('DELETE', "/api/v1/entities/$fresh", null, ['If-Match': '"1"']).status in [204, 412]

        and: 'problems'
        check('GET', '/api/v1/centres/99999999').status == 404
        check('GET', '/api/v1/entities/99999999').status == 404
        check('GET', '/api/v1/centres?sort=colour').status == 400
        check('POST', '/api/v1/allocations', '{"period": "2025-Q1", "centre": ', [:], false).status == 400

        and: 'the problems the framework gives: a method a path does not take, an answer it cannot give'
        methodNotAllowedIsAProblem()
        check('GET', "/api/v1/centres/$id", null, [Accept: 'application/xml'], false).status == 406

        and: 'the audit'
        check('GET', '/api/v1/audit').status == 200
        check('GET', "/api/v1/audit?centreId=$id&size=5").status == 200
    }

    def "the calculator's refusal conforms to the document"() {
        given:
        Map doc = new JsonSlurper().parseText(StatementApi.exampleA()) as Map
        doc.centre.rules = [JOINT: [[rule: 'PERCENT', percentages: [BMM: 50]]]]

        expect:
        check('POST', '/api/v1/allocations', json(doc)).status == 422
    }

    def "drafts, issuing, statements, credits and jobs conform to the document"() {
        given:
        long id = api.importCentre(StatementApi.exampleA(orgNo(), orgNo()))

        expect:
        check('GET', "/api/v1/centres/$id/statements?period=2025-Q1").status == 200
        check('GET', "/api/v1/centres/$id/statements").status == 400

        when:
        Answer issued = check('POST', "/api/v1/centres/$id/statements/issue?period=2025-Q1", null,
                ['Idempotency-Key': "contract-$id"])
        long statement = issued.json.statements[0].id as long

        then:
        issued.status == 201
        check('POST', "/api/v1/centres/$id/statements/issue?period=2025-Q1").status == 409
        check('GET', "/api/v1/statements?centre=$id").status == 200
        check('GET', '/api/v1/statements?colour=red').status == 400
        check('GET', "/api/v1/statements/$statement").status == 200
        check('GET', "/api/v1/statements/${statement}.pdf").status == 200
        check('GET', "/api/v1/statements/${statement}.csv").status == 200
        check('GET', '/api/v1/statements/99999999').status == 404
        check('POST', "/api/v1/statements/$statement/credit").status == 201
        check('POST', "/api/v1/statements/$statement/credit").status == 409

        when: 'the quarterly run'
        Answer job = check('POST', '/api/v1/statements/issue?period=2031-Q2')

        then:
        job.status in [200, 202]
        check('GET', job.header('Location')).status == 200
        check('GET', '/api/v1/jobs/99999999').status == 404
    }

    /** A 405 has no operation to check against; its body is checked as the calculator's 405 answer. */
    boolean methodNotAllowedIsAProblem() {
        Answer answer = api.exchange(HttpRequest.DELETE('/api/v1/allocations'))
        ValidationReport report = validator.validateResponse('/api/v1/allocations', Request.Method.POST, responseOf(answer))
        assert answer.status == 405 && !report.hasErrors(): "$answer ${report.messages*.message}"
        true
    }

    // ---- every route is documented ----------------------------------------------------------------------

    def "sign-in, users, tokens and the refusals of access conform to the document"() {
        given:
        String anonymous = AdminByDefault.ANONYMOUS

        expect:
        check('POST', '/api/v1/session', json([username: 'admin', password: AdminByDefault.PASSWORD]), [(anonymous): 'y']).status == 200
        check('POST', '/api/v1/session', json([username: 'admin', password: 'wrong-password']), [(anonymous): 'y']).status == 401
        check('GET', '/api/v1/session').status == 200
        def user = check('POST', '/api/v1/users', json([username: 'contract-user', displayName: 'Kontrakt',
                password: 'contract-password-1', roles: ['STEERING'], entities: []]))
        user.status == 201
        // a request the document means to refuse: only the answer is checked
        check('POST', '/api/v1/users', json([username: 'x', displayName: '', password: 'short', roles: []]), [:], false).status == 422
        check('GET', '/api/v1/users').status == 200
        check('GET', "/api/v1/users/${user.json.id}").status == 200
        check('PUT', "/api/v1/users/${user.json.id}", json([displayName: 'Kontrakt 2'])).status == 200
        check('GET', '/api/v1/users/999999').status == 404
        def token = check('POST', '/api/v1/tokens', json([name: 'kontrakt', userId: user.json.id]))
        token.status == 201
        check('GET', '/api/v1/tokens').status == 200
        check('DELETE', "/api/v1/tokens/${token.json.id}").status == 204
        check('GET', '/api/v1/centres', null, [(anonymous): 'y'], false).status == 401
        check('GET', '/api/v1/users', null, [Authorization: AdminByDefault.basic('contract-user', 'contract-password-1')]).status == 403
    }

    def "every route Micronaut has (but the web pages) is in the document, and every operation of the document is a route"() {
        given:
        Set<String> routes = router.uriRoutes()
                .filter { r -> r.httpMethod != HttpMethod.HEAD } // answered for every GET by Micronaut itself
                .filter { r -> !managementEndpoint(r) }
                // the web application's pages are for people, not part of the API's contract
                .filter { r -> !(r instanceof MethodBasedRouteInfo && (r as MethodBasedRouteInfo).targetMethod.declaringType.package.name == 'se.familycentre.web.page') }
                .map { r -> "${r.httpMethod} ${r.uriMatchTemplate.toPathString()}".toString() }
                .toList() as Set
        Map paths = (new Yaml().load(document) as Map).paths as Map
        Set<String> documented = paths.collectMany { String path, Map ops ->
            ops.keySet().findAll { it in ['get', 'put', 'post', 'delete', 'patch'] }.collect { "${it.toUpperCase()} $path".toString() }
        } as Set

        expect:
        routes - documented == [] as Set
        documented - routes == [] as Set
    }

    /**
     * Micronaut's management endpoints (/health, /info, and /beans, /routes, /threaddump, /refresh, /flyway,
     * which answer 401 while they are sensitive and nothing signs in) come with the framework and are not
     * this API: the document leaves them out, and so does the comparison.
     */
    static boolean managementEndpoint(Object route) {
        route instanceof MethodBasedRouteInfo
                && (route as MethodBasedRouteInfo).targetMethod.declaringType.isAnnotationPresent(Endpoint)
    }

    def "/openapi and /swagger-ui lead to the document and to Swagger UI, served by the service itself"() {
        expect:
        http.toBlocking().retrieve('/openapi').startsWith('openapi: 3')
        String page = http.toBlocking().retrieve('/swagger-ui')
        page.contains('swagger-ui')
        !(page =~ /(src|href)="https?:/)
    }
}
