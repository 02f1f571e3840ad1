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

/**
 * A planned centre of four legal entities (the region's midwife clinic, a private health centre's
 * child health care, the municipality's open preschool and the neighbouring municipality's social
 * services), the premises shared by percentages, and its report computed as the service computes
 * it: the plan, the plan under each premises rule, the plan without each service.
 */
class ScenarioReportFixture {

    static final String REGION = '232100-0131'
    static final String HEALTH_CENTRE = '556677-8899'
    static final String MUNICIPALITY = '212000-1561'
    static final String NEIGHBOUR = '222000-1230'

    static Scenario fourEntities(Map overrides = [:]) {
        Map p = [start: '2027-08-01', horizon: 3, frames: [(MUNICIPALITY): '250000'], premises: RuleKind.PERCENT] + overrides
        new Scenario('Familjecentralen Älvstranden (plan)', LocalDate.parse(p.start as String), p.horizon as int,
                [new LegalEntity(REGION, 'Västra Götalandsregionen'),
                 new LegalEntity(HEALTH_CENTRE, 'Vårdcentralen Norr AB'),
                 new LegalEntity(MUNICIPALITY, 'Kommunen'),
                 new LegalEntity(NEIGHBOUR, 'Grannkommunen')],
                [new Scenario.PlannedService('bmm', ServiceType.MIDWIFE_CLINIC, REGION, 'Barnmorskemottagning', null, true, 30.0),
                 new Scenario.PlannedService('bvc', ServiceType.CHILD_HEALTH, HEALTH_CENTRE, 'Barnavårdscentral', null, true, 45.0),
                 new Scenario.PlannedService('of', ServiceType.OPEN_PRESCHOOL, MUNICIPALITY, 'Öppen förskola', null, true, 80.0),
                 new Scenario.PlannedService('soc', ServiceType.SOCIAL_SERVICES, NEIGHBOUR, 'Socialtjänst', null, true, 20.0)],
                [], Sek.sek('1850'), Indexation.of('KPI', 2025), Sek.sek('60000'), Sek.sek('12000'), 'of',
                new Scenario.PlannedCoordinator('of', 100.0, Sek.sek('42000'), 41.5, Sek.sek('15000'), Sek.sek('7200')),
                Sek.sek('40000'),
                [(Pool.PREMISES): p.premises == RuleKind.PERCENT ? new PoolRule(null, RuleKind.PERCENT, [bmm: 20.0, bvc: 30.0, of: 35.0, soc: 15.0])
                                   : new PoolRule(null, p.premises as RuleKind, [:]),
                 (Pool.JOINT)   : PoolRule.equal()],
                new Scenario.Assumptions(3.0, MonthDay.of(4, 1), 2.0),
                (p.frames as Map).collectEntries { k, v -> [(k): Sek.sek(v as String)] })
    }

    static ScenarioReport report(Scenario s) {
        def run = new ScenarioRun(new Allocator())
        def index = IndexSeriesReader.reference()
        def plan = run.run(s, index)
        assert plan instanceof ScenarioRun.Result: plan
        run.report(plan as ScenarioRun.Result, index)
    }

    /** The report with each service comparison refused as the engine refuses a plan naming an unknown service. */
    static ScenarioReport refusingEachService(ScenarioReport r) {
        new ScenarioReport(r.plan(), r.premisesRules(), r.withoutEachService().collectEntries { id, outcome ->
            [(id): new ScenarioRun.Refused([new se.familycentre.allocation.Violation(
                    "rules.PREMISES[0].percentages.$id".toString(), "no service of the centre has id $id".toString())])]
        })
    }
}
