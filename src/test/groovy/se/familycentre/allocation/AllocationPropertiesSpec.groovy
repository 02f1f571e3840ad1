package se.familycentre.allocation

import groovy.transform.CompileStatic
import java.math.RoundingMode
import java.time.LocalDate
import java.util.function.Function
import javax.money.MonetaryAmount
import se.familycentre.allocation.Allocation.LineAllocation
import se.familycentre.allocation.Allocation.Segment
import se.familycentre.allocation.Allocation.Share
import se.familycentre.allocation.Allocation.Weight
import spock.lang.Shared
import spock.lang.Specification

/**
 * Properties of the allocation core (RULES §2–§5) over {@value #CENTRES} seeded
 * random centres from {@link RandomCentres}. A failing iteration names its seed;
 * {@code RandomCentres.sample(seed)} rebuilds the centre and period exactly.
 *
 * Properties 1–8 are the brief's: shares add up, EQUAL is within an öre, no weight
 * means no share, areas can be scaled, line order is irrelevant, service totals
 * and flows add up, totals are the exact accrual rounded half-up. Property 9 and
 * the refusal check compare the engine with {@link Oracle}, an independent
 * reading of the rules in exact rationals ({@link Q}): which centres are refused,
 * every line's members, weights and shares to the öre. The last features are
 * deterministic: a rule is a weight (EQUAL = PERCENT 25/25/25/25 = AREA with
 * equal areas).
 *
 * Every amount is compared as a {@link BigDecimal} with {@code compareTo}.
 */
class AllocationPropertiesSpec extends Specification {

    static final int CENTRES = 1000
    static final List<Long> SEEDS = (1..CENTRES).collect { int i -> 20_240_301L + i }
    static final BigDecimal ONE_ORE = new BigDecimal('0.01')

    /** One generated centre and what the engine answered for it. */
    static final class Run {
        final RandomCentres.Sample sample
        final AllocationOutcome outcome
        private Oracle oracle

        Run(RandomCentres.Sample sample, AllocationOutcome outcome) {
            this.sample = sample
            this.outcome = outcome
        }

        /** The independent reading of the rules for this centre, computed when first asked for. */
        Oracle oracle() {
            if (oracle == null) {
                oracle = new Oracle(sample.centre, sample.period)
            }
            oracle
        }

        Allocation allocation() {
            outcome instanceof AllocationOutcome.Allocated ? ((AllocationOutcome.Allocated) outcome).allocation() : null
        }
    }

    @Shared
    Map<Long, Run> runs = new HashMap<>()

    @Shared
    Allocator allocator = new Allocator()

    Run runOf(long seed) {
        Run cached = runs.get(seed)
        if (cached == null) {
            RandomCentres.Sample sample = RandomCentres.sample(seed)
            cached = new Run(sample, allocator.allocate(sample.centre, sample.period))
            runs.put(seed, cached)
        }
        cached
    }

    // ---- the generator and refusals ----------------------------------------------------

    def "random centre #seed is valid, and is allocated or refused with every violation naming a field"() {
        given:
        Run run = runOf(seed)

        expect: 'the generator makes valid centres: nothing for the validator to refuse'
        CentreValidator.validate(run.sample.centre, run.sample.period).isEmpty()

        and: 'refused exactly when a cost cannot be shared or a shared PREMISES cost lacks the minimum rooms'
        (run.outcome instanceof AllocationOutcome.Refused) == run.oracle().refused()

        and:
        if (run.outcome instanceof AllocationOutcome.Refused) {
            List<Violation> violations = ((AllocationOutcome.Refused) run.outcome).violations()
            assert !violations.isEmpty()
            violations.each { Violation v ->
                assert v.field() != null && !v.field().isBlank()
                assert v.reason() != null && !v.reason().isBlank()
                // only what depends on the segments can refuse a valid centre
                assert v.field() ==~ /(costLines\[\d+\]|coordinators\[\d+\]|dedicatedRent|rooms)/
            }
            // every line the oracle cannot share is named, by the path it was entered at
            run.oracle().refusals.findAll { !it.startsWith('rooms') }.each { String r ->
                String source = r.substring(0, r.indexOf(':'))
                String id = r.substring(r.indexOf(':') + 2, r.indexOf(' cannot'))
                assert violations.any { it.field() == source && it.reason().contains('line ' + id + ' ') }: r
            }
            assert violations.any { it.field() == 'rooms' } == run.oracle().refusals.any { it.startsWith('rooms') }
            assert run.sample.risky: 'only a risky centre may be refused: ' + violations
        } else {
            assert run.allocation() != null
        }

        where:
        seed << SEEDS
    }

    def "at least 80% of the #n random centres are allocated, so the properties are exercised"() {
        when:
        long started = System.nanoTime()
        int allocated = 0
        int refused = 0
        int lines = 0
        for (long seed : SEEDS) {
            Run run = runOf(seed)
            if (run.allocation() != null) {
                allocated++
                lines += run.allocation().lines().size()
            } else {
                refused++
            }
        }
        println "AllocationPropertiesSpec: ${n} centres, ${allocated} allocated (${lines} lines), ${refused} refused, " +
                "${(System.nanoTime() - started).intdiv(1_000_000)} ms"

        then:
        allocated + refused == n
        allocated >= 0.8 * n

        where:
        n = SEEDS.size()
    }

    // ---- 1. shares add up -----------------------------------------------------------

    def "1. every line's shares add up exactly to its total (centre #seed)"() {
        given:
        Allocation allocation = runOf(seed).allocation()

        expect:
        allocation == null || allocation.lines().every { LineAllocation line ->
            BigDecimal total = dec(line.total())
            assert total.signum() >= 0
            assert total.scale() <= 2 || total.stripTrailingZeros().scale() <= 2
            assert line.shares()*.service() == runOf(seed).sample.centre.services()*.id(): 'one share per service, in the centre order'
            line.shares().each { Share s ->
                assert dec(s.amount()).signum() >= 0: "${line.id()}: ${s}"
                assert dec(s.amount()).stripTrailingZeros().scale() <= 2
            }
            BigDecimal sum = line.shares().collect { Share s -> dec(s.amount()) }.inject(BigDecimal.ZERO) { a, b -> a + b }
            assert sum.compareTo(total) == 0: "line ${line.id()}: shares ${line.shares()} add up to ${sum}, total ${total}"
            true
        }

        where:
        seed << SEEDS
    }

    // ---- 2. EQUAL: at most one öre apart ------------------------------------------------

    def "2. under EQUAL the members' shares differ by at most one öre, the larger ones first (centre #seed)"() {
        given:
        Allocation allocation = runOf(seed).allocation()

        expect:
        allocation == null || allocation.lines().every { LineAllocation line ->
            if (line.segments().size() != 1 || line.segments()[0].rule().name() != 'EQUAL') {
                return true
            }
            List<String> members = line.segments()[0].weights()*.service()
            List<BigDecimal> shares = line.shares().findAll { Share s -> s.service() in members }
                    .collect { Share s -> dec(s.amount()) }
            if (shares.isEmpty()) {
                return true
            }
            BigDecimal max = shares.max()
            BigDecimal min = shares.min()
            assert (max - min).compareTo(ONE_ORE) <= 0: "line ${line.id()}: shares ${line.shares()}"
            // equal remainders: the spare öre go to the services earlier in the centre's order
            for (int i = 1; i < shares.size(); i++) {
                assert shares[i - 1].compareTo(shares[i]) >= 0: "line ${line.id()}: shares ${line.shares()}"
            }
            true
        }

        where:
        seed << SEEDS
    }

    // ---- 3. outside every segment: nothing ---------------------------------------------

    def "3. a service without weight in every segment of a line gets 0.00 of it (centre #seed)"() {
        given:
        Allocation allocation = runOf(seed).allocation()

        expect:
        allocation == null || allocation.lines().every { LineAllocation line ->
            Set<String> weighted = line.segments().collectMany { Segment seg -> seg.weights() }
                    .findAll { Weight w -> w.weight().signum() > 0 }*.service() as Set<String>
            line.shares().each { Share s ->
                if (!(s.service() in weighted)) {
                    assert dec(s.amount()).signum() == 0: "line ${line.id()}: ${s.service()} is weighted in no segment ${line.segments()} but gets ${s}"
                }
            }
            if (line.borneBy() != null) {
                assert line.segments().every { Segment seg -> seg.rule().name() == 'BORNE' && seg.weights()*.service() == [line.borneBy()] }
                assert dec(line.shareOf(line.borneBy())).compareTo(dec(line.total())) == 0
            }
            true
        }

        where:
        seed << SEEDS
    }

    // ---- 4. areas scaled: shares unchanged -------------------------------------------

    def "4. multiplying every area by a constant changes no share (centre #seed)"() {
        given:
        Run run = runOf(seed)
        Centre centre = run.sample.centre
        BigDecimal factor = seed % 2 == 0 && RandomCentres.keepsTwoDecimals(centre, new BigDecimal('1.5')) ? new BigDecimal('1.5') : new BigDecimal('3')
        Centre scaled = RandomCentres.withAreasTimes(centre, factor)

        when:
        AllocationOutcome outcome = allocator.allocate(scaled, run.sample.period)

        then: 'refused exactly when the original is'
        outcome.class == run.outcome.class

        and: 'every line but the rent recharge (whose amount is per m²) is shared exactly as before'
        if (run.allocation() != null) {
            Allocation after = ((AllocationOutcome.Allocated) outcome).allocation()
            Map<String, LineAllocation> byId = after.lines().collectEntries { [(it.id()): it] }
            assert byId.keySet() == run.allocation().lines()*.id() as Set
            run.allocation().lines().findAll { it.origin() != LineOrigin.DEDICATED_RENT }.each { LineAllocation line ->
                LineAllocation other = byId[line.id()]
                assert dec(other.total()).compareTo(dec(line.total())) == 0: line.id()
                assert sameShares(line, other): "line ${line.id()} ×${factor}: ${line.shares()} became ${other.shares()}"
            }
        }

        where:
        seed << SEEDS
    }

    // ---- 5. order of cost lines: irrelevant -----------------------------------------

    def "5. shuffling the order of the cost lines changes no line's total or shares (centre #seed)"() {
        given:
        Run run = runOf(seed)
        Centre shuffled = RandomCentres.withLinesShuffled(run.sample.centre, new Random(seed * 31 + 7))

        when:
        AllocationOutcome outcome = allocator.allocate(shuffled, run.sample.period)

        then:
        outcome.class == run.outcome.class

        and:
        if (run.allocation() != null) {
            Allocation after = ((AllocationOutcome.Allocated) outcome).allocation()
            Map<String, LineAllocation> byId = after.lines().collectEntries { [(it.id()): it] }
            assert byId.keySet() == run.allocation().lines()*.id() as Set
            run.allocation().lines().each { LineAllocation line ->
                LineAllocation other = byId[line.id()]
                assert dec(other.total()).compareTo(dec(line.total())) == 0: line.id()
                assert sameShares(line, other): "line ${line.id()}: ${line.shares()} became ${other.shares()}"
            }
            // and so every service's totals stay
            after.services().each { Allocation.ServiceTotal t ->
                Allocation.ServiceTotal before = run.allocation().services().find { it.service() == t.service() }
                assert dec(t.total()).compareTo(dec(before.total())) == 0
                assert dec(t.paid()).compareTo(dec(before.paid())) == 0
            }
        } else {
            // the same refusals, whatever the order in which they are listed
            assert ((AllocationOutcome.Refused) outcome).violations()*.reason() as Set ==
                    ((AllocationOutcome.Refused) run.outcome).violations()*.reason() as Set
        }

        where:
        seed << SEEDS
    }

    // ---- 6. service totals --------------------------------------------------------------

    def "6. a service's total is the sum of its shares, overall and per pool (centre #seed)"() {
        given:
        Allocation allocation = runOf(seed).allocation()

        expect:
        allocation == null || allocation.services().every { Allocation.ServiceTotal t ->
            BigDecimal overall = sum(allocation.lines().collect { dec(it.shareOf(t.service())) })
            assert dec(t.total()).compareTo(overall) == 0: "${t.service()}: total ${t.total()}, shares add up to ${overall}"
            Pool.values().each { Pool pool ->
                BigDecimal inPool = sum(allocation.lines().findAll { it.pool() == pool }.collect { dec(it.shareOf(t.service())) })
                assert dec(t.byPool()[pool]).compareTo(inPool) == 0: "${t.service()} ${pool}: ${t.byPool()[pool]} vs ${inPool}"
            }
            assert dec(t.total()).compareTo(sum(t.byPool().values().collect { dec(it) })) == 0
            BigDecimal paid = sum(allocation.lines().findAll { it.payer() == t.service() }.collect { dec(it.total()) })
            assert dec(t.paid()).compareTo(paid) == 0
            true
        } && sum(allocation.services().collect { dec(it.total()) }).compareTo(sum(allocation.lines().collect { dec(it.total()) })) == 0

        where:
        seed << SEEDS
    }

    // ---- 7. flows ----------------------------------------------------------------------

    def "7. the flows add up to every line's total less the payer's own share (centre #seed)"() {
        given:
        Run run = runOf(seed)
        Allocation allocation = run.allocation()

        expect:
        allocation == null || checkFlows(run.sample.centre, allocation)

        where:
        seed << SEEDS
    }

    private static boolean checkFlows(Centre centre, Allocation allocation) {
        BigDecimal owed = sum(allocation.lines().collect { LineAllocation line ->
            dec(line.total()) - dec(line.shareOf(line.payer()))
        })
        BigDecimal flowed = sum(allocation.flows().collect { dec(it.amount()) })
        assert flowed.compareTo(owed) == 0: "flows ${flowed}, owed ${owed}"
        Map<String, String> entityOf = centre.services().collectEntries { [(it.id()): OrganisationNumber.normalise(it.entity())] }
        allocation.flows().each { Allocation.Flow f ->
            assert dec(f.amount()).compareTo(sum(f.services().collect { dec(it.amount()) })) == 0
            assert f.internal() == (f.creditor() == f.debtor())
            f.services().each { Allocation.ServiceFlow sf ->
                assert entityOf[sf.creditorService()] == f.creditor()
                assert entityOf[sf.debtorService()] == f.debtor()
                assert sf.creditorService() != sf.debtorService()
                // what one service owes another is the sum of its shares of the lines the other paid
                BigDecimal expected = sum(allocation.lines().findAll { it.payer() == sf.creditorService() }
                        .collect { dec(it.shareOf(sf.debtorService())) })
                assert dec(sf.amount()).compareTo(expected) == 0: sf
            }
        }
        true
    }

    // ---- 8. totals: the exact accrual rounded half-up --------------------------------------

    def "8. every line total is the exact accrual over its days in the period, rounded half-up (centre #seed)"() {
        given:
        Run run = runOf(seed)
        Allocation allocation = run.allocation()
        Map<String, BigDecimal> expected = allocation == null ? [:] : run.oracle().expected.collectEntries { String id, Oracle.Expected e -> [(id): e.total] }

        expect: 'no line is dropped or invented'
        allocation == null || allocation.lines()*.id() as Set == expected.keySet()

        and: 'each total is the exact accrual rounded once, half away from zero'
        allocation == null || allocation.lines().every { LineAllocation line ->
            assert dec(line.total()).compareTo(expected[line.id()]) == 0: "line ${line.id()}: total ${line.total()}, exact accrual rounds to ${expected[line.id()]}"
            true
        }

        and: 'the segments cover the line days once, in order'
        allocation == null || allocation.lines().every { LineAllocation line ->
            List<Segment> segs = line.segments()
            for (int i = 1; i < segs.size(); i++) {
                assert segs[i - 1].to().plusDays(1) == segs[i].from()
            }
            segs.every { it.days() == it.to().toEpochDay() - it.from().toEpochDay() + 1 }
        }

        and: 'a line whose one segment covers the whole period at one amount accrues that amount times the months'
        allocation == null || allocation.lines().every { LineAllocation line ->
            Period p = run.sample.period
            if (line.periodicity() == Periodicity.ONCE || line.segments().size() != 1
                    || line.segments()[0].from() != p.from() || line.segments()[0].to() != p.to()) {
                return true
            }
            int months = (p.to().year * 12 + p.to().monthValue) - (p.from().year * 12 + p.from().monthValue) + 1
            int per = line.periodicity() == Periodicity.MONTH ? 1 : line.periodicity() == Periodicity.QUARTER ? 3 : 12
            BigDecimal amount = line.segments()[0].amount()
            BigDecimal whole = (amount * months).divide(BigDecimal.valueOf(per), 2, RoundingMode.HALF_UP)
            assert dec(line.total()).compareTo(whole) == 0: "line ${line.id()} (${line.periodicity()} ${amount} over ${months} months): ${line.total()}"
            true
        }

        where:
        seed << SEEDS
    }

    // ---- 9. shares and explanations against an independent reading of the rules ---------------

    def "9. every share is the exact share by the weights, rounded by largest remainder; the explanation shows the weights (centre #seed)"() {
        given:
        Run run = runOf(seed)
        Allocation allocation = run.allocation()

        expect:
        allocation == null || allocation.lines().every { LineAllocation line ->
            Oracle.Expected e = run.oracle().expected[line.id()]
            List<BigDecimal> actual = line.shares().collect { dec(it.amount()) }
            assert (0..<actual.size()).every { int i -> actual[i].compareTo(e.shares[i]) == 0 }:
                    "line ${line.id()}: shares ${actual}, expected ${e.shares} from exact ${e.exactShares}"
            line.segments().each { Segment seg ->
                Map<String, BigDecimal> weights = run.oracle().weightsOn(e.line, seg.from())
                assert seg.rule().name() == run.oracle().ruleNameOn(e.line, seg.from()): "line ${line.id()} ${seg}"
                assert seg.weights()*.service() == weights.keySet() as List: "line ${line.id()} ${seg}: expected ${weights}"
                seg.weights().each { Weight w -> assert w.weight().compareTo(weights[w.service()]) == 0: "line ${line.id()} ${seg}: expected ${weights}" }
                assert seg.amount().compareTo(e.line.amountOn.apply(seg.from())) == 0: "line ${line.id()} ${seg}"
            }
            true
        }

        where:
        seed << SEEDS
    }

    def "8. a MONTH line over a whole quarter with no changes totals three times its amount (#amount)"() {
        given:
        Centre centre = fourServices([:], [new CostLine('monthly', null, Pool.JOINT, 'BMM', Periodicity.MONTH,
                Sek.sek(amount), null, null, null, null, null)], null)

        when:
        LineAllocation line = allocated(centre, Period.ofQuarter(quarter)).lines().find { it.id() == 'monthly' }

        then:
        line.segments().size() == 1
        dec(line.total()).compareTo(new BigDecimal(amount) * 3) == 0

        where:
        amount      | quarter
        '12345.67'  | '2025-Q1'
        '0.01'      | '2024-Q1'
        '99999.99'  | '2027-Q4'
        '33333.33'  | '2026-Q2'
    }

    // ---- a rule is a weight (deterministic) -------------------------------------------

    def "a rule is a weight: EQUAL splits as PERCENT 25/25/25/25 among four members (#amount #periodicity, SOC from #socFrom)"() {
        given:
        List<CostLine> lines = [new CostLine('joint', 'Joint activity', Pool.JOINT, 'OF', periodicity, Sek.sek(amount),
                null, null, null, periodicity == Periodicity.ONCE ? LocalDate.parse('2025-02-20') : null, null)]
        Centre equal = fourServices([(Pool.JOINT): [new PoolRule(null, RuleKind.EQUAL, null)]], lines, socFrom)
        Centre percent = fourServices([(Pool.JOINT): [new PoolRule(null, RuleKind.PERCENT,
                [BMM: new BigDecimal('25'), BVC: new BigDecimal('25'), OF: new BigDecimal('25'), SOC: new BigDecimal('25')])]], lines, socFrom)

        when:
        LineAllocation byEqual = allocated(equal, Period.ofQuarter('2025-Q1')).lines().find { it.id() == 'joint' }
        LineAllocation byPercent = allocated(percent, Period.ofQuarter('2025-Q1')).lines().find { it.id() == 'joint' }

        then:
        dec(byEqual.total()).compareTo(dec(byPercent.total())) == 0
        sameShares(byEqual, byPercent)
        expected == null || byEqual.shares().collect { dec(it.amount()) } == expected.collect { new BigDecimal(it) }

        where:
        amount      | periodicity          | socFrom                    | expected
        '100000.01' | Periodicity.ONCE     | null                       | ['25000.01', '25000.00', '25000.00', '25000.00']
        '100000.03' | Periodicity.ONCE     | null                       | ['25000.01', '25000.01', '25000.01', '25000.00']
        '12345.67'  | Periodicity.MONTH    | null                       | null
        '12000'     | Periodicity.QUARTER  | LocalDate.parse('2025-02-01') | null
        '100000'    | Periodicity.YEAR     | LocalDate.parse('2025-02-15') | null
        '0.07'      | Periodicity.QUARTER  | LocalDate.parse('2025-03-31') | null
        '77777.77'  | Periodicity.MONTH    | LocalDate.parse('2025-01-02') | null
    }

    def "a rule is a weight: AREA with equal areas splits as EQUAL (#amount #periodicity, areas #areas)"() {
        given:
        List<CostLine> lines = [new CostLine('rent', 'Shared rent', Pool.PREMISES, 'OF', periodicity, Sek.sek(amount),
                null, null, null, periodicity == Periodicity.ONCE ? LocalDate.parse('2025-03-31') : null, null)]
        Centre equal = fourServices([(Pool.PREMISES): [PoolRule.equal()]], lines, socFrom)
        Centre area = fourServices([(Pool.PREMISES): [new PoolRule(null, RuleKind.AREA, null)]], lines, socFrom, areas)

        when:
        LineAllocation byEqual = allocated(equal, Period.ofQuarter('2025-Q1')).lines().find { it.id() == 'rent' }
        LineAllocation byArea = allocated(area, Period.ofQuarter('2025-Q1')).lines().find { it.id() == 'rent' }

        then:
        byArea.segments().every { it.rule().name() == 'AREA' }
        dec(byEqual.total()).compareTo(dec(byArea.total())) == 0
        sameShares(byEqual, byArea)

        where:
        amount      | periodicity         | socFrom                       | areas
        '129600'    | Periodicity.YEAR    | null                          | ['40']
        '100000.01' | Periodicity.ONCE    | null                          | ['12.34', '27.66']
        '2500'      | Periodicity.QUARTER | LocalDate.parse('2025-02-15') | ['37.5']
        '33333.33'  | Periodicity.MONTH   | LocalDate.parse('2025-03-02') | ['0.01']
        '0.05'      | Periodicity.MONTH   | null                          | ['10.10', '10.10', '10.10']
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** BMM, BVC (232100-0131) and OF, SOC (212000-1561) with the minimum shared rooms; each service's dedicated rooms have the given areas. */
    static Centre fourServices(Map<Pool, List<PoolRule>> rules, List<CostLine> lines, LocalDate socFrom,
                               List<String> areas = ['40', '60', '80', '30']) {
        List<Service> services = [
                new Service('BMM', ServiceType.MIDWIFE_CLINIC, '232100-0131', null, null, null, true, null, null),
                new Service('BVC', ServiceType.CHILD_HEALTH, '232100-0131', null, null, null, true, null, null),
                new Service('OF', ServiceType.OPEN_PRESCHOOL, '212000-1561', null, null, null, true, null, null),
                new Service('SOC', ServiceType.SOCIAL_SERVICES, '212000-1561', null, socFrom, null, true, null, null)]
        List<Room> rooms = [
                new Room('staff-wc', RoomType.STAFF_TOILET, new BigDecimal('4'), null, null, null),
                new Room('visitor-wc', RoomType.VISITOR_TOILET, new BigDecimal('5'), null, null, null),
                new Room('conference', RoomType.CONFERENCE_ROOM, new BigDecimal('24'), null, null, null),
                new Room('staff-room', RoomType.STAFF_ROOM, new BigDecimal('20'), null, null, null)]
        services.each { Service s ->
            areas.eachWithIndex { String a, int k ->
                rooms << new Room("${s.id()}-${k}".toString(), RoomType.OFFICE, new BigDecimal(a), s.id(), null, null)
            }
        }
        new Centre('Four services', [new LegalEntity('232100-0131', 'Västra Götalandsregionen'),
                                     new LegalEntity('212000-1561', 'Kommunen')],
                services, rooms, rules, [], lines, null)
    }

    Allocation allocated(Centre centre, Period period) {
        AllocationOutcome outcome = allocator.allocate(centre, period)
        assert outcome instanceof AllocationOutcome.Allocated: outcome
        ((AllocationOutcome.Allocated) outcome).allocation()
    }

    static BigDecimal dec(MonetaryAmount amount) {
        Sek.decimal(amount)
    }

    static BigDecimal sum(Collection<BigDecimal> values) {
        values.inject(BigDecimal.ZERO) { BigDecimal a, BigDecimal b -> a.add(b) }
    }

    static boolean sameShares(LineAllocation a, LineAllocation b) {
        a.shares().size() == b.shares().size() && (0..<a.shares().size()).every { int i ->
            a.shares()[i].service() == b.shares()[i].service() &&
                    dec(a.shares()[i].amount()).compareTo(dec(b.shares()[i].amount())) == 0
        }
    }

    /** Exact non-negative rationals for the oracle, independent of the core's {@link Fraction}. */
    @CompileStatic
    static final class Q implements Comparable<Q> {
        static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE)
        final BigInteger n
        final BigInteger d

        Q(BigInteger n, BigInteger d) {
            BigInteger g = n.gcd(d)
            if (g.signum() == 0 || g == BigInteger.ONE) {
                this.n = n
                this.d = d
            } else {
                this.n = n.divide(g)
                this.d = d.divide(g)
            }
        }

        static Q of(BigDecimal v) {
            v.scale() > 0 ? new Q(v.unscaledValue(), BigInteger.TEN.pow(v.scale())) : new Q(v.toBigIntegerExact(), BigInteger.ONE)
        }

        static Q of(long v) {
            new Q(BigInteger.valueOf(v), BigInteger.ONE)
        }

        Q plus(Q o) {
            new Q(n * o.d + o.n * d, d * o.d)
        }

        Q multiply(Q o) {
            new Q(n * o.n, d * o.d)
        }

        Q div(Q o) {
            new Q(n * o.d, d * o.n)
        }

        int signum() {
            n.signum()
        }

        BigInteger floor() {
            n.divide(d) // never negative here
        }

        /** Rounded to öre, half away from zero. */
        BigDecimal roundedToOre() {
            new BigDecimal(n).divide(new BigDecimal(d), 2, RoundingMode.HALF_UP)
        }

        @Override
        int compareTo(Q o) {
            (n * o.d).compareTo(o.n * d)
        }

        @Override
        String toString() {
            "${n}/${d}"
        }
    }

    /**
     * An independent reading of RULES §2–§4 for one centre and period: which lines the
     * period touches, whether the centre must be refused, each line's members and
     * weights on a day, its exact accrual and shares, and the rounded result (total
     * half away from zero, shares by largest remainder with ties to the earlier
     * service). Every date where anything may change is a cut; cutting more often than
     * needed changes nothing, as accrual is linear in the days of each month.
     */
    @CompileStatic
    static final class Oracle {

        /** A line as the rules define it, whatever entered it (cost line, coordinator, rent recharge). */
        static final class Line {
            String id
            String source
            Pool pool
            String borneBy
            Periodicity periodicity
            LocalDate from
            LocalDate to
            LocalDate once
            Function<LocalDate, BigDecimal> amountOn
            /** The index factor on a day, for an indexed cost line; {@code null}: 1. */
            Function<LocalDate, Q> factorOn
        }

        /** What the rules give for one line. */
        static final class Expected {
            Line line
            BigDecimal total
            List<BigDecimal> shares
            List<Q> exactShares
            boolean unshared
        }

        final Centre centre
        final Period period
        /** The index values for indexed cost lines; {@code null} when the centre has none. */
        final IndexTable indexes
        final List<Line> lines = []
        final TreeSet<LocalDate> cuts = new TreeSet<>()
        final Map<String, Expected> expected = new LinkedHashMap<>()
        final List<String> refusals = []

        Oracle(Centre centre, Period period) {
            this(centre, period, null)
        }

        Oracle(Centre centre, Period period, IndexTable indexes) {
            this.centre = centre
            this.period = period
            this.indexes = indexes
            collectLines()
            collectCuts()
            for (Line line : lines) {
                Expected e = compute(line)
                if (e != null) {
                    expected.put(line.id, e)
                    if (e.unshared) {
                        refusals.add(line.source + ': ' + line.id + ' cannot be shared')
                    }
                }
            }
            checkMinimumRooms()
        }

        boolean refused() {
            !refusals.isEmpty()
        }

        static boolean within(LocalDate day, LocalDate from, LocalDate to) {
            (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))
        }

        // ---- lines ------------------------------------------------------------------------

        private void collectLines() {
            centre.coordinators().eachWithIndex { Coordinator co, int i ->
                String source = "coordinators[${i}]".toString()
                Function<LocalDate, BigDecimal> salary = { LocalDate d ->
                    BigDecimal s = Sek.decimal(co.monthlySalary())
                    for (AmountChange ch : co.salaryChanges()) {
                        if (!ch.from().isAfter(d)) {
                            s = Sek.decimal(ch.amount())
                        }
                    }
                    s.multiply(percentOn(co.ftePercent(), co.fteChanges(), d)).movePointLeft(2)
                } as Function<LocalDate, BigDecimal>
                Function<LocalDate, BigDecimal> onCosts = { LocalDate d ->
                    salary.apply(d).multiply(percentOn(co.onCostPercent(), co.onCostChanges(), d)).movePointLeft(2)
                } as Function<LocalDate, BigDecimal>
                lines.add(line(co.id() + '/salary', source, Pool.COORDINATOR, null, Periodicity.MONTH, co.from(), co.to(), null, salary))
                lines.add(line(co.id() + '/on-costs', source, Pool.COORDINATOR, null, Periodicity.MONTH, co.from(), co.to(), null, onCosts))
                Map<String, MonetaryAmount> yearly = ['competence-development': co.competenceDevelopmentPerYear(),
                                                      'it': co.itPerYear(), 'other': co.otherPerYear()]
                yearly.each { String suffix, MonetaryAmount perYear ->
                    if (perYear != null) {
                        BigDecimal amount = Sek.decimal(perYear)
                        lines.add(line(co.id() + '/' + suffix, source, Pool.COORDINATOR, null, Periodicity.YEAR, co.from(),
                                co.to(), null, { LocalDate d -> amount } as Function<LocalDate, BigDecimal>))
                    }
                }
            }
            centre.costLines().eachWithIndex { CostLine l, int i ->
                Function<LocalDate, BigDecimal> amountOn = { LocalDate d ->
                    BigDecimal a = Sek.decimal(l.amount())
                    for (AmountChange ch : l.changes()) {
                        if (!ch.from().isAfter(d)) {
                            a = Sek.decimal(ch.amount())
                        }
                    }
                    a
                } as Function<LocalDate, BigDecimal>
                Line costLine = line(l.id(), "costLines[${i}]".toString(), l.pool(), l.borneBy(), l.periodicity(), l.from(), l.to(),
                        l.date(), amountOn)
                Indexation clause = l.indexation()
                if (clause != null) {
                    IndexSeries series = indexes.series(clause.series())
                    costLine.factorOn = { LocalDate d -> indexFactor(clause, series, d.year) } as Function<LocalDate, Q>
                }
                lines.add(costLine)
            }
            DedicatedRent rent = centre.dedicatedRent()
            if (rent != null) {
                BigDecimal perSquareMetre = Sek.decimal(rent.rentPerSquareMetreYear())
                for (Service s : centre.services()) {
                    List<Room> rooms = centre.rooms().findAll { Room r -> r.service() == s.id() }
                    if (s.id() == rent.leaseHolder() || rooms.isEmpty()) {
                        continue
                    }
                    Function<LocalDate, BigDecimal> amountOn = { LocalDate d ->
                        BigDecimal area = BigDecimal.ZERO
                        for (Room r : rooms) {
                            if (within(d, r.from(), r.to())) {
                                area = area.add(r.area())
                            }
                        }
                        perSquareMetre.multiply(area)
                    } as Function<LocalDate, BigDecimal>
                    lines.add(line('dedicated-rent/' + s.id(), 'dedicatedRent', Pool.PREMISES, s.id(), Periodicity.YEAR,
                            s.from(), s.to(), null, amountOn))
                }
            }
        }

        private static Line line(String id, String source, Pool pool, String borneBy, Periodicity periodicity,
                                 LocalDate from, LocalDate to, LocalDate once, Function<LocalDate, BigDecimal> amountOn) {
            new Line(id: id, source: source, pool: pool, borneBy: borneBy, periodicity: periodicity, from: from, to: to,
                    once: once, amountOn: amountOn)
        }

        /**
         * RULES §3 indexation read afresh: on a day of year Y ≥ B + 2 the amount × (I(B) + s × (I(Y−1) − I(B))) / I(B),
         * with the floor a fall counting as none; × 1 before.
         */
        static Q indexFactor(Indexation clause, IndexSeries series, int year) {
            int base = clause.baseYear()
            if (year < base + 2) {
                return Q.of(1)
            }
            Q before = Q.of(series.valueFor(base))
            Q now = Q.of(series.valueFor(year - 1))
            if (clause.floor() && now.compareTo(before) < 0) {
                return Q.of(1)
            }
            Q change = now.plus(new Q(before.n.negate(), before.d))
            before.plus(Q.of(clause.share()).multiply(change).div(Q.of(100))).div(before)
        }

        private static BigDecimal percentOn(BigDecimal first, List<PercentChange> changes, LocalDate d) {
            BigDecimal percent = first
            for (PercentChange ch : changes) {
                if (!ch.from().isAfter(d)) {
                    percent = ch.percent()
                }
            }
            percent
        }

        /** Every day on which anything might change: a month, a service, a room, a rule, an amount. */
        private void collectCuts() {
            for (LocalDate m = period.from().withDayOfMonth(1); !m.isAfter(period.to()); m = m.plusMonths(1)) {
                cuts.add(m)
            }
            centre.services().each { Service s -> cut(s.from(), s.to()) }
            centre.rooms().each { Room r -> cut(r.from(), r.to()) }
            centre.rules().values().each { List<PoolRule> list -> list.each { PoolRule r -> cut(r.from(), null) } }
            centre.costLines().each { CostLine l ->
                cut(l.from(), l.to())
                l.changes().each { AmountChange ch -> cut(ch.from(), null) }
            }
            centre.coordinators().each { Coordinator co ->
                cut(co.from(), co.to())
                co.salaryChanges().each { AmountChange ch -> cut(ch.from(), null) }
                co.fteChanges().each { PercentChange ch -> cut(ch.from(), null) }
                co.onCostChanges().each { PercentChange ch -> cut(ch.from(), null) }
            }
        }

        private void cut(LocalDate from, LocalDate to) {
            if (from != null) {
                cuts.add(from)
            }
            if (to != null) {
                cuts.add(to.plusDays(1))
            }
        }

        // ---- members and weights -------------------------------------------------------------

        static boolean canBeMember(Service s, Pool pool) {
            boolean base = s.type() != ServiceType.OTHER
            switch (pool) {
                case Pool.COORDINATOR:
                    return base
                case Pool.PREMISES:
                    boolean shares = s.sharesPremisesGiven() != null ? s.sharesPremisesGiven().booleanValue() : s.coLocated()
                    return base ? shares : s.pools().contains(Pool.PREMISES)
                default:
                    return base || s.pools().contains(Pool.JOINT)
            }
        }

        PoolRule ruleOn(Pool pool, LocalDate day) {
            List<PoolRule> list = centre.rules().get(pool)
            PoolRule current = new PoolRule(null, RuleKind.EQUAL, null)
            if (pool == Pool.COORDINATOR || list == null) {
                return current
            }
            for (PoolRule r : list) {
                if (r.from() == null || !r.from().isAfter(day)) {
                    current = r
                }
            }
            current
        }

        /** The rule name the explanation should show for the line on a day. */
        String ruleNameOn(Line line, LocalDate day) {
            line.borneBy != null ? 'BORNE' : ruleOn(line.pool, day).rule().name()
        }

        /** Service id to weight, in the centre's order, for every member taking part on the day. */
        LinkedHashMap<String, BigDecimal> weightsOn(Line line, LocalDate day) {
            LinkedHashMap<String, BigDecimal> weights = new LinkedHashMap<>()
            PoolRule rule = ruleOn(line.pool, day)
            for (Service s : centre.services()) {
                if (!within(day, s.from(), s.to())) {
                    continue
                }
                if (line.borneBy != null) {
                    if (s.id() == line.borneBy) {
                        weights.put(s.id(), BigDecimal.ONE)
                    }
                    continue
                }
                if (!canBeMember(s, line.pool)) {
                    continue
                }
                switch (rule.rule()) {
                    case RuleKind.EQUAL:
                        weights.put(s.id(), BigDecimal.ONE)
                        break
                    case RuleKind.AREA:
                        BigDecimal area = BigDecimal.ZERO
                        for (Room r : centre.rooms()) {
                            if (r.service() == s.id() && within(day, r.from(), r.to())) {
                                area = area.add(r.area())
                            }
                        }
                        weights.put(s.id(), area)
                        break
                    default:
                        BigDecimal percent = rule.percentages().get(s.id())
                        weights.put(s.id(), percent == null ? BigDecimal.ZERO : percent)
                }
            }
            weights
        }

        // ---- one line ------------------------------------------------------------------------

        private Expected compute(Line line) {
            List<LocalDate[]> pieces = []
            if (line.periodicity == Periodicity.ONCE) {
                if (!period.contains(line.once)) {
                    return null
                }
                pieces.add([line.once, line.once] as LocalDate[])
            } else {
                LocalDate start = line.from == null || line.from.isBefore(period.from()) ? period.from() : line.from
                LocalDate end = line.to == null || line.to.isAfter(period.to()) ? period.to() : line.to
                if (start.isAfter(end)) {
                    return null
                }
                List<LocalDate> starts = [start]
                starts.addAll(cuts.subSet(start, false, end, true))
                for (int k = 0; k < starts.size(); k++) {
                    LocalDate b = k + 1 < starts.size() ? starts[k + 1].minusDays(1) : end
                    pieces.add([starts[k], b] as LocalDate[])
                }
            }
            List<Service> services = centre.services()
            List<Q> exact = services.collect { Q.ZERO }
            Q total = Q.ZERO
            boolean unshared = false
            int months = line.periodicity == Periodicity.MONTH ? 1 : line.periodicity == Periodicity.QUARTER ? 3 : 12
            for (LocalDate[] piece : pieces) {
                LocalDate a = piece[0]
                Q amount = Q.of(line.amountOn.apply(a))
                Q accrual = line.periodicity == Periodicity.ONCE ? amount
                        : amount.multiply(new Q(BigInteger.valueOf(piece[1].toEpochDay() - a.toEpochDay() + 1),
                        BigInteger.valueOf(months * a.lengthOfMonth())))
                if (line.factorOn != null) {
                    accrual = accrual.multiply(line.factorOn.apply(a))
                }
                if (accrual.signum() == 0) {
                    continue
                }
                Map<String, BigDecimal> weights = weightsOn(line, a)
                Q sum = Q.ZERO
                weights.values().each { BigDecimal w -> sum = sum.plus(Q.of(w)) }
                if (sum.signum() == 0) {
                    unshared = true
                    continue
                }
                total = total.plus(accrual)
                for (int i = 0; i < services.size(); i++) {
                    BigDecimal w = weights.get(services[i].id())
                    if (w != null && w.signum() > 0) {
                        exact[i] = exact[i].plus(accrual.multiply(Q.of(w)).div(sum))
                    }
                }
            }
            BigDecimal rounded = total.roundedToOre()
            new Expected(line: line, total: rounded, shares: largestRemainder(rounded, exact), exactShares: exact,
                    unshared: unshared)
        }

        /** RULES §4: cut every exact share down to öre, the missing öre to the largest remainders, ties to the earlier service. */
        static List<BigDecimal> largestRemainder(BigDecimal total, List<Q> exact) {
            Q hundred = Q.of(100)
            List<BigInteger> ore = []
            List<Q> remainders = []
            BigInteger floors = BigInteger.ZERO
            for (Q share : exact) {
                Q inOre = share.multiply(hundred)
                BigInteger floor = inOre.floor()
                ore.add(floor)
                remainders.add(inOre.plus(new Q(floor.negate(), BigInteger.ONE)))
                floors = floors + floor
            }
            int missing = (total.movePointRight(2).toBigIntegerExact() - floors).intValueExact()
            assert missing >= 0 && missing <= exact.size()
            List<Integer> order = (0..<exact.size()).collect { int i -> i }
            order.sort { int x, int y -> int c = remainders[y].compareTo(remainders[x]); c != 0 ? c : x <=> y }
            for (int k = 0; k < missing; k++) {
                int i = order[k]
                ore[i] = ore[i] + BigInteger.ONE
            }
            ore.collect { BigInteger o -> new BigDecimal(o, 2) }
        }

        // ---- the minimum rooms ----------------------------------------------------------------

        /** §14.1: a stretch of the period lacking a minimum shared room is a 422 if any shared PREMISES cost falls in it. */
        private void checkMinimumRooms() {
            TreeSet<LocalDate> starts = new TreeSet<>([period.from()])
            centre.rooms().findAll { Room r -> r.service() == null }.each { Room r ->
                [r.from(), r.to() == null ? null : r.to().plusDays(1)].each { LocalDate d ->
                    if (d != null && d.isAfter(period.from()) && !d.isAfter(period.to())) {
                        starts.add(d)
                    }
                }
            }
            List<LocalDate> list = new ArrayList<>(starts)
            for (int k = 0; k < list.size(); k++) {
                LocalDate a = list[k]
                LocalDate b = k + 1 < list.size() ? list[k + 1].minusDays(1) : period.to()
                Set<RoomType> missing = EnumSet.copyOf(RoomType.MINIMUM_SET)
                centre.rooms().each { Room r ->
                    if (r.service() == null && within(a, r.from(), r.to())) {
                        missing.remove(r.type())
                    }
                }
                if (missing.isEmpty()) {
                    continue
                }
                boolean premisesCost = centre.costLines().any { CostLine l ->
                    l.pool() == Pool.PREMISES && l.borneBy() == null && (l.periodicity() == Periodicity.ONCE
                            ? within(l.date(), a, b)
                            : (l.from() == null || !l.from().isAfter(b)) && (l.to() == null || !l.to().isBefore(a)))
                }
                if (premisesCost) {
                    refusals.add("rooms: ${missing} missing from ${a} to ${b}".toString())
                }
            }
        }
    }
}
