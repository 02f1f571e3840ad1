package se.familycentre.allocation

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.time.LocalDate
import se.familycentre.allocation.Allocation.IndexFactor
import se.familycentre.allocation.Allocation.LineAllocation
import se.familycentre.allocation.Allocation.Segment
import se.familycentre.format.CentreReader
import se.familycentre.format.IndexSeriesReader
import spock.lang.Shared
import spock.lang.Specification

/**
 * Indexed lines (RULES §3 indexation): a line's amounts are in its base year B's
 * price level, and on a day of year Y ≥ B + 2 the amount in force is multiplied by
 * 1 + s × (I(Y−1) − I(B)) / I(B), October values, exact, the floor holding a fall
 * at the base. Example E of RULES §6 to the öre (example A's shared rent, indexed
 * by KPI from 2021: src/test/resources/examples/example-e.json), the floor, the
 * year boundary as a cut, a change of amount in base prices, the refusals with
 * their field paths, and properties over random centres against the independent
 * reading of the rules in {@link AllocationPropertiesSpec.Oracle}.
 */
class IndexationSpec extends Specification {

    static final IndexTable KPI = IndexSeriesReader.reference()
    static final List<String> SERVICES = ['BMM', 'BVC', 'ÖF', 'SOC']

    @Shared
    Allocator allocator = new Allocator()

    /** Example E's document (example A, the rent indexed by KPI from 2021) with a change made to it. */
    static Map exampleE(Closure change = {}) {
        Map doc = new JsonSlurper().parseText(WorkedExamples.body('example-e')) as Map
        change(doc.centre)
        doc
    }

    static Centre centre(Map doc) {
        CentreReader.readRequest(JsonOutput.toJson(doc)).centre()
    }

    static Period period(String text) {
        if (Period.isQuarter(text)) {
            return Period.ofQuarter(text)
        }
        String[] ends = text.split('/')
        new Period(LocalDate.parse(ends[0]), LocalDate.parse(ends[1]))
    }

    Allocation allocated(Centre centre, Period period, IndexTable table = KPI) {
        AllocationOutcome outcome = allocator.allocate(centre, period, table)
        assert outcome instanceof AllocationOutcome.Allocated: outcome
        (outcome as AllocationOutcome.Allocated).allocation()
    }

    LineAllocation rent(Centre centre, Period period, IndexTable table = KPI) {
        allocated(centre, period, table).lines().find { it.id() == 'rent' }
    }

    static List<String> shares(LineAllocation line) {
        line.shares().collect { Sek.plain(it.amount()) }
    }

    // ---- RULES §6 example E ----------------------------------------------------------------

    def "example E: the shipped reference data is KPI's October #year value #value (1980 = 100)"() {
        expect:
        KPI.names() == ['KPI'] as Set
        KPI.series('KPI').valueFor(year) == new BigDecimal(value)
        KPI.series('KPI').firstYear() == 2018
        KPI.series('KPI').lastYear() == 2023

        where:
        year | value
        2018 | '330.72'
        2019 | '336.04'
        2020 | '336.97'
        2021 | '346.44'
        2022 | '384.04'
        2023 | '409.07'
    }

    def "example E: the rent of 129 600 a year at 2021 prices, #share % indexed, totals #total in #quarter, shared by AREA #expected"() {
        given:
        Centre centre = centre(exampleE { it.costLines[0].indexation.share = share })

        when:
        LineAllocation line = rent(centre, Period.ofQuarter(quarter))

        then:
        Sek.plain(line.total()) == total
        shares(line) == expected

        where:
        quarter   | share || total      | expected
        '2022-Q1' | 100   || '32400.00' | ['6171.43', '9257.14', '12342.86', '4628.57']
        '2023-Q1' | 100   || '35916.45' | ['6841.23', '10261.84', '13682.46', '5130.92']
        '2024-Q1' | 100   || '38257.33' | ['7287.11', '10930.67', '14574.22', '5465.33']
        '2024-Q1' | 75    || '36792.99' | ['7008.19', '10512.28', '14016.38', '5256.14']
        '2024-Q1' | 0     || '32400.00' | ['6171.43', '9257.14', '12342.86', '4628.57']
    }

    def "example E: the rest of example A is not indexed and stays as it was"() {
        when:
        Allocation allocation = allocated(centre(exampleE()), Period.ofQuarter('2024-Q1'))

        then:
        WorkedExamples.LINES.findAll { it[0] == 'example-a' && it[1] != 'rent' }.every { List row ->
            LineAllocation line = allocation.lines().find { it.id() == row[1] }
            Sek.plain(line.total()) == row[2] && shares(line) == row[3] && line.segments().every { it.indexation() == null }
        }
    }

    def "example E: each segment says which factor applied, so a statement can print 'KPI okt #indexYear #index mot basår 2021 346,44: +#change %'"() {
        when:
        List<Segment> segments = rent(centre(exampleE()), Period.ofQuarter(quarter)).segments()
        IndexFactor factor = segments[0].indexation()

        then: 'one segment, the amount as entered in 2021 prices'
        segments.size() == 1
        segments[0].amount() == 129600
        factor.series() == 'KPI'
        factor.baseYear() == 2021
        factor.applies()
        factor.indexYear() == indexYear
        factor.index() == new BigDecimal(index)
        factor.baseIndex() == new BigDecimal('346.44')
        factor.share() == 100
        factor.floor()
        !factor.floored()
        factor.factor() == Fraction.of(new BigDecimal(index)).divide(Fraction.of(new BigDecimal('346.44')))
        factor.changePercent(2) == new BigDecimal(change)

        where:
        quarter   || indexYear | index    | change
        '2023-Q1' || 2022      | '384.04' | '10.85'
        '2024-Q1' || 2023      | '409.07' | '18.08'
    }

    def "example E: before B + 2 the amount is paid at the base year's price level, and the segment says so"() {
        when:
        List<Segment> segments = rent(centre(exampleE()), period('2021-11-01/2022-12-31')).segments()

        then: 'the factor is 1 in 2021 and 2022 alike: nothing changes at the year boundary, so one segment'
        segments.size() == 1
        !segments[0].indexation().applies()
        segments[0].indexation().factor() == Fraction.ONE
        segments[0].indexation().indexYear() == null
        segments[0].indexation().baseIndex() == new BigDecimal('346.44')
        segments[0].indexation().changePercent(2) == 0
    }

    // ---- the floor, the year boundary, a change in base prices ------------------------------

    def "with the floor #floor, a fall of KPI by 2 % a year from 2023 (base year 2023) makes #quarter's rent #total"() {
        given: 'KPI extended by an assumed change of -2 % a year (RULES §7): 2024 is 400.8886, 2025 is 392.870828'
        IndexTable falling = KPI.extendedBy(new BigDecimal('-0.02'), 2026)
        Centre centre = centre(exampleE {
            it.costLines[0].indexation = [series: 'KPI', baseYear: 2023, floor: floor]
        })

        when:
        LineAllocation line = rent(centre, Period.ofQuarter(quarter), falling)

        then:
        Sek.plain(line.total()) == total
        shares(line) == expected
        line.segments()[0].indexation().floored() == floored

        where:
        floor | quarter   || total      | expected                                      | floored
        true  | '2024-Q1' || '32400.00' | ['6171.43', '9257.14', '12342.86', '4628.57'] | false
        false | '2024-Q1' || '32400.00' | ['6171.43', '9257.14', '12342.86', '4628.57'] | false
        true  | '2025-Q1' || '32400.00' | ['6171.43', '9257.14', '12342.86', '4628.57'] | true
        false | '2025-Q1' || '31752.00' | ['6048.00', '9072.00', '12096.00', '4536.00'] | false
        true  | '2026-Q1' || '32400.00' | ['6171.43', '9257.14', '12342.86', '4628.57'] | true
        false | '2026-Q1' || '31116.96' | ['5927.04', '8890.56', '11854.08', '4445.28'] | false
    }

    def "a period across a year boundary is cut on 1 January: two segments with their own factors"() {
        when:
        LineAllocation line = rent(centre(exampleE()), period('2022-10-01/2023-03-31'))

        then: '3 months at 2021 prices, then 3 months × 384.04 / 346.44'
        Sek.plain(line.total()) == '68316.45'
        shares(line) == ['13012.66', '19518.99', '26025.31', '9759.49']
        line.segments().collect { [it.from().toString(), it.to().toString(), it.indexation().indexYear()] } == [
                ['2022-10-01', '2022-12-31', null],
                ['2023-01-01', '2023-03-31', 2022]]
        line.segments()[1].indexation().factor() == Fraction.of(38404, 34644)

        and: 'a line that is not indexed is not cut there'
        allocated(centre(exampleE()), period('2022-10-01/2023-03-31')).lines().find { it.id() == 'cleaning' }
                .segments().size() == 1
    }

    def "a change of amount mid-year is in base-year prices, and indexed by the same factor"() {
        given: 'from 1 February 2024 the rent is 144 000 a year, at 2021 prices'
        Centre centre = centre(exampleE { it.costLines[0].changes = [[from: '2024-02-01', amount: '144000']] })

        when:
        LineAllocation line = rent(centre, Period.ofQuarter('2024-Q1'))

        then: '(10 800 + 2 × 12 000) × 409.07 / 346.44'
        Sek.plain(line.total()) == '41091.20'
        shares(line) == ['7826.90', '11740.34', '15653.79', '5870.17']
        line.segments().collect { [it.from().toString(), it.amount().toPlainString(), it.indexation().indexYear()] } == [
                ['2024-01-01', '129600', 2023],
                ['2024-02-01', '144000', 2023]]
    }

    def "a series extended by an assumed yearly change is exact: KPI + 2 % a year gives #year #value"() {
        when:
        IndexTable extended = KPI.extendedBy(new BigDecimal('0.02'), 2025)

        then:
        extended.series('KPI').valueFor(year) == new BigDecimal(value)
        extended.series('KPI').lastYear() == 2025
        KPI.series('KPI').lastYear() == 2023

        where:
        year | value
        2023 | '409.07'
        2024 | '417.2514'
        2025 | '425.596428'
    }

    def "the simulator's extended series computes a year whose index is not yet known: Q1 2025 at +2 % is 39 022.47"() {
        expect:
        Sek.plain(rent(centre(exampleE()), Period.ofQuarter('2025-Q1'), KPI.extendedBy(new BigDecimal('0.02'), 2024)).total()) == '39022.47'
    }

    // ---- refusals -------------------------------------------------------------------------

    def "refused: #refusal"() {
        given:
        Centre centre = centre(exampleE(change))

        when:
        AllocationOutcome outcome = allocator.allocate(centre, period(quarter), table)

        then:
        outcome instanceof AllocationOutcome.Refused
        (outcome as AllocationOutcome.Refused).violations().collect { [it.field(), it.reason()] } == [[field, reason]]

        where:
        refusal                                     | quarter   | table                                                         | change                                                                                  || field                                  | reason
        'an indexed ONCE line'                      | '2024-Q1' | KPI                                                           | { it.costLines[2] += [periodicity: 'ONCE', date: '2024-02-01', indexation: [baseYear: 2021]] } || 'costLines[2].indexation'     | 'a ONCE line is not indexed; only MONTH, QUARTER and YEAR amounts are (RULES §3)'
        'an indexed share above 100 %'              | '2024-Q1' | KPI                                                           | { it.costLines[2].indexation = [baseYear: 2021, share: '100.01'] }                      || 'costLines[2].indexation.share'        | 'the indexed share is a percentage from 0 to 100, was 100.01'
        'a negative indexed share'                  | '2024-Q1' | KPI                                                           | { it.costLines[0].indexation.share = -1 }                                               || 'costLines[0].indexation.share'        | 'the indexed share is a percentage from 0 to 100, was -1'
        'an indexed share with five decimals'       | '2024-Q1' | KPI                                                           | { it.costLines[0].indexation.share = '33.33333' }                                       || 'costLines[0].indexation.share'        | 'has at most four decimals, was 33.33333'
        'an unknown series'                         | '2024-Q1' | KPI                                                           | { it.costLines[0].indexation.series = 'KPIF' }                                          || 'costLines[0].indexation.series'       | 'no index series named KPIF is known; known: KPI'
        'a series named by blanks'                  | '2024-Q1' | KPI                                                           | { it.costLines[0].indexation.series = ' ' }                                             || 'costLines[0].indexation.series'       | 'is required'
        'no index values at all'                    | '2024-Q1' | IndexTable.empty()                                            | { }                                                                                     || 'costLines[0].indexation.series'       | 'no index series named KPI is known (no index values were given)'
        'a base year before the series begins'      | '2024-Q1' | KPI                                                           | { it.costLines[0].indexation.baseYear = 2017 }                                          || 'costLines[0].indexation.baseYear'     | 'is outside the reach of KPI: its values begin with October 2018, and 2017 has none'
        'an October value not yet known'            | '2025-Q1' | KPI                                                           | { }                                                                                     || 'costLines[0].indexation'              | 'the days from 2025-01-01 to 2025-03-31 need KPI\'s value for October 2024, which is not yet known (KPI is known up to October 2023)'
        'a series that ends too early'              | '2024-Q1' | IndexTable.of(IndexSeries.of('KPI', [2021: 346.44, 2022: 384.04])) | { }                                                                                 || 'costLines[0].indexation'              | 'the days from 2024-01-01 to 2024-03-31 need KPI\'s value for October 2023, which is not yet known (KPI is known up to October 2022)'
        'a base year missing from the series'       | '2026-Q1' | KPI.with(KPI.series('KPI').with(2025, 420.00))                | { it.costLines[0].indexation.baseYear = 2024; it.costLines[0].to = '2026-01-31' }       || 'costLines[0].indexation'              | 'the days from 2026-01-01 to 2026-01-31 need KPI\'s value for October 2024, which is missing from KPI (known from October 2018 to October 2025)'
        'an October value of 0'                     | '2024-Q1' | KPI.with(KPI.series('KPI').with(2023, BigDecimal.ZERO))       | { }                                                                                     || 'costLines[0].indexation'              | 'KPI\'s value for October 2023 is 0; an index value must be above 0'
        'a negative base-year value'                | '2023-Q1' | KPI.with(KPI.series('KPI').with(2021, new BigDecimal('-1')))  | { }                                                                                     || 'costLines[0].indexation'              | 'KPI\'s value for October 2021 is -1; an index value must be above 0'
    }

    def "a day of the period needs an index value, not the line's whole life: Q1 2025 is computed for a line that ends 2024-12-31"() {
        given:
        Centre centre = centre(exampleE { it.costLines[0].to = '2024-12-31' })

        expect: 'the rent accrues nothing in 2025, so October 2024 is not needed'
        allocated(centre, Period.ofQuarter('2025-Q1')).lines().every { it.id() != 'rent' }
    }

    def "every refusal is listed at once, in the order of the lines"() {
        given:
        Centre centre = centre(exampleE {
            it.costLines[0].indexation.series = 'KPIF'
            it.costLines[1].indexation = [baseYear: 2017]
            it.costLines[2].indexation = [baseYear: 2021, share: 101]
        })

        when:
        AllocationOutcome outcome = allocator.allocate(centre, Period.ofQuarter('2025-Q1'), KPI)

        then:
        (outcome as AllocationOutcome.Refused).violations()*.field() == ['costLines[0].indexation.series',
                'costLines[1].indexation.baseYear', 'costLines[1].indexation', 'costLines[2].indexation.share']
    }

    def "the validator without index values checks the clause alone; with them, what the period's days need"() {
        given:
        Centre centre = centre(exampleE())

        expect:
        CentreValidator.validate(centre) == []
        CentreValidator.validate(centre, Period.ofQuarter('2030-Q1')) == []
        CentreValidator.validate(centre, Period.ofQuarter('2024-Q1'), KPI) == []
        CentreValidator.validate(centre, Period.ofQuarter('2025-Q1'), KPI)*.field() == ['costLines[0].indexation']
    }

    def "without index values the engine refuses an indexed line and computes any other centre as before"() {
        expect:
        allocator.allocate(centre(exampleE()), Period.ofQuarter('2024-Q1')) instanceof AllocationOutcome.Refused
        allocator.allocate(WorkedExamples.request('example-a').centre(), Period.ofQuarter('2024-Q1')) instanceof AllocationOutcome.Allocated
    }

    // ---- properties over random centres ----------------------------------------------------

    static final List<Long> SEEDS = (1..400).collect { int i -> 20_211_001L + i }
    static final List<String> SERIES = ['KPI', 'HYRA']

    /**
     * A random centre with about half its periodic lines indexed, a random table that covers every year, and
     * a period: the sample's own (within one calendar year) or, two times in three, one that spans 1 January.
     */
    static Map<String, Object> indexedSample(long seed) {
        RandomCentres.Sample sample = RandomCentres.sample(seed)
        Random rnd = new Random(seed * 17 + 3)
        Period p = sample.period
        Period period = [p,
                         new Period(p.from().withDayOfYear(1).minusDays(1 + rnd.nextInt(120)), p.to()),
                         new Period(p.from().minusYears(1).plusDays(rnd.nextInt(200)), p.to().plusDays(rnd.nextInt(120)))
        ][rnd.nextInt(3)]
        [sample : sample,
         period : period,
         centre : RandomCentres.withIndexation(sample.centre, p, rnd, SERIES),
         table  : RandomCentres.indexTable(rnd, SERIES, 2010, 2030)]
    }

    def "indexed random centre #seed: shares add up to the line totals, and totals and shares are the rules' to the öre"() {
        given:
        Map<String, Object> s = indexedSample(seed)
        Centre centre = s.centre as Centre
        Period period = s.period as Period
        IndexTable table = s.table as IndexTable
        def oracle = new AllocationPropertiesSpec.Oracle(centre, period, table)

        when:
        AllocationOutcome outcome = allocator.allocate(centre, period, table)

        then: 'refused only where the rules refuse a centre without indexation too'
        (outcome instanceof AllocationOutcome.Refused) == oracle.refused()

        and:
        if (outcome instanceof AllocationOutcome.Allocated) {
            Allocation allocation = (outcome as AllocationOutcome.Allocated).allocation()
            assert allocation.lines()*.id() as Set == oracle.expected.keySet()
            allocation.lines().each { LineAllocation line ->
                BigDecimal sum = line.shares().collect { Sek.decimal(it.amount()) }.sum() as BigDecimal
                assert sum.compareTo(Sek.decimal(line.total())) == 0: line
                def e = oracle.expected[line.id()]
                assert Sek.decimal(line.total()).compareTo(e.total) == 0: "line ${line.id()}: ${line.total()}, expected ${e.total}"
                assert line.shares().collect { Sek.decimal(it.amount()) } == e.shares: "line ${line.id()}"
                CostLine entered = centre.costLines().find { it.id() == line.id() }
                boolean indexed = entered?.indexation() != null
                assert line.segments().every { (it.indexation() != null) == indexed }
                if (indexed) {
                    // a segment never spans two years once its factor applies
                    assert line.segments().every { !it.indexation().applies() || it.from().year == it.to().year }
                }
            }
        }

        where:
        seed << SEEDS
    }

    def "indexed random centre #seed: a table whose every value equals I(B) gives the allocation without indexation"() {
        given:
        Map<String, Object> s = indexedSample(seed)
        Period period = s.period as Period
        Centre indexed = s.centre as Centre
        IndexTable flat = RandomCentres.flatTable(SERIES, 2010, 2030, new BigDecimal('346.44'))

        when:
        AllocationOutcome withIndex = allocator.allocate(indexed, period, flat)
        AllocationOutcome without = allocator.allocate(RandomCentres.withoutIndexation(indexed), period)

        then:
        withIndex.class == without.class
        if (without instanceof AllocationOutcome.Allocated) {
            Allocation a = (withIndex as AllocationOutcome.Allocated).allocation()
            Allocation b = (without as AllocationOutcome.Allocated).allocation()
            assert a.lines()*.id() == b.lines()*.id()
            [a.lines(), b.lines()].transpose().each { LineAllocation x, LineAllocation y ->
                assert Sek.decimal(x.total()).compareTo(Sek.decimal(y.total())) == 0: x.id()
                assert x.shares().collect { Sek.decimal(it.amount()) } == y.shares().collect { Sek.decimal(it.amount()) }: x.id()
                assert x.segments().every { it.indexation() == null || it.indexation().factor() == Fraction.ONE }
            }
            assert a.services().collect { Sek.decimal(it.total()) } == b.services().collect { Sek.decimal(it.total()) }
            assert a.flows().collect { Sek.decimal(it.amount()) } == b.flows().collect { Sek.decimal(it.amount()) }
        }

        where:
        seed << SEEDS
    }

    def "the indexed random centres exercise indexation: many indexed lines allocated, a third with a factor other than 1, a fifth with two factors"() {
        when:
        int indexed = 0
        int moved = 0
        int acrossYears = 0
        for (long seed : SEEDS) {
            Map<String, Object> s = indexedSample(seed)
            AllocationOutcome outcome = allocator.allocate(s.centre as Centre, s.period as Period, s.table as IndexTable)
            if (outcome instanceof AllocationOutcome.Allocated) {
                (outcome as AllocationOutcome.Allocated).allocation().lines().each { LineAllocation line ->
                    List<Segment> segs = line.segments().findAll { it.indexation() != null }
                    if (!segs.isEmpty()) {
                        indexed++
                        if (segs.any { it.indexation().factor() != Fraction.ONE }) {
                            moved++
                        }
                        if (segs*.indexation().toSet().size() > 1) {
                            acrossYears++
                        }
                    }
                }
            }
        }
        println "IndexationSpec: ${indexed} indexed lines allocated, ${moved} with a factor other than 1, " +
                "${acrossYears} with two factors or more"

        then:
        indexed >= SEEDS.size()
        moved >= indexed.intdiv(3)
        acrossYears >= indexed.intdiv(5)
    }
}
