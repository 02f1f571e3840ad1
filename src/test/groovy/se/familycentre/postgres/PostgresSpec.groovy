package se.familycentre.postgres

import groovy.json.JsonSlurper
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import java.sql.DriverManager
import java.sql.SQLException
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import spock.lang.AutoCleanup
import spock.lang.IgnoreIf
import spock.lang.Shared
import spock.lang.Specification

/**
 * The same service on PostgreSQL, by configuration only: .ci/run starts a
 * PostgreSQL server and sets FC_TEST_POSTGRES_URL (plus _USER and _PASSWORD);
 * without it this spec is skipped.
 */
@IgnoreIf({ !System.getenv('FC_TEST_POSTGRES_URL') })
class PostgresSpec extends Specification {

    static String url = System.getenv('FC_TEST_POSTGRES_URL')
    static String user = System.getenv('FC_TEST_POSTGRES_USER') ?: 'postgres'
    static String password = System.getenv('FC_TEST_POSTGRES_PASSWORD') ?: ''

    @Shared
    @AutoCleanup
    EmbeddedServer server

    @Shared
    @AutoCleanup
    HttpClient client

    def setupSpec() {
        DriverManager.getConnection(url, user, password).withCloseable { c ->
            c.createStatement().execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
        }
        server = ApplicationContext.run(EmbeddedServer, [
                'datasources.default.url'                     : url,
                'datasources.default.username'                : user,
                'datasources.default.password'                : password,
                'datasources.default.driver-class-name'       : 'org.postgresql.Driver',
                'familycentre.database-vendor'                : 'postgresql',
                'familycentre.fixtures.directory'             : 'fixtures',
                'familycentre.fixtures.load-on-empty-database': true,
                'familycentre.admin-password'                 : 'test-admin-password',
                'familycentre.security.bcrypt-cost'           : 4,
                'micronaut.server.port'                       : -1], 'postgres')
        // a client of the server's context, so the specs' AdminByDefault filter signs its requests in
        client = server.applicationContext.createBean(HttpClient, server.URL)
    }

    Map json(String path) {
        new JsonSlurper().parseText(client.toBlocking().retrieve(path)) as Map
    }

    def "the fixtures load on the first start and every one computes as the calculator does"() {
        when:
        def centres = json('/api/v1/centres').items as List<Map>

        then:
        centres.size() == new File('fixtures').listFiles().count { it.name.endsWith('.json') }
        centres.every { c ->
            String stored = client.toBlocking().retrieve("/api/v1/centres/${c.id}/allocation?period=2025-Q1")
            String exported = client.toBlocking().retrieve("/api/v1/centres/${c.id}/export?period=2025-Q1")
            String posted = client.toBlocking().retrieve(HttpRequest.POST('/api/v1/allocations', exported)
                    .contentType(MediaType.APPLICATION_JSON), String)
            stored == posted
        }
    }

    def "eight concurrent issuers get gap-free numbers, and issued rows refuse UPDATE and DELETE in the database"() {
        given: 'eight more centres sharing the same creditor entities'
        def doc = new File('fixtures/solrosen-goteborg.json').getText('UTF-8')
        def ids = (1..8).collect {
            (client.toBlocking().exchange(HttpRequest.POST('/api/v1/centres/import', doc)
                    .contentType(MediaType.APPLICATION_JSON), Map).body() as Map).id
        }

        when:
        def pool = Executors.newFixedThreadPool(8)
        def results = pool.invokeAll(ids.collect { id ->
            { -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/centres/${id}/statements/issue?period=2025-Q2", ''), String).status.code } as Callable
        })*.get()
        pool.shutdown()
        def issued = (new JsonSlurper().parseText(client.toBlocking().retrieve('/api/v1/statements?period=2025-Q2&size=200')) as Map).items as List<Map>

        then:
        results.every { it == 201 }
        issued.groupBy { it.content.creditor.organisationNumber }.every { creditor, rows ->
            rows*.number.collect { (it as String).split('-')[1] as int }.sort() == (1..rows.size()).toList()
        }

        when:
        DriverManager.getConnection(url, user, password).withCloseable { c ->
            c.createStatement().executeUpdate("UPDATE statement SET total = 0 WHERE id = ${issued[0].id}")
        }

        then:
        def e = thrown(SQLException)
        e.message.contains('issued statements never change')
    }

    def "a saved plan raced into a centre by eight requests becomes one centre; its follow-up and the plans' page answer on PostgreSQL"() {
        given:
        String plan = groovy.json.JsonOutput.toJson(se.familycentre.web.api.SavedScenarioApiSpec.planOf(
                se.familycentre.invoicing.StatementApi.orgNo(), se.familycentre.invoicing.StatementApi.orgNo()))
        long id = (client.toBlocking().exchange(HttpRequest.POST('/api/v1/scenarios', plan)
                .contentType(MediaType.APPLICATION_JSON), Map).body() as Map).id as long

        when:
        def pool = Executors.newFixedThreadPool(8)
        def results = pool.invokeAll((1..8).collect {
            { ->
                try {
                    client.toBlocking().exchange(HttpRequest.POST("/api/v1/scenarios/$id/centre", ''), String).status.code
                } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                    e.status.code
                }
            } as Callable
        })*.get()
        pool.shutdown()

        then:
        results.count { it == 201 } == 1
        results.count { it == 409 } == 7
        json("/api/v1/scenarios/$id").centreId != null
        (json("/api/v1/scenarios/$id/follow-up").years as List).size() == 2
        (json('/api/v1/scenarios?size=1&page=0').items as List).size() == 1
    }
}
