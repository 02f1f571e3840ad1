package se.familycentre.web.page

import groovy.json.JsonOutput
import se.familycentre.allocation.Allocator
import se.familycentre.allocation.Pool
import se.familycentre.allocation.PoolRule
import se.familycentre.allocation.RuleKind
import se.familycentre.format.IndexSeriesReader
import se.familycentre.format.ScenarioReader
import se.familycentre.scenario.Scenario
import se.familycentre.scenario.ScenarioRun
import se.familycentre.web.api.SavedScenarioApiSpec
import spock.lang.Specification

/**
 * A saved plan opened in the simulator's form and saved again from it is the same plan: every part
 * the API takes has its place in the form (or a hidden field), so re-saving from the page loses
 * nothing and computes the same to the öre.
 */
class ScenarioFormSpec extends Specification {

    static final String REGION = '232100-0131'
    static final String MUNICIPALITY = '212000-1561'

    /** The plan read from the form that was filled in from it. */
    static Scenario throughTheForm(String json) {
        ScenarioForm form = ScenarioForm.of(ScenarioReader.tree(json))
        ScenarioForm.Plan plan = form.toPlan()
        assert plan.errors().isEmpty(): plan.errors()
        ScenarioReader.read(plan.json())
    }

    /** Equal shares named outright are what no rule means: the coordinator's always, the rest by default. */
    static Scenario withoutPlainEqualRules(Scenario s) {
        s.withRules(s.rules().findAll { pool, PoolRule r -> !(r.rule() == RuleKind.EQUAL && r.percentages().isEmpty()) })
    }

    def "a plan with #what comes back from the form as it was saved, and computes the same to the öre"() {
        given:
        String json = JsonOutput.toJson(SavedScenarioApiSpec.planOf(REGION, MUNICIPALITY) + changes)
        Scenario saved = ScenarioReader.read(json)

        when:
        Scenario again = throughTheForm(json)

        then:
        withoutPlainEqualRules(again) == withoutPlainEqualRules(saved)
        ScenarioRun.totals(computed(again)) == ScenarioRun.totals(computed(saved))

        where:
        what                                          | changes
        'the defaults of the API'                     | [:]
        'percentages for premises and activities'     | [rules: [PREMISES: [[rule: 'PERCENT', percentages: [bmm: 20, bvc: 30, of: 35, soc: 15]]],
                                                                 JOINT   : [[rule: 'PERCENT', percentages: [bmm: 25, bvc: 25, of: 40, soc: 10]]]]]
        'the coordinator named equal outright'        | [rules: [PREMISES: [[rule: 'EQUAL']], COORDINATOR: [[rule: 'EQUAL']]]]
        'shared rooms of its own, one extra'          | [sharedRooms: [[id: 'pt', type: 'STAFF_TOILET', area: '4.5'], [id: 'bt', type: 'VISITOR_TOILET', area: '5'],
                                                                       [id: 'kr', type: 'CONFERENCE_ROOM', area: '22'], [id: 'pr', type: 'STAFF_ROOM', area: '26.5'],
                                                                       [id: 'lek', type: 'PLAY_ROOM', area: '40', name: 'Lekrummet']]]
        'a shared cost paid by a service'             | [sharedCosts: [[id: 'larm', name: 'Larm', pool: 'PREMISES', payer: 'bvc', perYear: '9600']]]
        'budget frames for both parties'              | [frames: [[organisationNumber: REGION, perYear: '400000'], [organisationNumber: MUNICIPALITY, perYear: '450000.50']]]
        'indexed rent from a base year'               | [rentIndexation: [series: 'KPI', baseYear: 2021]]
        'rent indexed by three quarters, no floor'    | [rentIndexation: [series: 'KPI', baseYear: 2021, share: '75', floor: false]]
        'a service joining later, one not co-located' | [services: [[id: 'bmm', type: 'MIDWIFE_CLINIC', entity: REGION, dedicatedArea: 30, coLocated: false],
                                                                    [id: 'bvc', type: 'CHILD_HEALTH', entity: REGION, dedicatedArea: 45],
                                                                    [id: 'of', type: 'OPEN_PRESCHOOL', entity: MUNICIPALITY, dedicatedArea: 80],
                                                                    [id: 'soc', type: 'SOCIAL_SERVICES', entity: MUNICIPALITY, dedicatedArea: 20, from: '2025-09-01']]]
        'a part-time coordinator with IT, other costs and a payer of the premises' |
                [coordinator: [employer: 'bvc', ftePercent: '75', monthlySalary: '39500', onCostPercent: '40.15',
                               competenceDevelopmentPerYear: '12000', itPerYear: '7200'],
                 premisesPayer: 'of', otherSharedPerYear: '18000']
        'its own assumptions'                         | [assumptions: [salaryIncreasePercent: '2.8', salaryRevision: '10-01', indexChangePercent: '1.7'],
                                                         start: '2026-03-15', horizonYears: 5]
    }

    def "the form opens with the fixture plan, next January, and the person's own entity in the place of the party it is"() {
        given:
        Map<String, Object> plan = SimulatorDefaults.read(java.nio.file.Path.of('fixtures').resolve(SimulatorDefaults.FILE))

        when:
        ScenarioForm form = ScenarioForm.defaults(plan, own, java.time.LocalDate.parse('2026-12-02'))
        Scenario planned = ScenarioReader.read(form.toPlan().json())

        then:
        !plan.isEmpty()
        form.get('start') == '2027-01-01'
        planned.entities()*.organisationNumber() == parties
        planned.services()*.id() == ['bmm', 'bvc', 'of', 'soc']
        planned.coordinator().employer() == 'of'
        computed(planned).years().size() == 3

        where:
        own                                                                   || parties
        []                                                                    || [REGION, MUNICIPALITY]
        [new se.familycentre.allocation.LegalEntity('212000-9994', 'Annan kommun')] || [REGION, '212000-9994']
        [new se.familycentre.allocation.LegalEntity(REGION, 'Regionen')]      || [REGION, MUNICIPALITY]
    }

    def "without the fixture the form opens nearly empty, with the typical rooms; it is refused by name, not a 500"() {
        when:
        ScenarioForm form = ScenarioForm.defaults(SimulatorDefaults.read(java.nio.file.Path.of('no-such-plan.json')), [],
                java.time.LocalDate.parse('2026-12-02'))

        then:
        form.get('start') == '2027-01-01'
        form.get('room-0-type') == 'STAFF_TOILET'
        !form.toPlan().errors().isEmpty() || !form.toPlan().json().contains('"services":[{')
    }

    static ScenarioRun.Result computed(Scenario s) {
        def outcome = new ScenarioRun(new Allocator()).run(s, IndexSeriesReader.reference())
        assert outcome instanceof ScenarioRun.Result: outcome
        outcome as ScenarioRun.Result
    }
}
