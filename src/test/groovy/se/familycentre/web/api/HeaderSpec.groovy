package se.familycentre.web.api

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.invoicing.StatementApi
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.exampleA
import static se.familycentre.invoicing.StatementApi.orgNo

/**
 * The request headers the API reads: {@code Idempotency-Key} (at most 200 characters, else 400)
 * and {@code If-Match}, which compares strongly (RFC 9110 §13.1.1): a weak tag never matches
 * (412), text that is not an entity tag is malformed (400), and {@code *} names no version (428).
 */
@MicronautTest(transactional = false)
class HeaderSpec extends Specification {

    static final String PREFIX = 'urn:problem:family-centre:'

    @Inject
    @Client('/')
    HttpClient http

    StatementApi getApi() {
        new StatementApi(http)
    }

    long exampleCentre() {
        api.importCentre(exampleA(orgNo(), orgNo()))
    }

    static boolean problem(StatementApi.Answer a, int status, String type) {
        assert a.status == status: "$a"
        assert a.header('Content-Type').startsWith('application/problem+json')
        assert a.json.type == PREFIX + type: "$a"
        assert a.json.status == status
        true
    }

    // ---- Idempotency-Key ---------------------------------------------------------------------

    def "an Idempotency-Key longer than 200 characters is 400 naming the header, and nothing is issued"() {
        given:
        long centre = exampleCentre()

        when:
        def a = api.issue(centre, '2025-Q1', 'k' * 201)

        then:
        problem(a, 400, 'malformed-request')
        a.json.errors*.field == ['Idempotency-Key']
        a.json.errors[0].reason.contains('200')
        api.list("centre=$centre").isEmpty()

        when: 'a key of exactly 200 characters, twice'
        def first = api.issue(centre, '2025-Q1', 'k' * 200)
        def second = api.issue(centre, '2025-Q1', 'k' * 200)

        then: 'issued once, and the stored answer given again'
        first.status == 201
        second.status == 201
        second.json == first.json
        api.list("centre=$centre").size() == (first.json.statements as List).size()
    }

    // ---- If-Match --------------------------------------------------------------------------

    /** A resource to change with If-Match: its address, and the request that changes it. */
    Map target(String what) {
        long centre = exampleCentre()
        switch (what) {
            case 'a service update':
                String path = "/api/v1/centres/$centre/services/BMM"
                return [path: path, send: { String ifMatch ->
                    api.put(path, JsonOutput.toJson(api.get(path).json + [name: 'Barnmorskemottagningen']), ['If-Match': ifMatch])
                }]
            case 'a room delete':
                String path = "/api/v1/centres/$centre/rooms/bmm-rooms"
                return [path: path, send: { String ifMatch ->
                    api.exchange(HttpRequest.DELETE(path).header('If-Match', ifMatch))
                }]
            case 'a centre update':
                String path = "/api/v1/centres/$centre"
                return [path: path, send: { String ifMatch ->
                    api.put(path, JsonOutput.toJson([name: 'Nytt namn', rules: api.get(path).json.rules]), ['If-Match': ifMatch])
                }]
            case 'an entity update':
                String number = orgNo()
                assert api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: number, name: 'Före'])).status == 201
                String path = "/api/v1/entities/$number"
                return [path: path, send: { String ifMatch ->
                    api.put(path, JsonOutput.toJson([organisationNumber: number, name: 'Efter']), ['If-Match': ifMatch])
                }]
        }
        throw new IllegalArgumentException(what)
    }

    def "#what with a weak entity tag of the current version is 412 stale-version, and nothing is written"() {
        given:
        Map t = target(what)
        def before = api.get(t.path as String)
        String etag = before.header('ETag')

        when:
        def a = (t.send as Closure<StatementApi.Answer>).call('W/' + etag)

        then:
        problem(a, 412, 'stale-version')
        a.json.errors*.field == ['If-Match']
        a.json.detail.contains("the current ETag is $etag")
        a.json.detail.contains('weak')
        api.get(t.path as String).text == before.text
        api.get(t.path as String).header('ETag') == etag

        and: 'the strong tag is taken'
        (t.send as Closure<StatementApi.Answer>).call(etag).status in [200, 204]

        where:
        what << ['a service update', 'a room delete', 'a centre update', 'an entity update']
    }

    def "#what with If-Match #sent (not an entity tag) is 400 malformed-request naming If-Match, and nothing is written"() {
        given:
        Map t = target(what)
        def before = api.get(t.path as String)
        String etag = before.header('ETag')
        String header = sent.replace('@', etag.replace('"', ''))

        when:
        def a = (t.send as Closure<StatementApi.Answer>).call(header)

        then:
        problem(a, 400, 'malformed-request')
        a.json.errors*.field == ['If-Match']
        api.get(t.path as String).text == before.text
        api.get(t.path as String).header('ETag') == etag

        where:
        what               | sent
        'a service update' | '@'
        'a room delete'    | '@'
        'a centre update'  | '@'
        'an entity update' | '@'
        'a service update' | '"@'
        'a service update' | 'W/@'
        'a service update' | '"@" "@"'
        'a service update' | '*, "@"'
        'a service update' | ', ,'
    }

    def "#what with If-Match * is 428 version-required giving the current ETag, and nothing is written"() {
        given:
        Map t = target(what)
        def before = api.get(t.path as String)
        String etag = before.header('ETag')

        when:
        def a = (t.send as Closure<StatementApi.Answer>).call('*')

        then:
        problem(a, 428, 'version-required')
        a.json.errors*.field == ['If-Match']
        a.json.detail.contains("the current ETag is $etag")
        a.json.errors[0].reason.contains('specific version')
        a.json.errors[0].reason.contains(etag)
        api.get(t.path as String).text == before.text
        api.get(t.path as String).header('ETag') == etag

        where:
        what << ['a service update', 'a room delete', 'a centre update', 'an entity update']
    }

    def "a list of strong entity tags matches if any is current, whatever weak ones it also holds"() {
        given:
        Map t = target('a service update')
        String etag = api.get(t.path as String).header('ETag')

        expect:
        (t.send as Closure<StatementApi.Answer>).call('"999", W/' + etag + ' ,' + etag).status == 200
    }
}
