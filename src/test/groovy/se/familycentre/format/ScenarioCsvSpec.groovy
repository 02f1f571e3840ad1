package se.familycentre.format

import javax.money.MonetaryAmount
import se.familycentre.allocation.RuleKind
import se.familycentre.allocation.Sek
import se.familycentre.scenario.ScenarioReport
import se.familycentre.scenario.ScenarioReportFixture
import se.familycentre.scenario.ScenarioRun
import se.familycentre.statement.StatementCsvSpec
import spock.lang.Shared
import spock.lang.Specification

/**
 * A scenario's report as CSV, as the statements' CSV is written (UTF-8 with a BOM, semicolons,
 * CRLF, decimal comma, no thousands separator, Swedish headings): parsed back, each year's and
 * quarter's entity amounts are the report's to the öre, the frames exceeded are there, and the
 * comparisons' differences are {@link ScenarioReport#difference}.
 */
class ScenarioCsvSpec extends Specification {

    static final List<String> HEADER = ['Avsnitt', 'Variant', 'Beskrivning', 'Period', 'Från', 'Till', 'Org.nr', 'Part',
                                        'Samordnare', 'Gemensamma lokaler', 'Gemensamma aktiviteter', 'Totalt',
                                        'Utbetalt', 'Ersätts med', 'Ersätter', 'Budgetram', 'Överskrids med',
                                        'Skillnad mot planen', 'Anmärkning']

    /** Premises by percentages, three years; by area, ten years. */
    @Shared ScenarioReport byPercent = ScenarioReportFixture.report(ScenarioReportFixture.fourEntities())
    @Shared ScenarioReport byArea = ScenarioReportFixture.report(ScenarioReportFixture.fourEntities(horizon: 10,
            premises: RuleKind.AREA))

    /** The data rows as maps by column, after checking the BOM, the header and that every row is full. */
    static List<Map<String, String>> rows(byte[] csv) {
        assert csv[0..2] == [0xEF, 0xBB, 0xBF].collect { it as byte }: 'UTF-8 with a BOM'
        def parsed = StatementCsvSpec.parse(new String(csv, 'UTF-8').substring(1))
        assert parsed[0] == HEADER
        assert parsed.every { it.size() == HEADER.size() }
        parsed.drop(1).collect { row -> [HEADER, row].transpose().collectEntries() }
    }

    /** Exact: the cell as a decimal, at two decimals; compared by value, never as a double. */
    static BigDecimal amount(String cell) {
        assert cell ==~ /-?\d+,\d{2}/
        new BigDecimal(cell.replace(',', '.'))
    }

    static BigDecimal kronor(MonetaryAmount a) {
        Sek.decimal(a)
    }

    def "each year's and each quarter's row per entity holds the report's amounts to the öre"() {
        given:
        def r = report.plan()
        def rows = rows(ScenarioCsv.write(report))

        expect:
        [['år', r.years()], ['kvartal', r.quarters()]].every { section, periods ->
            def inSection = rows.findAll { it.Avsnitt == section }
            inSection.size() == periods.sum { it.entities().size() } &&
                    periods.every { p ->
                        p.entities().every { e ->
                            def row = inSection.find {
                                it['Från'] == p.period().from().toString() && it['Org.nr'] == e.organisationNumber()
                            }
                            row.Part == e.name() && row.Till == p.period().to().toString() &&
                                    amount(row.Totalt) == kronor(e.total()) &&
                                    amount(row.Utbetalt) == kronor(e.paidOut()) &&
                                    amount(row['Ersätts med']) == kronor(e.reimbursed()) &&
                                    amount(row['Ersätter']) == kronor(e.reimburses()) &&
                                    amount(row.Samordnare) + amount(row['Gemensamma lokaler']) +
                                    amount(row['Gemensamma aktiviteter']) == kronor(e.total())
                        }
                    }
        }

        where:
        report << [byPercent, byArea]
    }

    def "the years are labelled by calendar year, the quarters by their name, a part year by its dates"() {
        given:
        def rows = rows(ScenarioCsv.write(byPercent)).findAll { it['Org.nr'] == ScenarioReportFixture.REGION }

        expect:
        rows.findAll { it.Avsnitt == 'år' }.collect { "${it.Period} ${it['Från']} ${it.Till}".toString() } ==
                ['2027 2027-08-01 2027-12-31', '2028 2028-01-01 2028-12-31', '2029 2029-01-01 2029-12-31',
                 '2030 2030-01-01 2030-07-31']
        rows.findAll { it.Avsnitt == 'kvartal' }.collect { "${it.Period} ${it['Från']} ${it.Till}".toString() } ==
                ['2027-Q3 2027-08-01 2027-09-30', '2027-Q4 2027-10-01 2027-12-31']
    }

    def "a frame exceeded has its row: the cost, the frame and by how much"() {
        given:
        def frames = byPercent.plan().frames()
        def rows = rows(ScenarioCsv.write(byPercent)).findAll { it.Avsnitt == 'budgetram' }

        expect:
        frames.size() == 2
        rows.collect { [it.Period as int, it['Org.nr'], amount(it.Totalt), amount(it.Budgetram), amount(it['Överskrids med'])] } ==
                frames.collect { [it.year(), it.organisationNumber(), kronor(it.cost()), kronor(it.frame()), kronor(it.by())] }
        rows.every { amount(it.Budgetram) == 250000.00G && amount(it['Överskrids med']) > 0 }
    }

    def "each comparison's rows hold the variant's totals and the report's difference from the plan"() {
        given:
        def rows = rows(ScenarioCsv.write(byArea))
        def plan = byArea.plan()
        def variants = byArea.premisesRules().collectEntries { k, v -> [(['lokalregel', k.name()]): v] } +
                byArea.withoutEachService().collectEntries { k, v -> [(['utan verksamhet', k]): v] }

        expect:
        variants.keySet() as List == [['lokalregel', 'EQUAL'], ['lokalregel', 'AREA'],
                                      ['utan verksamhet', 'bmm'], ['utan verksamhet', 'bvc'], ['utan verksamhet', 'soc']]
        variants.every { key, outcome ->
            def (section, code) = key
            def variant = outcome as ScenarioRun.Result
            def difference = ScenarioReport.difference(variant, plan)
            def mine = rows.findAll { it.Avsnitt == section && it.Variant == code }
            mine.size() == 11 * 4 && mine.every { row ->
                int year = row['Från'].substring(0, 4) as int
                def e = variant.years().find { it.period().from().year == year }.entities()
                        .find { it.organisationNumber() == row['Org.nr'] }
                amount(row.Totalt) == kronor(e.total()) &&
                        amount(row['Skillnad mot planen']) == kronor(difference[row['Org.nr']][year])
            }
        }

        and: 'the differences are real: without the midwife clinic the region saves its whole share'
        rows.find { it.Avsnitt == 'utan verksamhet' && it.Variant == 'bmm' && it['Org.nr'] == ScenarioReportFixture.REGION &&
                it.Period == '2028' }.with { amount(it['Skillnad mot planen']) } ==
                -kronor(plan.years()[1].entities().find { it.organisationNumber() == ScenarioReportFixture.REGION }.total())
        rows.find { it.Avsnitt == 'lokalregel' && it.Variant == 'EQUAL' }.Beskrivning == 'Lika delar'
        rows.findAll { it.Avsnitt == 'år' }.every { it['Skillnad mot planen'] == '' }
    }

    def "a variant the rules refuse has a row per reason, and no amounts"() {
        // no variant of these plans is refused (a service left out joins after the horizon, and the
        // others' percentages are renormalised): the refusal is put in the report as the engine gives one
        given:
        def refused = rows(ScenarioCsv.write(ScenarioReportFixture.refusingEachService(byPercent)))
                .findAll { it.Avsnitt == 'utan verksamhet' }

        expect:
        refused*.Variant == ['bmm', 'bvc', 'soc']
        refused*.Beskrivning == ['Utan Barnmorskemottagning', 'Utan Barnavårdscentral', 'Utan Socialtjänst']
        refused.every { it.Totalt == '' && it['Anmärkning'].startsWith('Kan inte beräknas: ') }
        refused[0]['Anmärkning'].endsWith('(rules.PREMISES[0].percentages.bmm)')
    }

    def "text a spreadsheet would run as a formula is neutralised, and a separator in a name is quoted"() {
        given:
        def s = ScenarioReportFixture.fourEntities()
        def entities = s.entities().collect {
            it.organisationNumber() == ScenarioReportFixture.MUNICIPALITY
                    ? new se.familycentre.allocation.LegalEntity(it.organisationNumber(), '=HYPERLINK("x");Kommunen') : it
        }
        def renamed = new se.familycentre.scenario.Scenario(s.name(), s.start(), s.horizonYears(), entities, s.services(),
                s.sharedRooms(), s.rentPerSquareMetreYear(), s.rentIndexation(), s.cleaningPerYear(),
                s.otherSharedPerYear(), s.premisesPayer(), s.coordinator(), s.jointActivitiesPerYear(), s.rules(),
                s.assumptions(), s.frames())
        byte[] csv = ScenarioCsv.write(ScenarioReportFixture.report(renamed))

        expect:
        new String(csv, 'UTF-8').contains(';"\'=HYPERLINK(""x"");Kommunen";')
        rows(csv).find { it['Org.nr'] == ScenarioReportFixture.MUNICIPALITY }.Part == '\'=HYPERLINK("x");Kommunen'
    }
}
