package se.familycentre.web.api

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.context.annotation.Property
import io.micronaut.core.type.Argument
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification
import spock.lang.Timeout

/**
 * Every refusal of POST /api/v1/allocations (src/site/markdown/rules.md, opening paragraph):
 * 400 for a body that is not JSON, has a wrong type, an unknown property, an
 * unknown enum value or a malformed date, number or quarter; 422 for a
 * well-formed body the cost-sharing rules refuse. Each refusal is
 * application/problem+json and names every offending field with its reason.
 * Bodies are RULES §6 example A with one thing changed.
 */
@MicronautTest(transactional = false)
@Property(name = 'micronaut.server.port', value = '-1')
class ValidationSpec extends Specification {

    static final String MALFORMED = 'urn:problem:family-centre:malformed-request'
    static final String INVALID = 'urn:problem:family-centre:invalid-centre'
    static final String PROBLEM_JSON = 'application/problem+json'

    @Inject
    @Client('/')
    HttpClient client

    /** A fresh, mutable copy of example A: {@code [period: '2025-Q1', centre: [...]]}. */
    static Map example() {
        new JsonSlurper().parse(ValidationSpec.getResource('/examples/example-a.json'), 'UTF-8') as Map
    }

    /** Example A changed by {@code change}, serialised again. */
    static String exampleWith(Closure change) {
        Map body = example()
        change(body)
        JsonOutput.toJson(body)
    }

    /** Example A changed so that the string value {@code '@RAW@'} becomes the raw JSON text {@code raw} (numbers JSON cannot otherwise carry). */
    static String exampleWithRaw(String raw, Closure change) {
        String body = exampleWith(change)
        assert body.contains('"@RAW@"')
        body.replace('"@RAW@"', raw)
    }

    /** The answer, whatever its status: status, content type and the parsed body. */
    Map post(String body) {
        def request = HttpRequest.POST('/api/v1/allocations', body).contentType(MediaType.APPLICATION_JSON)
        HttpResponse<String> response
        try {
            response = client.toBlocking().exchange(request, Argument.of(String), Argument.of(String))
        } catch (HttpClientResponseException e) {
            String text = e.response.getBody(String).orElse('')
            return [status     : e.status.code,
                    contentType: e.response.contentType.map { it.toString() }.orElse(null),
                    problem    : text ? new JsonSlurper().parseText(text) : null]
        }
        [status     : response.status.code,
         contentType: response.contentType.map { it.toString() }.orElse(null),
         answer     : new JsonSlurper().parseText(response.body())]
    }

    /** The reason given for a field, or null if the problem does not name it. */
    static String reasonFor(Map answer, String field) {
        answer.problem?.errors?.find { it.field == field }?.reason
    }

    // ---- 422: well-formed, refused by the rules -----------------------------

    def "the rules refuse #situation: 422 on #field"() {
        when:
        def answer = post(exampleWith(change))

        then:
        answer.status == 422
        answer.contentType == PROBLEM_JSON
        answer.problem.type == INVALID
        answer.problem.status == 422
        reasonFor(answer, field)?.contains(phrase)

        where:
        situation                                          | change                                                                                                 || field                                                 | phrase
        'two services with the same id'                    | { it.centre.services[3].id = 'ÖF' }                                                                    || 'centre.services[3].id'                               | 'duplicates the id of services[2] (ÖF)'
        'two rooms with the same id'                       | { it.centre.rooms[1].id = 'staff-wc' }                                                                 || 'centre.rooms[1].id'                                  | 'duplicates the id of rooms[0] (staff-wc)'
        'two cost lines with the same id'                  | { it.centre.costLines[1].id = 'rent' }                                                                 || 'centre.costLines[1].id'                              | 'duplicates the id of another line (rent)'
        'a cost line taking a coordinator line\'s id'      | { it.centre.costLines[0].id = 'coordinator/salary' }                                                   || 'centre.costLines[0].id'                              | 'duplicates the id of another line (coordinator/salary)'
        'a service without an id'                          | { it.centre.services[0].id = ' ' }                                                                     || 'centre.services[0].id'                               | 'is required'
        'a payer that is not in the centre'                | { it.centre.costLines[2].payer = 'TANDVARD' }                                                          || 'centre.costLines[2].payer'                           | 'no service of the centre has id TANDVARD'
        'a line borne by a service not in the centre'      | { it.centre.costLines[2].borneBy = 'TANDVARD' }                                                        || 'centre.costLines[2].borneBy'                         | 'no service of the centre has id TANDVARD'
        'an employer that is not in the centre'            | { it.centre.coordinators[0].employer = 'KOMMUNEN' }                                                    || 'centre.coordinators[0].employer'                     | 'no service of the centre has id KOMMUNEN'
        'an employer that is an OTHER actor'               | { withDentalCare(it); it.centre.coordinators[0].employer = 'TAND' }                                    || 'centre.coordinators[0].employer'                     | 'must be a base service'
        'a room dedicated to a service not in the centre'  | { it.centre.rooms[4].service = 'BB' }                                                                  || 'centre.rooms[4].service'                             | 'no service of the centre has id BB'
        'a service of an entity not in the centre'         | { it.centre.services[0].entity = '556036-0793' }                                                       || 'centre.services[0].entity'                           | 'no entity of the centre has organisationsnummer 556036-0793'
        'the same entity twice'                            | { it.centre.entities[1].organisationNumber = '2321000131' }                                            || 'centre.entities[1].organisationNumber'               | 'duplicates entities[0]'
        'a negative cost line amount'                      | { it.centre.costLines[0].amount = '-5' }                                                               || 'centre.costLines[0].amount'                          | 'must not be negative, was -5'
        'a negative amount after a change'                 | { it.centre.costLines[0].changes = [[from: '2025-02-01', amount: -1]] }                                || 'centre.costLines[0].changes[0].amount'               | 'must not be negative, was -1'
        'a negative monthly salary'                        | { it.centre.coordinators[0].monthlySalary = -42000 }                                                   || 'centre.coordinators[0].monthlySalary'                | 'must not be negative, was -42000'
        'a negative rent per m²'                           | { it.centre.dedicatedRent = [leaseHolder: 'ÖF', rentPerSquareMetreYear: -1200] }                       || 'centre.dedicatedRent.rentPerSquareMetreYear'         | 'must not be negative, was -1200'
        'a negative area'                                  | { it.centre.rooms[0].area = -4 }                                                                       || 'centre.rooms[0].area'                                | 'must be above 0 m², was -4'
        'a room of no area'                                | { it.centre.rooms[5].area = 0 }                                                                        || 'centre.rooms[5].area'                                | 'must be above 0 m², was 0'
        'an area with three decimals'                      | { it.centre.rooms[0].area = 4.125 }                                                                    || 'centre.rooms[0].area'                                | 'has at most two decimals, was 4.125'
        'a service that leaves before it joins'            | { it.centre.services[3].from = '2025-03-01'; it.centre.services[3].to = '2025-02-14' }                 || 'centre.services[3].to'                               | 'is before from (2025-03-01)'
        'a cost line that ends before it starts'           | { it.centre.costLines[1].from = '2025-03-01'; it.centre.costLines[1].to = '2025-01-31' }               || 'centre.costLines[1].to'                              | 'is before from (2025-03-01)'
        'a room that goes before it appears'               | { it.centre.rooms[6].from = '2025-03-01'; it.centre.rooms[6].to = '2025-01-31' }                       || 'centre.rooms[6].to'                                  | 'is before from (2025-03-01)'
        'a coordinator who leaves before starting'         | { it.centre.coordinators[0].from = '2025-03-01'; it.centre.coordinators[0].to = '2025-01-31' }         || 'centre.coordinators[0].to'                           | 'is before from (2025-03-01)'
        'a ONCE line without a date'                       | { it.centre.costLines[0].periodicity = 'ONCE' }                                                        || 'centre.costLines[0].date'                            | 'a ONCE line needs the date it falls on'
        'a ONCE line with a validity'                      | { once(it.centre.costLines[0]); it.centre.costLines[0].from = '2025-01-01' }                           || 'centre.costLines[0].from'                            | 'a ONCE line has a date, not a validity'
        'a ONCE line with changes'                         | { once(it.centre.costLines[0]); it.centre.costLines[0].changes = [[from: '2025-03-01', amount: 1]] }   || 'centre.costLines[0].changes'                         | 'a ONCE line has one amount and no changes'
        'a date on a YEAR line'                            | { it.centre.costLines[0].date = '2025-02-01' }                                                         || 'centre.costLines[0].date'                            | 'only a ONCE line has a date'
        'a change after the line ends'                     | { validity(it.centre.costLines[0], [from: '2026-01-01', amount: 1]) }                                  || 'centre.costLines[0].changes[0].from'                 | 'falls after the end of the validity 2025-12-31'
        'a change before the line starts'                  | { validity(it.centre.costLines[0], [from: '2024-12-01', amount: 1]) }                                  || 'centre.costLines[0].changes[0].from'                 | 'must be after the start 2025-01-01'
        'a change on the line\'s first day'                | { validity(it.centre.costLines[0], [from: '2025-01-01', amount: 1]) }                                  || 'centre.costLines[0].changes[0].from'                 | 'must be after the start 2025-01-01'
        'changes out of order'                             | { validity(it.centre.costLines[0], [from: '2025-06-01', amount: 1], [from: '2025-03-01', amount: 2]) } || 'centre.costLines[0].changes[1].from'                 | 'must be after the previous change\'s date 2025-06-01'
        'a salary revision after the coordinator leaves'   | { revision(it.centre.coordinators[0], '2026-01-01') }                                                  || 'centre.coordinators[0].salaryChanges[0].from'        | 'falls after the end of the validity 2025-12-31'
        'a coordinator shared by AREA'                     | { it.centre.rules.COORDINATOR = [[rule: 'AREA']] }                                                     || 'centre.rules.COORDINATOR[0].rule'                    | 'always shared EQUAL (§14.1), not AREA'
        'a coordinator shared by PERCENT'                  | { it.centre.rules.COORDINATOR = [[rule: 'PERCENT', percentages: quarters()]] }                         || 'centre.rules.COORDINATOR[0].rule'                    | 'always shared EQUAL (§14.1), not PERCENT'
        'an OTHER actor in the COORDINATOR pool'           | { withDentalCare(it); it.centre.services[4].pools = ['COORDINATOR'] }                                  || 'centre.services[4].pools'                            | 'never in the COORDINATOR pool'
        'a base service naming its pools'                  | { it.centre.services[0].pools = ['JOINT'] }                                                            || 'centre.services[0].pools'                            | 'only OTHER actors name their pools'
        'a PERCENT rule without percentages'               | { it.centre.rules.PREMISES = [[rule: 'PERCENT']] }                                                     || 'centre.rules.PREMISES[0].percentages'                | 'a PERCENT rule needs the members\' percentages'
        'percentages under an AREA rule'                   | { it.centre.rules.PREMISES = [[rule: 'AREA', percentages: quarters()]] }                               || 'centre.rules.PREMISES[0].percentages'                | 'only a PERCENT rule takes percentages, this rule is AREA'
        'a negative percentage'                            | { it.centre.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: -10, BVC: 50, 'ÖF': 40, SOC: 20]]] }   || 'centre.rules.JOINT[0].percentages.BMM'               | 'must not be negative, was -10'
        'a percentage for a service not in the centre'     | { it.centre.rules.JOINT = [[rule: 'PERCENT', percentages: quarters() + [BB: 0]]] }                     || 'centre.rules.JOINT[0].percentages.BB'                | 'no service of the centre has id BB'
        'a second rule without a date'                     | { it.centre.rules.PREMISES = [[rule: 'AREA'], [rule: 'EQUAL']] }                                       || 'centre.rules.PREMISES[1].from'                       | 'is required for every rule after the first'
        'a first rule with a date'                         | { it.centre.rules.PREMISES = [[rule: 'AREA', from: '2025-01-01']] }                                    || 'centre.rules.PREMISES[0].from'                       | 'the first rule holds from the start'
        'an FTE of 0 %'                                    | { it.centre.coordinators[0].ftePercent = 0 }                                                           || 'centre.coordinators[0].ftePercent'                   | 'above 0 and at most 100, was 0'
        'an FTE above 100 %'                               | { it.centre.coordinators[0].ftePercent = 120 }                                                         || 'centre.coordinators[0].ftePercent'                   | 'above 0 and at most 100, was 120'
        'a centre without services'                        | { it.centre.services = []; it.centre.rooms = []; it.centre.coordinators = []; it.centre.costLines = [] } || 'centre.services'                                    | 'a centre needs at least one service'
        'a rent recharge id taken by a cost line'          | { it.centre.dedicatedRent = [leaseHolder: 'ÖF', rentPerSquareMetreYear: 1200]; it.centre.costLines[0].id = 'dedicated-rent/BMM' } || 'centre.dedicatedRent' | 'dedicated-rent/BMM is already taken'
    }

    def "organisationsnummer #number is refused because of its #check"() {
        when:
        def answer = post(exampleWith { it.centre.entities[0].organisationNumber = number })

        then:
        answer.status == 422
        answer.contentType == PROBLEM_JSON
        answer.problem.type == INVALID
        reasonFor(answer, 'centre.entities[0].organisationNumber') == 'is not a valid organisationsnummer: ' + reason

        where:
        number         | check         || reason
        '232100-0132'  | 'check digit' || 'check digit: the last digit is 2 but the Luhn check digit of 232100013 is 1'
        '2321000132'   | 'check digit' || 'check digit: the last digit is 2 but the Luhn check digit of 232100013 is 1'
        '212000-1560'  | 'check digit' || 'check digit: the last digit is 0 but the Luhn check digit of 212000156 is 1'
        '23210-00131'  | 'format'      || 'format: must be ten digits written NNNNNN-NNNN'
        '232100-013'   | 'format'      || 'format: must be ten digits written NNNNNN-NNNN'
        '232100 0131'  | 'format'      || 'format: must be ten digits written NNNNNN-NNNN'
        '16232100-0131'| 'format'      || 'format: must be ten digits written NNNNNN-NNNN'
        'SE2321000131' | 'format'      || 'format: must be ten digits written NNNNNN-NNNN'
    }

    def "organisationsnummer #number is valid and services may refer to it #written"() {
        when:
        def answer = post(exampleWith {
            it.centre.entities[index].organisationNumber = number
            it.centre.services.each { s -> if (s.entity.replace('-', '') == number.replace('-', '')) { s.entity = reference } }
        })

        then:
        answer.status == 200
        answer.answer.lines.size() > 0

        where:
        index | number        | reference     | written
        0     | '232100-0131' | '2321000131'  | 'without the hyphen'
        0     | '2321000131'  | '232100-0131' | 'with the hyphen'
        1     | '212000-1561' | '212000-1561' | 'as written'
        1     | '2120001561'  | '2120001561'  | 'as written'
    }

    def "a PERCENT rule adding up to #sum is refused, stating the sum and the difference"() {
        when:
        def answer = post(exampleWith { it.centre.rules.PREMISES = [[rule: 'PERCENT', percentages: percentages]] })

        then:
        answer.status == 422
        answer.contentType == PROBLEM_JSON
        answer.problem.type == INVALID
        reasonFor(answer, 'centre.rules.PREMISES[0].percentages') == "add up to $sum, not 100 (difference $difference)".toString()

        where:
        percentages                                       || sum     | difference
        [BMM: 10, BVC: 30, 'ÖF': 40, SOC: 15]             || '95'    | '-5'
        [BMM: 10, BVC: 30, 'ÖF': 40, SOC: 30]             || '110'   | '+10'
        [BMM: 33.33, BVC: 33.33, 'ÖF': 33.33, SOC: 0]     || '99.99' | '-0.01'
        [BMM: '25.5', BVC: 25, 'ÖF': 25, SOC: 25]         || '100.5' | '+0.5'
    }

    def "a percentage for #service, which cannot be in the #pool pool, is refused"() {
        when:
        def answer = post(exampleWith { body ->
            withDentalCare(body)
            body.centre.services[0].coLocated = false
            body.centre.rules[pool] = [[rule: 'PERCENT', percentages: percentages]]
        })

        then:
        answer.status == 422
        answer.contentType == PROBLEM_JSON
        answer.problem.type == INVALID
        reasonFor(answer, "centre.rules.${pool}[0].percentages.${service}".toString())
                ?.contains("$service cannot be a member of the $pool pool$why".toString())

        where:
        service | pool       | percentages                                    || why
        'BMM'   | 'PREMISES' | [BMM: 10, BVC: 30, 'ÖF': 40, SOC: 20]          || ' (it does not share the premises)'
        'TAND'  | 'PREMISES' | [BVC: 30, 'ÖF': 40, SOC: 20, TAND: 10]         || ' (an OTHER actor is a member only of the pools it names)'
    }

    def "a period #situation is refused with 422 on #field"() {
        when:
        def answer = post(exampleWith { it.period = period })

        then:
        answer.status == 422
        answer.contentType == PROBLEM_JSON
        answer.problem.type == INVALID
        reasonFor(answer, field) == reason

        where:
        situation                      | period                                   || field       | reason
        'that ends before it starts'   | [from: '2025-03-31', to: '2025-01-01']   || 'period.to' | 'is before period.from (2025-03-31)'
        'longer than ten years'        | [from: '2020-01-01', to: '2030-12-31']   || 'period'    | 'is longer than ten years (2020-01-01 to 2030-12-31)'
        'one day over ten years'       | [from: '2020-01-01', to: '2030-01-01']   || 'period'    | 'is longer than ten years (2020-01-01 to 2030-01-01)'
        'a day over ten leap years'    | [from: '2024-02-29', to: '2034-03-01']   || 'period'    | 'is longer than ten years (2024-02-29 to 2034-03-01)'
    }

    def "a period of exactly ten years from #from to #to is computed"() {
        when:
        def answer = post(exampleWith { it.period = [from: from, to: to] })

        then:
        answer.status == 200
        answer.answer.period.from == from
        answer.answer.period.to == to

        where:
        from         | to
        '2020-01-01' | '2029-12-31'
        '2024-03-01' | '2034-02-28'
        '2024-02-29' | '2034-02-28'
    }

    // ---- 422: refusals that depend on the period's segments --------------

    def "premises shared by AREA where no service has dedicated rooms is refused, naming each line and its dates"() {
        when:
        def answer = post(exampleWith { it.centre.rooms.removeAll { room -> room.service != null } })

        then:
        answer.status == 422
        answer.contentType == PROBLEM_JSON
        answer.problem.type == INVALID
        answer.problem.errors*.field == ['centre.costLines[0]', 'centre.costLines[1]', 'centre.costLines[2]']
        reasonFor(answer, 'centre.costLines[0]') == 'line rent accrues a cost from 2025-01-01 to 2025-03-31 but the PREMISES ' +
                'pool has no member with a weight above 0; the cost cannot be shared (RULES §2)'
        reasonFor(answer, 'centre.costLines[2]').startsWith('line alarm accrues a cost from 2025-01-01 to 2025-03-31')
    }

    def "a joint cost in a stretch where only members of weight 0 take part is refused for that stretch"() {
        given: 'SOC holds all the JOINT percentages but joins only in February'
        String body = exampleWith {
            it.centre.services[3].from = '2025-02-01'
            it.centre.rules.JOINT = [[rule: 'PERCENT', percentages: [SOC: 100]]]
            it.centre.costLines << [id: 'activities', pool: 'JOINT', payer: 'ÖF', periodicity: 'QUARTER', amount: 12000]
        }

        when:
        def answer = post(body)

        then:
        answer.status == 422
        answer.problem.type == INVALID
        reasonFor(answer, 'centre.costLines[3]').startsWith('line activities accrues a cost from 2025-01-01 to 2025-01-31 but the JOINT pool has no member with a weight above 0')
    }

    def "a line borne by a service that does not take part is refused for the days it is absent"() {
        when:
        def answer = post(exampleWith {
            it.centre.services[3].from = '2025-02-15'
            it.centre.costLines[0].borneBy = 'SOC'
        })

        then:
        answer.status == 422
        answer.problem.type == INVALID
        reasonFor(answer, 'centre.costLines[0]').contains('from 2025-01-01 to 2025-02-14 but the service that bears it (SOC) does not take part')
    }

    def "a centre with premises costs but no shared #type is refused on centre.rooms naming #type"() {
        when:
        def answer = post(exampleWith { it.centre.rooms.removeAll { room -> room.type == type } })

        then:
        answer.status == 422
        answer.contentType == PROBLEM_JSON
        answer.problem.type == INVALID
        answer.problem.errors*.field == ['centre.rooms']
        reasonFor(answer, 'centre.rooms').startsWith("the shared rooms lack $type from 2025-01-01 to 2025-03-31".toString())

        where:
        type << ['STAFF_TOILET', 'VISITOR_TOILET', 'CONFERENCE_ROOM', 'STAFF_ROOM']
    }

    def "a staff toilet dedicated to one service does not count towards the shared minimum"() {
        when:
        def answer = post(exampleWith { it.centre.rooms[0].service = 'BVC' })

        then:
        answer.status == 422
        reasonFor(answer, 'centre.rooms').contains('lack STAFF_TOILET')
    }

    def "a centre without premises costs that lacks the minimum rooms is computed with a warning"() {
        when:
        def answer = post(exampleWith {
            it.centre.rooms.removeAll { room -> room.type == 'STAFF_TOILET' }
            it.centre.costLines.removeAll { line -> line.pool == 'PREMISES' }
        })

        then:
        answer.status == 200
        answer.answer.warnings*.code == ['MINIMUM_ROOMS_MISSING']
        answer.answer.warnings[0].message.contains('STAFF_TOILET')
    }

    // ---- 400: not the format --------------------------------------------

    def "a body with #situation is malformed: 400 on #field"() {
        when:
        def answer = post(exampleWith(change))

        then:
        answer.status == 400
        answer.contentType == PROBLEM_JSON
        answer.problem.type == MALFORMED
        answer.problem.status == 400
        reasonFor(answer, field)?.contains(phrase)

        where:
        situation                                   | change                                                                          || field                                      | phrase
        'a non-numeric amount'                      | { it.centre.costLines[0].amount = 'abc' }                                       || 'centre.costLines[0].amount'               | 'must be a decimal number (a JSON number or a string such as "45225.00"), was the string "abc"'
        'a decimal comma'                           | { it.centre.costLines[0].amount = '12,50' }                                     || 'centre.costLines[0].amount'               | 'must be a decimal number'
        'a thousands separator'                     | { it.centre.costLines[0].amount = '129 600' }                                   || 'centre.costLines[0].amount'               | 'was the string "129 600"'
        'an amount in exponent notation as string'  | { it.centre.costLines[0].amount = '1e5' }                                       || 'centre.costLines[0].amount'               | 'must be a decimal number'
        'an amount of true'                         | { it.centre.costLines[0].amount = true }                                        || 'centre.costLines[0].amount'               | 'must be a decimal number (a JSON number or a string such as "45225.00"), was true'
        'a non-numeric area'                        | { it.centre.rooms[0].area = 'four' }                                            || 'centre.rooms[0].area'                     | 'must be a decimal number'
        'a non-numeric percentage'                  | { it.centre.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: 'half']]] }     || 'centre.rules.JOINT[0].percentages.BMM'    | 'must be a decimal number'
        'a percentage of null'                      | { it.centre.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: null]]] }       || 'centre.rules.JOINT[0].percentages.BMM'    | 'was null'
        'a misspelt property of a cost line'        | { it.centre.costLines[0].amuont = it.centre.costLines[0].remove('amount') }     || 'centre.costLines[0].amuont'               | 'is not a known property; known here: amount, borneBy'
        'a misspelt property of a service'          | { it.centre.services[0].colocated = false }                                     || 'centre.services[0].colocated'             | 'is not a known property'
        'a misspelt property of the centre'         | { it.centre.costlines = [] }                                                    || 'centre.costlines'                         | 'is not a known property'
        'a misspelt property of the request'        | { it.perod = it.remove('period') }                                              || 'perod'                                    | 'is not a known property; known here: centre, period'
        'a misspelt pool in the rules'              | { it.centre.rules = [PREMISE: [[rule: 'AREA']]] }                               || 'centre.rules.PREMISE'                     | 'is not a known property; known here: COORDINATOR, JOINT, PREMISES'
        'a property of another object'              | { it.centre.rooms[0].payer = 'BMM' }                                            || 'centre.rooms[0].payer'                    | 'is not a known property'
        'an unknown pool'                           | { it.centre.costLines[0].pool = 'PREMISE' }                                     || 'centre.costLines[0].pool'                 | '"PREMISE" is not one of the allowed values: COORDINATOR, PREMISES, JOINT'
        'a pool in lower case'                      | { it.centre.costLines[0].pool = 'premises' }                                    || 'centre.costLines[0].pool'                 | '"premises" is not one of the allowed values: COORDINATOR, PREMISES, JOINT'
        'an unknown service type'                   | { it.centre.services[1].type = 'BVC' }                                          || 'centre.services[1].type'                  | '"BVC" is not one of the allowed values: MIDWIFE_CLINIC, CHILD_HEALTH, OPEN_PRESCHOOL, SOCIAL_SERVICES, OTHER'
        'an unknown periodicity'                    | { it.centre.costLines[0].periodicity = 'MONTHLY' }                              || 'centre.costLines[0].periodicity'          | '"MONTHLY" is not one of the allowed values: MONTH, QUARTER, YEAR, ONCE'
        'an unknown rule'                           | { it.centre.rules.PREMISES = [[rule: 'SQUARE_METRES']] }                        || 'centre.rules.PREMISES[0].rule'            | '"SQUARE_METRES" is not one of the allowed values: EQUAL, AREA, PERCENT'
        'an unknown room type'                      | { it.centre.rooms[0].type = 'TOILET' }                                          || 'centre.rooms[0].type'                     | '"TOILET" is not one of the allowed values: STAFF_TOILET'
        'an unknown pool of an OTHER actor'         | { withDentalCare(it); it.centre.services[4].pools = ['DENTAL'] }                || 'centre.services[4].pools[0]'              | '"DENTAL" is not one of the allowed values'
        'a number as enum value'                    | { it.centre.costLines[0].periodicity = 12 }                                     || 'centre.costLines[0].periodicity'          | 'must be one of MONTH, QUARTER, YEAR, ONCE, was the number 12'
        'a string where an array is expected'       | { it.centre.services = 'BMM' }                                                  || 'centre.services'                          | 'must be a JSON array, was the string "BMM"'
        'an object where an array is expected'      | { it.centre.costLines = it.centre.costLines[0] }                                || 'centre.costLines'                         | 'must be a JSON array, was an object'
        'a string where an object is expected'      | { it.centre.rooms[0] = 'staff-wc' }                                             || 'centre.rooms[0]'                          | 'must be a JSON object, was the string "staff-wc"'
        'null in a list'                            | { it.centre.costLines << null }                                                 || 'centre.costLines[3]'                      | 'must be a JSON object, was null'
        'a number where a string is expected'       | { it.centre.services[0].id = 7 }                                                || 'centre.services[0].id'                    | 'must be a string, was the number 7'
        'an array where a string is expected'       | { it.centre.name = ['A'] }                                                      || 'centre.name'                              | 'must be a string, was an array'
        'a string where true or false is expected'  | { it.centre.services[0].coLocated = 'yes' }                                     || 'centre.services[0].coLocated'             | 'must be true or false, was the string "yes"'
        'percentages as an array'                   | { it.centre.rules.PREMISES = [[rule: 'PERCENT', percentages: [10, 90]]] }       || 'centre.rules.PREMISES[0].percentages'     | 'must be an object of service id to percentage, was an array'
        'payment terms as a string'                 | { it.centre.entities[1].paymentTermsDays = '30' }                                || 'centre.entities[1].paymentTermsDays'      | 'is a whole number of days from 0 to 365, was the string "30"'
        'payment terms of a year and a day'         | { it.centre.entities[1].paymentTermsDays = 366 }                                || 'centre.entities[1].paymentTermsDays'      | 'is a whole number of days from 0 to 365, was the number 366'
        'payment terms of half a day'               | { it.centre.entities[0].paymentTermsDays = 29.5 }                               || 'centre.entities[0].paymentTermsDays'      | 'is a whole number of days from 0 to 365'
        'a rule without its kind'                   | { it.centre.rules.PREMISES = [[:]] }                                            || 'centre.rules.PREMISES[0].rule'            | 'is required: one of EQUAL, AREA, PERCENT'
        'a date without leading zeros'              | { it.centre.services[3].from = '2025-2-1' }                                     || 'centre.services[3].from'                  | 'must be a date written YYYY-MM-DD, was the string "2025-2-1"'
        'a Swedish-style date'                      | { it.centre.costLines[0].from = '1/2 2025' }                                    || 'centre.costLines[0].from'                 | 'must be a date written YYYY-MM-DD'
        'a date with a time'                        | { it.centre.costLines[0].from = '2025-01-01T00:00' }                            || 'centre.costLines[0].from'                 | 'must be a date written YYYY-MM-DD'
        'a date that does not exist'                | { it.centre.services[3].from = '2025-02-30' }                                   || 'centre.services[3].from'                  | '"2025-02-30" is not a day of the calendar'
        'a thirteenth month'                        | { it.centre.services[3].to = '2025-13-01' }                                     || 'centre.services[3].to'                    | '"2025-13-01" is not a day of the calendar'
        'a 29 February in a common year'            | { it.period = [from: '2025-01-01', to: '2025-02-29'] }                          || 'period.to'                                | '"2025-02-29" is not a day of the calendar'
        'a date as a number'                        | { it.centre.services[3].from = 20250201 }                                       || 'centre.services[3].from'                  | 'must be a date string YYYY-MM-DD, was the number 20250201'
        'a quarter 5'                               | { it.period = '2025-Q5' }                                                       || 'period'                                   | '"2025-Q5" is not a quarter; write YYYY-Qn with n from 1 to 4'
        'a quarter written backwards'               | { it.period = 'Q1-2025' }                                                       || 'period'                                   | '"Q1-2025" is not a quarter'
        'a quarter in lower case'                   | { it.period = '2025-q1' }                                                       || 'period'                                   | '"2025-q1" is not a quarter'
        'a period as a number'                      | { it.period = 2025 }                                                            || 'period'                                   | 'must be a JSON object, was the number 2025'
        'a period without its end'                  | { it.period = [from: '2025-01-01'] }                                            || 'period.to'                                | 'is required'
        'a period with an unknown property'         | { it.period = [from: '2025-01-01', to: '2025-03-31', quarter: 1] }              || 'period.quarter'                           | 'is not a known property; known here: from, to'
        'no period'                                 | { it.remove('period') }                                                         || 'period'                                   | 'is required: a quarter such as "2025-Q1"'
        'no centre'                                 | { it.remove('centre') }                                                         || 'centre'                                   | 'is required'
        'a null centre'                             | { it.centre = null }                                                            || 'centre'                                   | 'is required'
        'an array as centre'                        | { it.centre = [it.centre] }                                                     || 'centre'                                   | 'must be a JSON object, was an array'
    }

    def "a body that is not one JSON object (#situation) is refused with 400 on body"() {
        when:
        def answer = post(body)

        then:
        answer.status == 400
        answer.contentType == PROBLEM_JSON
        answer.problem.type == MALFORMED
        answer.problem.errors*.field == ['body']
        answer.problem.errors[0].reason.contains(phrase)

        where:
        situation                  | body                                                      || phrase
        'cut off'                  | '{"period": "2025-Q1", "centre": {"name": "A"'            || 'malformed JSON at line 1'
        'a trailing comma'         | '{"period": "2025-Q1", "centre": {},}'                    || 'malformed JSON at line 1, column'
        'single quotes'            | "{'period': '2025-Q1'}"                                   || 'malformed JSON'
        'text after the value'     | '{"period": "2025-Q1", "centre": {}} {}'                  || 'unexpected content after the JSON value'
        'a key given twice'        | '{"period": "2025-Q1", "period": "2025-Q2", "centre": {}}' || "Duplicate field 'period'"
        'NaN as a number'          | exampleWithRaw('NaN') { it.centre.costLines[0].amount = '@RAW@' } || "Non-standard token 'NaN'"
        'plain text'               | 'period=2025-Q1'                                          || 'malformed JSON'
        'an empty body'            | ''                                                        || 'the body is empty; a JSON object is expected'
        'only white space'         | '   \n '                                                  || 'the body is empty'
        'null'                     | 'null'                                                    || 'must be a JSON object, was null'
        'an array'                 | '[' + exampleWith {} + ']'                                || 'must be a JSON object, was an array'
        'an empty array'           | '[]'                                                      || 'must be a JSON object, was an array'
        'a string'                 | '"2025-Q1"'                                               || 'must be a JSON object, was the string "2025-Q1"'
        'a number'                 | '42'                                                      || 'must be a JSON object, was the number 42'
        'nesting 2000 deep'        | '['.multiply(2000) + ']'.multiply(2000)                   || 'nesting depth'
    }

    // ---- several errors at once -----------------------------------------

    def "every rule a centre breaks is listed in one 422"() {
        given:
        String body = exampleWith {
            it.centre.services[3].from = '2025-03-01'
            it.centre.services[3].to = '2025-02-01'
            it.centre.entities[1].organisationNumber = '212000-1562'
            it.centre.rooms[2].area = -24
            it.centre.rules = [PREMISES: [[rule: 'PERCENT', percentages: [BMM: 10, BVC: 30, 'ÖF': 40, SOC: 15]]],
                               COORDINATOR: [[rule: 'AREA']]]
            it.centre.coordinators[0].employer = 'KOMMUNEN'
            it.centre.costLines[0].amount = -129600
            it.centre.costLines[1].id = 'rent'
            it.centre.costLines[2].payer = 'LARM'
            it.period = [from: '2025-01-01', to: '2035-12-31']
        }

        when:
        def answer = post(body)

        then:
        answer.status == 422
        answer.contentType == PROBLEM_JSON
        answer.problem.type == INVALID
        answer.problem.errors*.field as Set == [
                'period',
                'centre.entities[1].organisationNumber',
                'centre.services[2].entity', 'centre.services[3].entity',
                'centre.services[3].to',
                'centre.rooms[2].area',
                'centre.rules.PREMISES[0].percentages',
                'centre.rules.COORDINATOR[0].rule',
                'centre.coordinators[0].employer',
                'centre.costLines[0].amount',
                'centre.costLines[1].id',
                'centre.costLines[2].payer'] as Set
        answer.problem.detail == '12 fields break the cost-sharing rules'
        answer.problem.errors.every { it.reason }
    }

    def "every structural error of a body is listed in one 400, before any rule is checked"() {
        given:
        String body = exampleWith {
            it.centre.costLines[0].amount = 'abc'
            it.centre.costLines[1].pool = 'PREMISE'
            it.centre.costLines[2].payr = it.centre.costLines[2].remove('payer')
            it.centre.services[0].type = 'BARNMORSKA'
            it.centre.rooms = 'all of them'
            it.centre.services[3].from = '2025-02-30'
            it.centre.coordinators[0].employer = 'KOMMUNEN'   // a rule error: not reported while the format is wrong
            it.period = '2025-Q7'
        }

        when:
        def answer = post(body)

        then:
        answer.status == 400
        answer.contentType == PROBLEM_JSON
        answer.problem.type == MALFORMED
        answer.problem.errors*.field as Set == [
                'period',
                'centre.services[0].type',
                'centre.services[3].from',
                'centre.rooms',
                'centre.costLines[0].amount',
                'centre.costLines[1].pool',
                'centre.costLines[2].payr'] as Set
        answer.problem.detail == '7 fields of the request are malformed'
    }

    // ---- computed all the same --------------------------------------------

    def "a centre of only child health and open preschool is not covered, and computed all the same"() {
        given:
        String body = exampleWith {
            it.centre.services.removeAll { s -> !(s.type in ['CHILD_HEALTH', 'OPEN_PRESCHOOL']) }
            it.centre.rooms.removeAll { room -> room.service in ['BMM', 'SOC'] }
        }

        when:
        def answer = post(body)

        then:
        answer.status == 200
        answer.contentType.startsWith('application/json')
        answer.answer.classification*.classification == ['NOT_COVERED']
        def warning = answer.answer.warnings.find { it.code == 'NOT_COVERED' }
        warning.message.contains('From 2025-01-01 to 2025-03-31 the centre is not covered')
        warning.message.contains('computed all the same')
        answer.answer.services*.id == ['BVC', 'ÖF']
        answer.answer.lines.find { it.id == 'coordinator/salary' }.shares*.amount*.amount == ['63000.00', '63000.00']
    }

    // ---- odd inputs never give a 500 --------------------------------------

    @Timeout(30)
    def "odd input: #situation is answered #status, never 500"() {
        when:
        def answer = post(body)

        then:
        answer.status == status
        answer.contentType == PROBLEM_JSON
        answer.problem.type == (status == 400 ? MALFORMED : INVALID)
        reasonFor(answer, field)?.contains(phrase)

        where:
        situation                                              | body                                                                                                || status | field                                      | phrase
        'an amount of 1e400'                                   | exampleWithRaw('1e400') { it.centre.costLines[0].amount = '@RAW@' }                                 || 400    | 'centre.costLines[0].amount'               | 'is out of range: at most 15 digits before the decimal point, was the number 1E+400'
        'an amount of 1e999999999'                             | exampleWithRaw('1e999999999') { it.centre.costLines[0].amount = '@RAW@' }                           || 400    | 'centre.costLines[0].amount'               | 'is out of range'
        'an amount of 1e-999999999'                            | exampleWithRaw('1e-999999999') { it.centre.costLines[0].amount = '@RAW@' }                          || 400    | 'centre.costLines[0].amount'               | 'is out of range: at most 20 decimals'
        'an area of 1e-400'                                    | exampleWithRaw('1e-400') { it.centre.rooms[0].area = '@RAW@' }                                      || 400    | 'centre.rooms[0].area'                     | 'is out of range: at most 20 decimals, was the number 1E-400'
        'a percentage of 1e999999999'                          | exampleWithRaw('1e999999999') { it.centre.rules.JOINT = [[rule: 'PERCENT', percentages: [BMM: '@RAW@']]] } || 400 | 'centre.rules.JOINT[0].percentages.BMM' | 'is out of range'
        'a salary of a sixteen-digit string'                   | exampleWith { it.centre.coordinators[0].monthlySalary = '1234567890123456' }                        || 400    | 'centre.coordinators[0].monthlySalary'     | 'is out of range'
        'a name of 1e999999999'                                | exampleWithRaw('1e999999999') { it.centre.name = '@RAW@' }                                          || 400    | 'centre.name'                              | 'must be a string, was the number 1E+999999999'
        'a period ending in year 999999999'                    | exampleWith { it.period = [from: '+999999999-01-01', to: '+999999999-12-31'] }                      || 400    | 'period.from'                              | 'must be a date written YYYY-MM-DD'
        'a service taking part until year 999999999'           | exampleWith { it.centre.services[0].to = '+999999999-12-31' }                                       || 400    | 'centre.services[0].to'                    | 'must be a date written YYYY-MM-DD, was the string "+999999999-12-31"'
        'a service taking part since year -999999999'          | exampleWith { it.centre.services[0].from = '-999999999-01-01' }                                     || 400    | 'centre.services[0].from'                  | 'must be a date written YYYY-MM-DD'
        'a service without a type under a PERCENT rule'        | exampleWith { it.centre.services[0].remove('type'); it.centre.rules.PREMISES = [[rule: 'PERCENT', percentages: quarters()]] } || 422 | 'centre.services[0].type' | 'is required'
        'a centre given as null'                               | '{"period": "2025-Q1", "centre": null}'                                                             || 400    | 'centre'                                   | 'is required'
        'an empty centre'                                      | '{"period": "2025-Q1", "centre": {}}'                                                               || 422    | 'centre.services'                          | 'a centre needs at least one service'
        'an array as body'                                     | '[]'                                                                                                || 400    | 'body'                                     | 'must be a JSON object'
        'an empty body'                                        | ''                                                                                                  || 400    | 'body'                                     | 'the body is empty'
        'a number of 2000 digits'                              | exampleWithRaw('1' * 2000) { it.centre.costLines[0].amount = '@RAW@' }                              || 400    | 'body'                                     | 'Number value length (2000) exceeds the maximum'
    }

    def "numbers as strings with surrounding spaces are read as numbers"() {
        when:
        def answer = post(exampleWith { it.centre.costLines[0].amount = ' 129600 ' })

        then:
        answer.status == 200
        answer.answer.lines.find { it.id == 'rent' }.total.amount == '32400.00'
    }

    def "large but sensible numbers are computed exactly"() {
        when:
        def answer = post(exampleWith {
            it.centre.costLines[0].amount = '999999999999999.99'
            it.centre.costLines[0].periodicity = 'MONTH'
        })

        then:
        answer.status == 200
        answer.answer.lines.find { it.id == 'rent' }.total.amount == '2999999999999999.97'
    }

    // ---- helpers for the tables ---------------------------------------------

    /** Adds a dental clinic (an OTHER actor in the JOINT pool) as services[4]. */
    static void withDentalCare(Map body) {
        body.centre.services << [id: 'TAND', type: 'OTHER', entity: '232100-0131', pools: ['JOINT']]
    }

    static Map quarters() {
        [BMM: 25, BVC: 25, 'ÖF': 25, SOC: 25]
    }

    static void once(Map line) {
        line.periodicity = 'ONCE'
        line.date = '2025-02-01'
    }

    static void validity(Map line, Map... changes) {
        line.from = '2025-01-01'
        line.to = '2025-12-31'
        line.changes = changes as List
    }

    static void revision(Map coordinator, String from) {
        coordinator.from = '2025-01-01'
        coordinator.to = '2025-12-31'
        coordinator.salaryChanges = [[from: from, amount: 43000]]
    }
}
