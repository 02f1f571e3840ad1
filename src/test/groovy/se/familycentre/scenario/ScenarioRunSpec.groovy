package se.familycentre.scenario

import java.time.LocalDate
import java.time.MonthDay
import se.familycentre.allocation.Allocator
import se.familycentre.allocation.Indexation
import se.familycentre.allocation.LegalEntity
import se.familycentre.allocation.Pool
import se.familycentre.allocation.PoolRule
import se.familycentre.allocation.RuleKind
import se.familycentre.allocation.Sek
import se.familycentre.allocation.ServiceType
import se.familycentre.format.IndexSeriesReader
import spock.lang.Specification

/**
 * RULES §7: a scenario expands into an ordinary centre and is computed year by year and by the
 * first year's quarters; salaries rise on the revision dates after the start, compounding, exact;
 * an index beyond its last known October is extended by the assumed change, exact; frames are
 * compared with each entity's year.
 */
class ScenarioRunSpec extends Specification {

    static final String REGION = '232100-0131'
    static final String MUNICIPALITY = '212000-1561'

    static Scenario plan(Map overrides = [:]) {
        Map p = [start: LocalDate.parse('2027-08-01'), horizon: 3, increase: '3.0', k: '2.0', frames: [:],
                 rent: '1850', rentIndex: Indexation.of('KPI', 2025), midwifeCoLocated: true] + overrides
        new Scenario('Familjecentralen Norr (plan)', p.start as LocalDate, p.horizon as int,
                [new LegalEntity(REGION, 'Västra Götalandsregionen'), new LegalEntity(MUNICIPALITY, 'Kommunen')],
                [new Scenario.PlannedService('bmm', ServiceType.MIDWIFE_CLINIC, REGION, 'Barnmorskemottagning', null,
                        p.midwifeCoLocated as boolean, 30.0),
                 new Scenario.PlannedService('bvc', ServiceType.CHILD_HEALTH, REGION, 'Barnavårdscentral', null, true, 45.0),
                 new Scenario.PlannedService('of', ServiceType.OPEN_PRESCHOOL, MUNICIPALITY, 'Öppen förskola', null, true, 80.0),
                 new Scenario.PlannedService('soc', ServiceType.SOCIAL_SERVICES, MUNICIPALITY, 'Socialtjänst',
                         p.socFrom as LocalDate, true, 20.0)],
                [], Sek.sek(p.rent as String), p.rentIndex as Indexation, Sek.sek('60000'), Sek.sek('12000'), 'of',
                new Scenario.PlannedCoordinator('of', 100.0, Sek.sek('42000'), 41.5, Sek.sek('15000'), Sek.sek('7200')),
                Sek.sek('40000'),
                [(Pool.PREMISES): new PoolRule(null, RuleKind.AREA, [:]), (Pool.JOINT): PoolRule.equal()],
                new Scenario.Assumptions(p.increase as BigDecimal, MonthDay.of(4, 1), p.k as BigDecimal),
                (p.frames as Map).collectEntries { k, v -> [(k): Sek.sek(v as String)] })
    }

    static ScenarioRun.Result run(Scenario s) {
        def outcome = new ScenarioRun(new Allocator()).run(s, IndexSeriesReader.reference())
        assert outcome instanceof ScenarioRun.Result: outcome
        outcome as ScenarioRun.Result
    }

    def "the defaults: a centre opening 2027-08-01 for three years is computed per calendar year and per quarter of the first"() {
        when:
        def r = run(plan())

        then:
        r.years()*.period()*.toString() == ['Period[from=2027-08-01, to=2027-12-31]', 'Period[from=2028-01-01, to=2028-12-31]',
                                            'Period[from=2029-01-01, to=2029-12-31]', 'Period[from=2030-01-01, to=2030-07-31]']
        r.quarters()*.period()*.toString() == ['Period[from=2027-08-01, to=2027-09-30]', 'Period[from=2027-10-01, to=2027-12-31]']
        r.years().every { y -> y.entities()*.organisationNumber() == [REGION, MUNICIPALITY] }
        r.centre().rooms().findAll { it.isShared() }*.area()*.toPlainString() == ['4.5', '6', '20', '25']
    }

    def "each entity's total is its services' shares, and each year's entity totals add up to the centre's lines"() {
        when:
        def r = run(plan())

        then:
        r.years().every { y ->
            def lines = y.allocation().lines().collect { Sek.decimal(it.total()) }.sum()
            def entities = y.entities().collect { Sek.decimal(it.total()) }.sum()
            lines == entities && y.entities().every { e ->
                Sek.decimal(e.total()) == e.byPool().values().collect { Sek.decimal(it) }.sum()
            }
        }
    }

    def "the first year's quarters add up to the first year per party within the rounding of RULES §4"() {
        when:
        def r = run(plan(start: LocalDate.parse(start)))
        def year = r.years()[0]
        int roundings = r.quarters().size() * year.allocation().lines().size()

        then:
        [REGION, MUNICIPALITY].every { org ->
            def inYear = Sek.decimal(year.entities().find { it.organisationNumber() == org }.total())
            def inQuarters = r.quarters().collect { q -> Sek.decimal(q.entities().find { it.organisationNumber() == org }.total()) }.sum()
            (inYear - inQuarters).abs() <= roundings * 0.01
        }

        where:
        start << ['2027-01-01', '2027-02-15', '2027-08-01', '2027-12-01']
    }

    def "the salary rises by 3 % on each 1 April strictly after the start, compounding, exact"() {
        when:
        def c = ScenarioExpansion.coordinator(plan(start: LocalDate.parse(start)))

        then:
        c.salaryChanges().collect { "${it.from()} ${Sek.decimal(it.amount()).stripTrailingZeros().toPlainString()}".toString() } == expected

        where:
        start        || expected
        '2027-08-01' || ['2028-04-01 43260', '2029-04-01 44557.8', '2030-04-01 45894.534']
        '2027-04-01' || ['2028-04-01 43260', '2029-04-01 44557.8']
        '2027-03-31' || ['2027-04-01 43260', '2028-04-01 44557.8', '2029-04-01 45894.534']
    }

    def "expanded amounts stay exact: ten years of 3 % increases carry every decimal into the engine, not four"() {
        when:
        def s = plan(horizon: 10)
        def salaries = ScenarioExpansion.coordinator(s).salaryChanges()*.amount().collect { Sek.decimal(it) }
        def r = run(s)

        then:
        salaries.last() == new BigDecimal('42000') * new BigDecimal('1.03').pow(10)
        salaries.last().toPlainString() == "56444.48793245312066058"
        r.years().size() == 11

        and: 'the register still holds stored centres to four decimals'
        new Allocator().allocate(r.centre(), r.years()[5].period(), IndexSeriesReader.reference().extendedBy(0.02, 2040))
                instanceof se.familycentre.allocation.AllocationOutcome.Refused
    }

    def "the planned centre, written in the centre format and read back as a stored centre is, computes each year to the öre as the plan did"() {
        given: 'a three-year plan whose expanded amounts fit the register (3 % increases: 43 260, 44 557,8, 45 894,534)'
        def s = plan(start: LocalDate.parse('2027-01-01'))
        def r = run(s)
        String json = groovy.json.JsonOutput.toJson([centre: se.familycentre.format.CentreWriter.document(
                new se.familycentre.format.CentreDocument(r.centre(), null))])

        when:
        def stored = se.familycentre.format.CentreReader.readImport(json).document().centre()
        def table = IndexSeriesReader.reference().extendedBy(0.02, s.end().year)

        then:
        r.years().every { y ->
            def outcome = new Allocator().allocate(stored, y.period(), table)
            assert outcome instanceof se.familycentre.allocation.AllocationOutcome.Allocated: outcome
            def a = (outcome as se.familycentre.allocation.AllocationOutcome.Allocated).allocation()
            a.services() == y.allocation().services() && a.flows() == y.allocation().flows() &&
                    a.lines()*.total() == y.allocation().lines()*.total()
        }
    }

    def "an index beyond its last known October is extended by the assumed change, exact: KPI October 2026 = 409,07 × 1,02³"() {
        when:
        def r = run(plan(start: LocalDate.parse('2027-01-01')))
        def rent = r.years()[0].allocation().lines().find { it.id() == 'hyra' }
        def factor = rent.segments()[0].indexation()

        then: 'the rent of 2027 is priced by October 2026 against the base year 2025 (October 2025 = 409,07 × 1,02²)'
        factor.indexYear() == 2026
        factor.index() == new BigDecimal('409.07') * 1.02 * 1.02 * 1.02
        factor.baseIndex() == new BigDecimal('409.07') * 1.02 * 1.02
        factor.changePercent(2) == 2.00
    }

    def "a frame is exceeded when the entity's year costs more, and the answer says by how much"() {
        when:
        def r = run(plan(frames: [(MUNICIPALITY): '100000']))
        def first = r.years()[0].entities().find { it.organisationNumber() == MUNICIPALITY }

        then:
        r.frames()*.organisationNumber().every { it == MUNICIPALITY }
        r.frames()*.year() == [2027, 2028, 2029, 2030].findAll { y ->
            Sek.decimal(r.years().find { it.period().from().year == y }.entities().find { it.organisationNumber() == MUNICIPALITY }.total()) > 100000
        }
        r.frames()[0].by() == first.total().subtract(Sek.sek('100000'))
    }

    def "a service that joins later takes part from then: the social services from 2028"() {
        when:
        def r = run(plan(socFrom: LocalDate.parse('2028-01-01')))

        then:
        r.years()[0].allocation().services().find { it.service() == 'soc' }.total().isZero()
        r.years()[1].allocation().services().find { it.service() == 'soc' }.total().isPositive()
    }

    def "the steering group is warned in Swedish: #what"() {
        when:
        def r = run(change(plan()))

        then:
        r.warnings()*.code() == codes
        r.warnings()*.message().every { it ==~ /.*[åäöÅÄÖ].*/ }
        r.warnings()*.message().any { it.contains(text) }

        where:
        what                                     | change                                                     || codes                                     | text
        'a midwife clinic not co-located'        | { Scenario s -> midwifeApart(s) }                                                 || ['NOT_CO_LOCATED', 'FAMILY_CENTRE_LIKE'] | 'Barnmorskemottagningen är inte samlokaliserad: utanför lokalpoolen'
        'three base services: family-centre-like' | { Scenario s -> s.withServices(s.services().findAll { it.id() != 'bmm' }) } || ['FAMILY_CENTRE_LIKE'] | 'familjecentralsliknande'
        'two: not covered by the agreement'      | { Scenario s -> s.withServices(s.services().findAll { it.id() in ['bvc', 'of'] }) } || ['NOT_COVERED'] | 'omfattas verksamheten inte av samverkansavtalet'
    }

    /** The plan with its midwife clinic unnamed and not co-located. */
    static Scenario midwifeApart(Scenario s) {
        s.withServices(s.services().collect { p ->
            p.id() == 'bmm' ? new Scenario.PlannedService(p.id(), p.type(), p.entity(), null, p.from(), false, p.dedicatedArea()) : p
        })
    }

    def "a stretch running on into the next year is one warning, with its whole span"() {
        when:
        def s = plan()
        def r = run(s.withServices(s.services().findAll { it.id() != 'bmm' }))

        then:
        r.years().size() > 1
        r.warnings().size() == 1
        r.warnings()[0].message().startsWith("Från ${s.start()} till ${s.end()} ")
    }

    def "the report compares each variant as computing it alone would, by year and to the öre; the own rule is the plan itself"() {
        given:
        def s = plan()
        def index = IndexSeriesReader.reference()
        def engine = new ScenarioRun(new Allocator())
        def planned = run(s)

        when:
        def report = engine.report(planned, index)

        then: 'the premises rules and the services left out are those ScenarioVariants gives'
        report.premisesRules().keySet() == ScenarioVariants.premisesRules(s).keySet()
        report.withoutEachService().keySet() == ScenarioVariants.withoutEachService(s).keySet()
        report.withoutEachService().keySet() == ['bmm', 'bvc', 'soc'] as Set

        and: 'the plan is by area, so its own variant is the plan, computed once'
        report.premisesRules()[RuleKind.AREA].is(planned)

        and: 'every other variant has the years it has alone, to the öre, without the quarters nobody compares'
        def variants = ScenarioVariants.premisesRules(s).findAll { k, v -> k != RuleKind.AREA }.collectEntries { k, v -> [(k.name()): v] } +
                ScenarioVariants.withoutEachService(s)
        def computed = report.premisesRules().findAll { k, v -> k != RuleKind.AREA }.collectEntries { k, v -> [(k.name()): v] } +
                report.withoutEachService()
        variants.size() == 4
        variants.every { key, variant ->
            def alone = run(variant)
            def inReport = computed[key] as ScenarioRun.Result
            inReport.quarters().isEmpty() &&
                    inReport.years()*.period() == alone.years()*.period() &&
                    inReport.years()*.entities() == alone.years()*.entities() &&
                    ScenarioRun.totals(inReport) == ScenarioRun.totals(alone)
        }

        and: 'the comparisons are not vacuous: under equal shares the region pays another amount'
        ScenarioReport.difference(report.premisesRules()[RuleKind.EQUAL] as ScenarioRun.Result, planned)[REGION].values()
                .any { it.isPositive() || it.isNegative() }
    }
}
