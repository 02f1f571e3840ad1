package se.familycentre.invoicing

import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.*

/**
 * What is issued is issued once, also across periods of different lengths: a period that overlaps one
 * with standing statements is refused (409 already-issued, naming those statements), whatever its
 * length, until they are credited.
 */
@MicronautTest(transactional = false)
class OverlappingPeriodsSpec extends Specification {

    static final String ALREADY_ISSUED = 'urn:problem:family-centre:already-issued'
    static final String HALF_YEAR = 'from=2025-01-01&to=2025-06-30'
    static final String FEBRUARY = 'from=2025-02-01&to=2025-02-28'

    @Inject
    @Client("/")
    HttpClient http

    StatementApi getApi() {
        new StatementApi(http)
    }

    StatementApi.Answer issueRange(long centre, String range) {
        api.post("/api/v1/centres/$centre/statements/issue?$range")
    }

    /** Every standing number appears in the problem's errors (as a field or in a reason). */
    static boolean names(Object problem, List<String> numbers) {
        String errors = (problem.errors as List<Map>).collect { "${it.field} ${it.reason}" }.join('\n')
        assert numbers.every { errors.contains(it) }: "errors $errors do not name all of $numbers"
        true
    }

    def "Q1 issued: the half-year and February are refused naming Q1's statements; once they are credited the half-year issues"() {
        given: 'a centre of its own entities, its first quarter issued'
        long centre = api.importCentre(exampleA(orgNo(), orgNo()))
        List<Map> q1 = api.issued(centre, Q1)
        List<String> q1Numbers = q1*.number as List<String>

        when: 'the half-year that contains the first quarter is issued'
        StatementApi.Answer halfYear = issueRange(centre, HALF_YEAR)

        then: 'it is refused, naming the standing statements'
        halfYear.status == 409
        halfYear.json.type == ALREADY_ISSUED
        names(halfYear.json, q1Numbers)

        when: 'a month inside the first quarter is issued'
        StatementApi.Answer february = issueRange(centre, FEBRUARY)

        then: 'it is refused too, naming the same statements'
        february.status == 409
        february.json.type == ALREADY_ISSUED
        names(february.json, q1Numbers)

        and: 'nothing but the first quarter was issued'
        api.list("centre=$centre")*.id == q1*.id

        when: "the first quarter's statements are credited"
        List<StatementApi.Answer> credits = q1.collect { api.credit(it.id as long) }

        then:
        credits.every { it.status == 201 }

        when: 'the half-year is issued again'
        StatementApi.Answer again = issueRange(centre, HALF_YEAR)

        then: 'it is issued'
        again.status == 201
        (again.json.statements as List).size() == q1.size()
        (again.json.statements as List<Map>).every { it.content.period.from == '2025-01-01' && it.content.period.to == '2025-06-30' }
    }
}
