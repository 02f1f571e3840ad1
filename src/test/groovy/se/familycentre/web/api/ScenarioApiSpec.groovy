package se.familycentre.web.api

import groovy.json.JsonOutput
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.invoicing.StatementApi
import spock.lang.Specification

/**
 * The simulator over HTTP (issue 11): a steering group's plan with the defaults returns each year
 * per party; the same plan under each premises rule shows who pays more and by how much; a plan
 * the rules cannot compute is a 422 naming the field.
 */
@MicronautTest(transactional = false)
class ScenarioApiSpec extends Specification {

    static final String REGION = '232100-0131'
    static final String MUNICIPALITY = '212000-1561'

    @Inject
    @Client('/')
    HttpClient http

    StatementApi getApi() {
        new StatementApi(http)
    }

    static Map plan() {
        [name        : 'Familjecentralen Norr', start: '2027-01-01',
         entities    : [[organisationNumber: REGION, name: 'Västra Götalandsregionen'],
                        [organisationNumber: MUNICIPALITY, name: 'Kommunen']],
         services    : [[id: 'bmm', type: 'MIDWIFE_CLINIC', entity: REGION, dedicatedArea: 30],
                        [id: 'bvc', type: 'CHILD_HEALTH', entity: REGION, dedicatedArea: 45],
                        [id: 'of', type: 'OPEN_PRESCHOOL', entity: MUNICIPALITY, dedicatedArea: 80],
                        [id: 'soc', type: 'SOCIAL_SERVICES', entity: MUNICIPALITY, dedicatedArea: 20]],
         rentPerSquareMetreYear: '1850', cleaningPerYear: '60000', jointActivitiesPerYear: '40000',
         coordinator : [employer: 'of', monthlySalary: '42000', onCostPercent: '41.5', competenceDevelopmentPerYear: '15000'],
         rules       : [PREMISES: [[rule: 'AREA']]]]
    }

    def "the defaults: three calendar years per party, the first year's quarters, the assumptions used"() {
        when:
        def a = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(plan()))

        then:
        a.status == 200
        a.json.horizonYears == 3
        a.json.end == '2029-12-31'
        a.json.years*.from == ['2027-01-01', '2028-01-01', '2029-01-01']
        a.json.years.every { y -> y.entities*.organisationNumber == [REGION, MUNICIPALITY] }
        a.json.firstYearQuarters*.from == ['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01']
        a.json.assumptions.salaryRevision == '04-01'
        a.json.assumptions.sharedRooms*.type == ['STAFF_TOILET', 'VISITOR_TOILET', 'CONFERENCE_ROOM', 'STAFF_ROOM']

        and: 'each year the entities pay what the services cost, and the coordinator is shared equally by the four services'
        a.json.years.every { y ->
            def services = y.services.collect { it.total as BigDecimal }.sum()
            services == y.entities.collect { it.total as BigDecimal }.sum() &&
                    y.services*.byPool*.COORDINATOR.unique().size() <= 2
        }
    }

    def "changing the premises rule shows who pays more and by how much"() {
        when:
        def a = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(plan()))
        def equal = a.json.premisesRuleComparison.find { it.premisesRule == 'EQUAL' }
        def area = a.json.premisesRuleComparison.find { it.premisesRule == 'AREA' }

        then: 'the plan shares premises by area: its own rule differs by nothing'
        area.differenceFromPlan.values().every { years -> years.values().every { it == '0.00' } }

        and: 'shared equally, the region (75 of 175 m² dedicated) pays more and the municipality as much less, each year'
        def region = equal.differenceFromPlan[REGION]
        def municipality = equal.differenceFromPlan[MUNICIPALITY]
        region.keySet() == ['2027', '2028', '2029'] as Set
        region.every { year, diff -> (diff as BigDecimal) > 0 && (diff as BigDecimal) == -(municipality[year] as BigDecimal) }
        equal.totals[REGION]['2027'] as BigDecimal == (a.json.years[0].entities.find { it.organisationNumber == REGION }.total as BigDecimal) + (region['2027'] as BigDecimal)
    }

    def "without each service that can be left out: who pays what if it does not join"() {
        when:
        def a = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(plan()))
        def withoutSoc = a.json.serviceComparison.find { it.without == 'soc' }

        then: 'the open preschool employs the coordinator and pays the premises: it is not left out'
        a.json.serviceComparison*.without == ['bmm', 'bvc', 'soc']

        and: 'without the social services the region pays more (a third of the coordinator instead of a quarter)'
        withoutSoc.differenceFromPlan[REGION].values().every { (it as BigDecimal) > 0 }
    }

    def "a shared cost paid by a service of the region: the region is owed the others' part, and that service is not left out in the comparison"() {
        given:
        Map p = plan() + [sharedCosts: [[id: 'larm', name: 'Inbrottslarm', pool: 'PREMISES', payer: 'bvc', perYear: '8400']]]

        when:
        def without = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(plan()))
        def with = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(p))
        Map first = with.json.years[0] as Map

        then:
        with.status == 200
        first.flows.any { it.creditor == REGION && it.debtor == MUNICIPALITY }
        (first.entities.find { it.organisationNumber == REGION }.paidOut as BigDecimal) ==
                (without.json.years[0].entities.find { it.organisationNumber == REGION }.paidOut as BigDecimal) + 8400
        with.json.serviceComparison*.without == ['bmm', 'soc']
    }

    def "premises shared by percentages: without a service, the others' percentages are renormalised rather than the plan refused"() {
        given:
        Map p = plan() + [rules: [PREMISES: [[rule: 'PERCENT', percentages: [bmm: 20, bvc: 30, of: 40, soc: 10]]]]]

        when:
        def a = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(p))
        def withoutBmm = a.json.serviceComparison.find { it.without == 'bmm' }

        then:
        a.status == 200
        a.json.serviceComparison.every { it.refused == null && it.totals }
        withoutBmm.differenceFromPlan[REGION].values().every { (it as BigDecimal) < 0 }
        withoutBmm.differenceFromPlan[MUNICIPALITY].values().every { (it as BigDecimal) > 0 }
    }

    def "a frame exceeded is named with the year and by how much"() {
        given:
        Map p = plan() + [frames: [[organisationNumber: MUNICIPALITY, perYear: '100000']]]

        when:
        def a = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(p))

        then:
        a.json.framesExceeded*.year == [2027, 2028, 2029]
        a.json.framesExceeded.every { (it.cost as BigDecimal) - 100000 == (it.by as BigDecimal) }
    }

    def "#what is refused with #status naming #field"() {
        when:
        def a = api.post('/api/v1/scenarios/compute', JsonOutput.toJson(change(plan())))

        then:
        a.status == status
        a.response.contentType.get().toString().startsWith('application/problem+json')
        a.json.errors*.field.contains(field)

        where:
        what                               | change                                                          || status | field
        'a horizon of 11 years'            | { Map p -> p + [horizonYears: 11] }                            || 422    | 'horizonYears'
        'no start'                         | { Map p -> p.findAll { it.key != 'start' } }                   || 422    | 'start'
        'a service of an unknown entity'   | { Map p -> p.services[0].entity = '556000-0000'; p }           || 422    | 'services[0].entity'
        'a coordinator employed by nobody' | { Map p -> p.coordinator.employer = 'x'; p }                   || 422    | 'coordinator.employer'
        'a negative rent'                  | { Map p -> p + [rentPerSquareMetreYear: '-1'] }                || 422    | 'rentPerSquareMetreYear'
        'an unknown property'              | { Map p -> p + [colour: 'blue'] }                              || 400    | 'colour'
        'a salary revision of 13-01'       | { Map p -> p + [assumptions: [salaryRevision: '13-01']] }      || 400    | 'assumptions.salaryRevision'
        'a shared cost paid by nobody'     | { Map p -> p + [sharedCosts: [[id: 'larm', pool: 'PREMISES', payer: 'x', perYear: '8400']]] } || 422 | 'sharedCosts[0].payer'
        'a shared cost with the rent\'s id' | { Map p -> p + [sharedCosts: [[id: 'hyra', pool: 'PREMISES', perYear: '1']]] } || 422 | 'sharedCosts[0].id'
        'a shared cost without a pool'     | { Map p -> p + [sharedCosts: [[id: 'larm', perYear: '1']]] }   || 400    | 'sharedCosts[0].pool'
    }
}
