package se.familycentre.centre

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

/** A change recorded today must not change what an earlier period computes (issue 3, RULES §3). */
@MicronautTest
class HistorySpec extends Specification {

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
}
