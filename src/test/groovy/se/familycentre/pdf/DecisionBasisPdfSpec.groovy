package se.familycentre.pdf

import se.familycentre.statement.SwedishFormat
import java.time.LocalDate
import javax.money.MonetaryAmount
import org.apache.pdfbox.Loader
import org.apache.pdfbox.pdmodel.PDDocument
import org.apache.pdfbox.text.PDFTextStripper
import org.apache.pdfbox.text.TextPosition
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider
import se.familycentre.allocation.RuleKind
import se.familycentre.allocation.Sek
import se.familycentre.scenario.ScenarioReport
import se.familycentre.scenario.ScenarioReportFixture
import se.familycentre.scenario.ScenarioRun
import spock.lang.Shared
import spock.lang.Specification


/**
 * The decision basis (beslutsunderlag) prints a scenario's report in Swedish: every party's cost
 * per year as the report computed it, the frames exceeded and by how much, the premises rules and
 * the services compared with the plan by the report's own differences; a ten-year plan over
 * several pages with every year; PDF/A-2b like the statements. The files are written to
 * target/decision-basis-samples.
 */
class DecisionBasisPdfSpec extends Specification {

    static final LocalDate PRINTED = LocalDate.parse('2026-11-03')
    static final File SAMPLES = new File('target/decision-basis-samples')

    static {
        VeraGreenfieldFoundryProvider.initialise()
    }

    @Shared DecisionBasisRenderer renderer = new DecisionBasisRenderer()
    @Shared ScenarioReport report = ScenarioReportFixture.report(ScenarioReportFixture.fourEntities())
    @Shared byte[] pdf = save('three-years', renderer.render(report, PRINTED))
    @Shared String text = flat(StatementPdfSpec.read(pdf))

    @Shared ScenarioReport tenYears = ScenarioReportFixture.report(ScenarioReportFixture.fourEntities(horizon: 10, premises: RuleKind.AREA))
    @Shared byte[] tenYearPdf = save('ten-years', renderer.render(tenYears, PRINTED))

    static byte[] save(String name, byte[] pdf) {
        SAMPLES.mkdirs()
        new File(SAMPLES, "${name}.pdf").bytes = pdf
        pdf
    }

    /** As the text layer reads an amount: a space for the no-break space, "-" for the minus sign. */
    static String printed(MonetaryAmount a) {
        StatementPdfSpec.normalise(SwedishFormat.amount(a)).replace('\u2212', '-')
    }

    static String signed(MonetaryAmount a) {
        (a.signum() > 0 ? '+' : '') + printed(a)
    }

    static String flat(String s) {
        StatementPdfSpec.flat(s)
    }

    /** The text from one heading to the next. */
    static String between(String text, String from, String to) {
        int start = text.indexOf(from)
        assert start >= 0: "no '$from' in the text"
        int end = to == null ? text.length() : text.indexOf(to, start + from.length())
        text.substring(start, end < 0 ? text.length() : end)
    }

    /** Each year's row of a comparison table: the totals, then (the part year's dates and) the differences. */
    static boolean comparisonRows(String table, ScenarioRun.Result variant, ScenarioRun.Result plan) {
        def diff = ScenarioReport.difference(variant, plan)
        int first = plan.years().first().period().from().year
        int last = plan.years().last().period().from().year
        variant.years().every { y ->
            int year = y.period().from().year
            String totals = y.entities().collect { printed(it.total()) }.join(' ')
            String diffs = y.entities().collect { signed(diff[it.organisationNumber()][year]) }.join(' ')
            String dates = year in [first, last] ? "${y.period().from()} – ${y.period().to()} " : ''
            String row = "$year $totals $dates$diffs "
            assert table.contains(row): "no row '$row' in: $table"
            true
        }
    }

    def "the head names the plan, the day printed and the period with its horizon"() {
        expect:
        text.startsWith('Beslutsunderlag Familjecentralen Älvstranden (plan) Utskrivet 2026-11-03 '
                + 'Period 2027-08-01 – 2030-07-31 (3 år)')
        text.contains('Löneökning 3,0 % per år, vid lönerevisionen 1 april')
        text.contains('Antagen KPI-förändring 2,0 % per år')
        text.contains('Hyra 1 850,00 kr per m² och år, indexeras med KPI, basår 2025')
        text.contains('Samordnare anställd av Öppen förskola (Kommunen), 100,0 % av heltid')
        text.contains('Månadslön 42 000,00 kr')
        text.contains('Personalomkostnader 41,5 % av lönen')
        text.contains('Gemensamma lokaler: Procentsatser (Barnmorskemottagning 20,0 %, Barnavårdscentral 30,0 %, '
                + 'Öppen förskola 35,0 %, Socialtjänst 15,0 %)')
        text.contains('Kommunen (212000-1561): 250 000,00 kr per år')
    }

    def "every party's total of every year is printed as the report has it, in the year's table"() {
        given:
        def years = report.plan().years()

        expect:
        years.size() == 4
        years.every { y ->
            String table = between(text, "${y.period().from().year} (${y.period().from()} – ${y.period().to()})",
                    'Ersätter')
            y.entities().every { e -> table.contains(e.name()) && table.contains(e.organisationNumber()) } &&
                    between(text.substring(text.indexOf(table)), 'Totalt', 'Utbetalt') ==
                    'Totalt ' + y.entities().collect { printed(it.total()) }.join(' ') + ' '
        }
    }

    def "a party's total is what it paid out, plus what it reimburses, less what it is reimbursed, as the note says"() {
        expect:
        text.contains('Totalt är partens andel av kostnaderna: utbetalt + ersätter - ersätts med.')
        (report.plan().years() + report.plan().quarters()).every { p ->
            p.entities().every { e -> e.total() == e.paidOut().add(e.reimburses()).subtract(e.reimbursed()) }
        }
    }

    def "the summary lists each year's totals per party, and a year over the frame says so"() {
        given:
        def summary = between(text, 'Sammanfattning', 'Kostnad per år och part')

        expect:
        report.plan().years().every { y ->
            y.entities().every { e -> summary.contains(printed(e.total())) }
        }
        summary.count('över ramen') == report.plan().frames().size()
    }

    def "a frame exceeded is printed in bold with the amount it is exceeded by"() {
        given:
        def frames = report.plan().frames()
        def bold = boldLines(pdf)

        expect: 'the municipality employs the coordinator and pays more than 250 000 kr a full year'
        frames*.year() == [2028, 2029]
        frames.every { it.organisationNumber() == ScenarioReportFixture.MUNICIPALITY }
        frames.every { f ->
            String line = "Kommunen (212000-1561), ${f.year()}: Ramen överskrids med ${printed(f.by())}"
            text.contains(line) && bold.contains(line) &&
                    text.contains("Kostnad ${printed(f.cost())} mot ramen 250 000,00 kr per år")
        }
        Sek.decimal(frames[0].by()) == Sek.decimal(frames[0].cost()) - 250000
    }

    def "the premises rules are compared with the plan by the report's differences"() {
        given:
        def plan = report.plan()
        def headings = ['Lokaler fördelas lika delar', 'Lokaler fördelas efter yta',
                        'Lokaler fördelas procentsatser (planens regel)', 'Jämförelse: utan en verksamhet']

        expect:
        report.premisesRules().keySet() as List == [RuleKind.EQUAL, RuleKind.AREA, RuleKind.PERCENT]
        [RuleKind.EQUAL, RuleKind.AREA, RuleKind.PERCENT].withIndex().every { kind, i ->
            comparisonRows(between(text, headings[i], headings[i + 1]), report.premisesRules()[kind] as ScenarioRun.Result,
                    plan)
        }

        and: 'the differences are not all nil: shared equally the region pays more than by percentages'
        Sek.decimal(ScenarioReport.difference(report.premisesRules()[RuleKind.EQUAL] as ScenarioRun.Result, plan)
                [ScenarioReportFixture.REGION][2028]) > 0
        text.contains('Lokaler fördelas procentsatser (planens regel)')
    }

    def "a service left out of a plan shared by percentages is computed with the others' percentages renormalised"() {
        given:
        def section = between(text, 'Jämförelse: utan en verksamhet', null)

        expect: 'the open preschool employs the coordinator and pays the premises, so it is always in'
        report.withoutEachService().keySet() as List == ['bmm', 'bvc', 'soc']
        section.contains('Ingår i alla beräkningar: Öppen förskola (samordnarens arbetsgivare).')
        report.withoutEachService().values().every { it instanceof ScenarioRun.Result }
        !section.contains('Kan inte beräknas')
    }

    def "a variant the rules refuse is printed with the refusal's reasons"() {
        given: 'the refusals put in the report as the engine gives them'
        def refusing = ScenarioReportFixture.refusingEachService(report)
        def section = between(flat(StatementPdfSpec.read(renderer.render(refusing, PRINTED))),
                'Jämförelse: utan en verksamhet', null)

        expect:
        refusing.withoutEachService().every { id, outcome ->
            (outcome as ScenarioRun.Refused).violations().every {
                section.contains("Kan inte beräknas utan verksamheten: • ${it.reason()} (${it.field()})")
            }
        }
    }

    def "each service left out of a plan shared by area is compared with the plan by the report's differences"() {
        given:
        def plan = tenYears.plan()
        def all = flat(StatementPdfSpec.read(tenYearPdf))
        def headings = ['Utan Barnmorskemottagning (Västra Götalandsregionen)', 'Utan Barnavårdscentral (Vårdcentralen Norr AB)',
                        'Utan Socialtjänst (Grannkommunen)', 'Sida ']

        expect:
        tenYears.withoutEachService().keySet() as List == ['bmm', 'bvc', 'soc']
        ['bmm', 'bvc', 'soc'].withIndex().every { id, i ->
            def variant = tenYears.withoutEachService()[id]
            assert variant instanceof ScenarioRun.Result
            String table = between(all, headings[i], headings[i + 1]).replaceAll(/ Sida \d+ av \d+ .*?\(forts\.\) År .*?222000-1230/, '')
            comparisonRows(table, variant, plan)
        }

        and: 'without the midwife clinic the region pays nothing, and the others more'
        def without = ScenarioReport.difference(tenYears.withoutEachService()['bmm'] as ScenarioRun.Result, plan)
        without[ScenarioReportFixture.REGION][2030] == plan.years()[3].entities()[0].total().negate()
        Sek.decimal(without[ScenarioReportFixture.MUNICIPALITY][2030]) > 0
    }

    def "a ten-year plan of four parties runs over several pages, each year in it, the pages headed and numbered"() {
        given:
        def pages = Loader.loadPDF(tenYearPdf).withCloseable { PDDocument d ->
            (1..d.numberOfPages).collect { n ->
                def s = new PDFTextStripper()
                s.startPage = n
                s.endPage = n
                StatementPdfSpec.normalise(s.getText(d))
            }
        }
        def all = flat(pages.join('\n'))

        expect:
        pages.size() > 4
        tenYears.plan().years().size() == 11
        (2027..2037).every { year ->
            tenYears.plan().years().find { it.period().from().year == year }.with { y ->
                all.contains("$year (${y.period().from()} – ${y.period().to()})") &&
                        y.entities().every { all.contains(printed(it.total())) }
            }
        }
        pages.withIndex().every { page, i -> page.contains("Sida ${i + 1} av ${pages.size()}") }
        pages.drop(1).every { it.startsWith('Beslutsunderlag Familjecentralen Älvstranden (plan) · 2027-08-01 – 2037-07-31') }
    }

    def "no table row is cut by a page break: every page's text ends above the footer"() {
        expect: 'each year table continued on a new page repeats its title'
        Loader.loadPDF(tenYearPdf).withCloseable { PDDocument d ->
            def bottoms = []
            def stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) {
                    if (!s.startsWith('Sida') && !s.startsWith('Beslutsunderlag ·')) {
                        bottoms << positions.collect { it.y }.max()
                    }
                    super.writeString(s, positions)
                }
            }
            stripper.getText(d)
            bottoms.every { it < PageGeometry.A4.height - PageGeometry.BOTTOM + 10 }
        }
    }

    def "the decision basis is PDF/A-2b by veraPDF, the ten-year one too"() {
        expect:
        PdfaSpec.failedRules(PdfaSpec.validate(pdf)) == []
        PdfaSpec.failedRules(PdfaSpec.validate(tenYearPdf)) == []
    }

    def "the same report printed the same day is the same file; another day another"() {
        expect:
        renderer.render(report, PRINTED) == pdf
        renderer.render(report, PRINTED.plusDays(1)) != pdf
    }

    def "a name in letters beyond Latin-1 prints with fonts made for it, and is still PDF/A-2b"() {
        given:
        def s = ScenarioReportFixture.fourEntities()
        def renamed = new se.familycentre.scenario.Scenario('Familjecentralen Łódź-Ŋorr', s.start(), s.horizonYears(),
                s.entities(), s.services(), s.sharedRooms(), s.rentPerSquareMetreYear(), s.rentIndexation(),
                s.cleaningPerYear(), s.otherSharedPerYear(), s.premisesPayer(), s.coordinator(),
                s.jointActivitiesPerYear(), s.rules(), s.assumptions(), s.frames())
        byte[] wide = save('wide-name', renderer.render(ScenarioReportFixture.report(renamed), PRINTED))

        expect:
        StatementPdfSpec.read(wide).contains('Familjecentralen Łódź-Ŋorr')
        PdfaSpec.failedRules(PdfaSpec.validate(wide)) == []
    }

    /** The lines drawn wholly in the bold face. */
    static List<String> boldLines(byte[] pdf) {
        List<String> lines = []
        def stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String s, List<TextPosition> positions) {
                if (positions.every { it.font.name.contains('Bold') || it.unicode.isBlank() }) {
                    lines << StatementPdfSpec.normalise(s)
                }
                super.writeString(s, positions)
            }
        }
        Loader.loadPDF(pdf).withCloseable { stripper.getText(it) }
        lines
    }
}
