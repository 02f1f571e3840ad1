package se.familycentre.web.api

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Shared
import spock.lang.Specification
import se.familycentre.invoicing.StatementApi

import static se.familycentre.invoicing.StatementApi.*

/**
 * The HTTP contract of refusals and lists: each reason has its own problem
 * type and title; a text too long for its column is a 422 naming the field,
 * never a 500; the statement list refuses filters it does not know and is
 * paged; an entity is found by its organisationsnummer; a malformed body is
 * described in plain words.
 */
@MicronautTest(transactional = false)
class ProblemContractSpec extends Specification {

    static final String PREFIX = 'urn:problem:family-centre:'

    @Inject
    @Client('/')
    HttpClient http

    @Shared
    Map<String, Map> seen = [:]

    StatementApi getApi() {
        new StatementApi(http)
    }

    static Map exampleA() {
        new JsonSlurper().parseText(StatementApi.exampleA(orgNo(), orgNo())) as Map
    }

    static String json(Object value) {
        JsonOutput.toJson(value)
    }

    /** A centre of example A with fresh entities, imported; its id. */
    long centre() {
        api.importCentre(json(exampleA()))
    }

    Answer refusal(String situation) {
        switch (situation) {
            case 'a body that is not JSON':
                return api.post('/api/v1/allocations', '{"period": "2025-Q1", "centre": ')
            case 'a centre the rules refuse':
                Map doc = exampleA()
                doc.centre.rules = [JOINT: [[rule: 'PERCENT', percentages: [BMM: 50]]]]
                return api.post('/api/v1/allocations', json(doc))
            case 'a cost line without an amount':
                return api.post("/api/v1/centres/${centre()}/cost-lines",
                        json([id: 'fika', pool: 'JOINT', payer: 'BVC', periodicity: 'MONTH']))
            case 'a cost reference longer than its column':
                return api.put("/api/v1/centres/${centre()}/services/BVC", json([type: 'CHILD_HEALTH',
                        entity: exampleA().centre.entities[0].organisationNumber, costReference: 'K' * 201]), ['If-Match': '*'])
            case 'an invoice address longer than its column':
                Map doc = exampleA()
                doc.centre.entities[0].invoiceAddress = 'Box 1, ' * 100
                return api.post('/api/v1/centres/import', json(doc))
            case 'an update without If-Match':
                return api.put("/api/v1/centres/${centre()}", json([name: 'Nytt namn']))
            case 'an update of a version that is not the current one':
                return api.put("/api/v1/centres/${centre()}", json([name: 'Nytt namn']), ['If-Match': '"999"'])
            case 'a centre that does not exist':
                return api.get('/api/v1/centres/999999')
            case 'a period issued twice':
                long c = centre()
                api.issued(c)
                return api.issue(c)
            case 'a credit statement credited':
                long c = centre()
                Answer credit = api.credit(api.issued(c)[0].id as long)
                return api.credit(credit.json.id as long)
            case 'a statement credited twice':
                long id = api.issued(centre())[0].id as long
                api.credit(id)
                return api.credit(id)
            case 'a period ending before it starts':
                return api.get("/api/v1/centres/${centre()}/allocation?from=2025-03-31&to=2025-01-01")
        }
        throw new IllegalArgumentException(situation)
    }

    def "#situation is a #status problem of type #type"() {
        when:
        Answer a = refusal(situation)

        then:
        a.status == status
        a.header('Content-Type').startsWith('application/problem+json')
        a.json.type == PREFIX + type
        a.json.status == status
        a.json.title
        a.json.detail
        !a.text.contains('Exception')
        field == null || a.json.errors*.field.contains(field)

        cleanup:
        seen[type] = [title: a.json?.title]

        where:
        situation                                              || status | type                    | field
        'a body that is not JSON'                              || 400    | 'malformed-request'     | 'body'
        'a centre the rules refuse'                            || 422    | 'invalid-centre'        | null
        'a cost line without an amount'                        || 422    | 'incomplete-part'       | 'pool, periodicity and amount'
        'a cost reference longer than its column'              || 422    | 'invalid-value'         | 'costReference'
        'an invoice address longer than its column'            || 422    | 'invalid-value'         | 'centre.entities[0].invoiceAddress'
        'a period ending before it starts'                     || 422    | 'invalid-value'         | 'to'
        'an update without If-Match'                           || 428    | 'version-required'      | 'If-Match'
        'an update of a version that is not the current one'   || 412    | 'stale-version'         | 'If-Match'
        'a centre that does not exist'                         || 404    | 'not-found'             | null
        'a period issued twice'                                || 409    | 'already-issued'        | null
        'a credit statement credited'                          || 422    | 'not-creditable'        | 'id'
        'a statement credited twice'                           || 409    | 'already-credited'      | 'id'
    }

    def "every problem type has a title of its own"() {
        expect: 'the features above ran first and recorded one title per type'
        seen.size() == 10
        seen.values()*.title.unique().size() == seen.size()
    }

    def "a malformed body (#what) is described in plain words: where, and what"() {
        when:
        Answer a = api.post(path, body)

        then:
        a.status == 400
        a.json.type == PREFIX + 'malformed-request'
        a.json.detail.contains('line 1, column')
        !a.text.contains('StreamReadFeature')
        !a.text.contains('Source:')
        !a.text.contains('REDACTED')

        where:
        what                   | path                      | body
        'a stray comma'        | '/api/v1/allocations'     | '{"name": "Solrosen",, }'
        'a stray comma'        | '/api/v1/centres'         | '{"name": "Solrosen",, }'
        'a stray comma'        | '/api/v1/entities'        | '{"name": "Solrosen",, }'
        'a stray comma'        | '/api/v1/centres/import'  | '{"name": "Solrosen",, }'
        'a 1 001-digit number' | '/api/v1/allocations'     | '{"period": ' + '9' * 1001 + '}'
        'arrays 1 001 deep'    | '/api/v1/allocations'     | '{"period": ' + '[' * 1001 + ']' * 1001 + '}'
        'an unclosed string'   | '/api/v1/entities'        | '{"name": "Solrosen'
    }

    def "the statement list refuses a filter it does not know, naming it and the ones it takes"() {
        when:
        Answer a = api.get('/api/v1/statements?centr=1&status=ISSUED')

        then:
        a.status == 400
        a.json.type == PREFIX + 'malformed-request'
        a.json.errors*.field == ['centr']
        a.json.errors[0].reason.contains('centre, entity, page, period, size, status')
    }

    def "the statement list is paged like the centres"() {
        given:
        long c = centre()
        api.issued(c)

        when:
        Answer first = api.get("/api/v1/statements?centre=$c&size=1")
        Answer second = api.get("/api/v1/statements?centre=$c&size=1&page=1")

        then:
        first.status == 200
        first.json.totalItems == 2
        first.json.totalPages == 2
        first.json.size == 1
        first.json.page == 0
        first.json.items.size() == 1
        second.json.items.size() == 1
        first.json.items[0].id != second.json.items[0].id
    }

    def "an entity is read, updated and found by its organisationsnummer, with or without the hyphen"() {
        given:
        String number = orgNo()
        assert api.post('/api/v1/entities', json([organisationNumber: number, name: 'Testkommunen'])).status == 201

        when:
        Answer hyphen = api.get("/api/v1/entities/$number")
        Answer bare = api.get("/api/v1/entities/${number.replace('-', '')}")
        Answer updated = api.put("/api/v1/entities/$number", json([organisationNumber: number, name: 'Nya kommunen']),
                ['If-Match': hyphen.header('ETag')])

        then:
        hyphen.status == 200
        hyphen.json.organisationNumber == number
        bare.json.id == hyphen.json.id
        updated.status == 200
        api.get("/api/v1/entities/${hyphen.json.id}").json.name == 'Nya kommunen'
        api.get('/api/v1/entities/556600-0000').status == 404
    }
}
