package se.familycentre.web.api

import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.allocation.WorkedExamples
import spock.lang.Specification

/** RULES §6 to the öre, through POST /api/v1/allocations. */
@MicronautTest(transactional = false)
class WorkedExamplesHttpSpec extends Specification {

    @Inject
    @Client("/")
    HttpClient client

    Map post(String body) {
        def response = client.toBlocking().exchange(
                HttpRequest.POST('/api/v1/allocations', body).contentType(MediaType.APPLICATION_JSON), String)
        assert response.status.code == 200
        new JsonSlurper().parseText(response.body()) as Map
    }

    def "#example over HTTP: line #line totals #total and is shared #shares"() {
        when:
        def answer = post(WorkedExamples.body(example))
        def result = answer.lines.find { it.id == line }

        then:
        result.total == [amount: total, currency: 'SEK']
        result.shares*.amount*.amount == shares

        where:
        [example, line, total, shares] << WorkedExamples.LINES
    }

    def "example A over HTTP: #debtor owes #creditor #amount (internal: #internal)"() {
        when:
        def flow = post(WorkedExamples.body('example-a')).flows.find {
            it.creditor.organisationNumber == creditor && it.debtor.organisationNumber == debtor
        }

        then:
        flow.amount.amount == amount
        flow.internal == internal

        where:
        [creditor, debtor, amount, internal] << WorkedExamples.FLOWS_A
    }

    def "example E over HTTP: the shared rent indexed by KPI is 38 257,33 in Q1 2024, shared by area to the öre"() {
        when: 'the calculator prices the indexed line with the shipped KPI October values'
        def answer = post(getClass().getResource('/examples/example-e.json').getText('UTF-8'))
        def rent = answer.lines.find { it.id == 'rent' }

        then:
        rent.total.amount == '38257.33'
        rent.shares*.amount*.amount == ['7287.11', '10930.67', '14574.22', '5465.33']
    }

    def "amounts are decimal strings with two decimals, even where the input gave numbers"() {
        when:
        def answer = post(WorkedExamples.body('example-a'))

        then:
        answer.services.every { it.total.amount ==~ /\d+\.\d{2}/ && it.total.currency == 'SEK' }
        answer.services.find { it.id == 'BMM' }.pools.COORDINATOR.amount == '45225.00'
    }
}
