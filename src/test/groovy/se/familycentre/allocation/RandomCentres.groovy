package se.familycentre.allocation

import groovy.transform.CompileStatic
import java.time.LocalDate
import javax.money.MonetaryAmount

/**
 * A seeded generator of valid random centres for {@link AllocationPropertiesSpec}.
 * The same seed always gives the same centre and period ({@code new Random(seed)}).
 *
 * Every centre passes {@link CentreValidator}. To make most centres allocatable,
 * the first service is an "anchor": a co-located base service that shares the
 * premises, takes part throughout the period, has an undated dedicated room and a
 * percentage above 0 in every PERCENT rule, and is the only service that ever bears
 * a cost line. So every pool has a member of weight above 0 in every segment.
 * In a "risky" centre (about one in twelve) the anchor gets none of these
 * guarantees, and one of the minimum shared rooms may be gone for a while, so some
 * of them are legitimately refused (a segment whose pool has no member of weight
 * above 0, a bearer that does not take part, a PREMISES cost without the minimum rooms).
 */
@CompileStatic
final class RandomCentres {

    static final List<ServiceType> BASE_TYPES = [ServiceType.MIDWIFE_CLINIC, ServiceType.CHILD_HEALTH,
                                                 ServiceType.OPEN_PRESCHOOL, ServiceType.SOCIAL_SERVICES]
    static final List<RoomType> SHARED_EXTRA = [RoomType.KITCHEN, RoomType.WAITING_ROOM, RoomType.RECEPTION,
                                                RoomType.STORAGE]
    static final List<RoomType> DEDICATED_TYPES = [RoomType.OFFICE, RoomType.TREATMENT_ROOM, RoomType.GROUP_ROOM,
                                                   RoomType.PLAY_ROOM, RoomType.STORAGE, RoomType.OTHER]
    static final List<String> FTE = ['100', '75', '50', '62.5', '80', '33.33', '20']
    static final List<String> ON_COST = ['31.42', '40', '38.46', '0', '45.5', '32']

    private RandomCentres() {
    }

    /** A generated centre with the period it is computed for. */
    static final class Sample {
        final long seed
        final Centre centre
        final Period period
        final boolean risky

        Sample(long seed, Centre centre, Period period, boolean risky) {
            this.seed = seed
            this.centre = centre
            this.period = period
            this.risky = risky
        }

        @Override
        String toString() {
            "seed ${seed}, period ${period}, risky ${risky}"
        }
    }

    /** An inclusive stretch, either end open ({@code null}). */
    static final class Span {
        final LocalDate from
        final LocalDate to

        Span(LocalDate from, LocalDate to) {
            this.from = from
            this.to = to
        }
    }

    static Sample sample(long seed) {
        Random rnd = new Random(seed)
        Period period = period(rnd)
        boolean risky = rnd.nextInt(12) == 0
        boolean evenAreas = rnd.nextBoolean()
        List<LegalEntity> entities = entities(rnd)
        List<Service> services = services(rnd, period, entities, risky)
        List<Room> rooms = rooms(rnd, period, services, risky, evenAreas)
        Map<Pool, List<PoolRule>> rules = rules(rnd, period, services, risky)
        List<Coordinator> coordinators = coordinators(rnd, period, services)
        List<CostLine> lines = costLines(rnd, period, services)
        DedicatedRent rent = rnd.nextInt(100) < 30
                ? new DedicatedRent(pick(rnd, services).id(), money(rnd, 50_000, 400_000)) : null
        Centre centre = new Centre("Random centre " + seed, entities, services, rooms, rules, coordinators, lines, rent)
        new Sample(seed, centre, period, risky)
    }

    // ---- periods and dates ----------------------------------------------------

    /** A random quarter (half the time), month or calendar year between 2024 and 2027. */
    static Period period(Random rnd) {
        int year = 2024 + rnd.nextInt(4)
        int kind = rnd.nextInt(10)
        if (kind < 5) {
            LocalDate from = LocalDate.of(year, rnd.nextInt(4) * 3 + 1, 1)
            return new Period(from, from.plusMonths(3).minusDays(1))
        }
        if (kind < 8) {
            LocalDate from = LocalDate.of(year, 1 + rnd.nextInt(12), 1)
            return new Period(from, from.plusMonths(1).minusDays(1))
        }
        new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
    }

    static LocalDate between(Random rnd, LocalDate a, LocalDate b) {
        long days = b.toEpochDay() - a.toEpochDay()
        a.plusDays(days <= 0 ? 0 : (long) rnd.nextInt((int) days + 1))
    }

    /** A day within {@code margin} days of the period, often inside it. */
    static LocalDate around(Random rnd, Period p, int margin) {
        between(rnd, p.from().minusDays(margin), p.to().plusDays(margin))
    }

    /** Open-ended, or joining and/or leaving around (often inside) the period. */
    static Span participation(Random rnd, Period p) {
        switch (rnd.nextInt(6)) {
            case 0:
            case 1:
                return new Span(null, null)
            case 2:
                return new Span(around(rnd, p, 45), null)
            case 3:
                return new Span(null, around(rnd, p, 45))
            case 4:
                LocalDate from = around(rnd, p, 45)
                return new Span(from, from.plusDays(rnd.nextInt(250)))
            default:
                return new Span(p.from().minusDays(rnd.nextInt(400)), rnd.nextBoolean() ? null : p.to().plusDays(rnd.nextInt(200)))
        }
    }

    /** Taking part throughout the period: open, or starting on or before its first day and ending on or after its last. */
    static Span throughout(Random rnd, Period p) {
        LocalDate from = rnd.nextBoolean() ? null : p.from().minusDays(rnd.nextInt(500))
        LocalDate to = rnd.nextInt(3) == 0 ? p.to().plusDays(rnd.nextInt(300)) : null
        new Span(from, to)
    }

    /** Up to {@code count} distinct dates, strictly after {@code from} and not after {@code to}, ascending. */
    static List<LocalDate> changeDates(Random rnd, LocalDate from, LocalDate to, Period p, int count) {
        LocalDate lo = from != null ? from.plusDays(1) : p.from().minusDays(60)
        LocalDate hi = to != null ? to : p.to().plusDays(60)
        if (lo.isBefore(p.from().minusDays(60))) {
            lo = p.from().minusDays(60) // keep most changes near the period, where they matter
        }
        if (hi.isAfter(p.to().plusDays(60))) {
            hi = p.to().plusDays(60)
        }
        TreeSet<LocalDate> dates = new TreeSet<>()
        if (hi.isBefore(lo)) {
            return []
        }
        for (int k = 0; k < count; k++) {
            dates.add(between(rnd, lo, hi))
        }
        new ArrayList<LocalDate>(dates)
    }

    // ---- numbers ------------------------------------------------------------------

    /** Kronor with öre, from {@code loOre} (inclusive) to {@code hiOre} (exclusive). */
    static MonetaryAmount money(Random rnd, int loOre, int hiOre) {
        Sek.sek(BigDecimal.valueOf(loOre + rnd.nextInt(hiOre - loOre), 2))
    }

    /** An area in m², above 0, at most two decimals; with {@code even} the hundredths are even (so ×1.5 keeps two decimals). */
    static BigDecimal area(Random rnd, boolean even) {
        if (rnd.nextInt(4) == 0) {
            return new BigDecimal(2 + rnd.nextInt(60))
        }
        int hundredths = 150 + rnd.nextInt(7500)
        if (even && hundredths % 2 != 0) {
            hundredths++
        }
        BigDecimal.valueOf(hundredths, 2)
    }

    static <T> T pick(Random rnd, List<T> list) {
        list.get(rnd.nextInt(list.size()))
    }

    // ---- organisationsnummer -------------------------------------------------------

    /** The Luhn check digit of nine digits: weights 2,1,2,1,…, digits of each product added, (10 − sum mod 10) mod 10. */
    static int luhn(String nine) {
        int sum = 0
        for (int i = 0; i < 9; i++) {
            int product = (((int) nine.charAt(i)) - 48) * (i % 2 == 0 ? 2 : 1)
            sum += product.intdiv(10) + product % 10
        }
        (10 - sum % 10) % 10
    }

    static String organisationNumber(Random rnd) {
        StringBuilder nine = new StringBuilder()
        nine.append(1 + rnd.nextInt(9))
        for (int i = 1; i < 9; i++) {
            nine.append(rnd.nextInt(10))
        }
        String digits = nine.toString() + luhn(nine.toString())
        digits.substring(0, 6) + '-' + digits.substring(6)
    }

    static List<LegalEntity> entities(Random rnd) {
        int n = 1 + rnd.nextInt(3)
        Set<String> seen = new HashSet<>()
        List<LegalEntity> entities = []
        while (entities.size() < n) {
            String orgNo = organisationNumber(rnd)
            if (seen.add(orgNo)) {
                // now and then written without the hyphen, which is accepted and stored hyphenated
                String written = rnd.nextInt(5) == 0 ? orgNo.replace('-', '') : orgNo
                entities.add(new LegalEntity(written, "Entity " + entities.size()))
            }
        }
        entities
    }

    // ---- services, rooms, rules ---------------------------------------------------

    static List<Service> services(Random rnd, Period p, List<LegalEntity> entities, boolean risky) {
        int n = 2 + rnd.nextInt(5)
        List<Service> services = []
        for (int i = 0; i < n; i++) {
            String entity = OrganisationNumber.normalise(pick(rnd, entities).organisationNumber())
            if (rnd.nextInt(5) == 0) {
                entity = entity.replace('-', '') // the reference may be written without the hyphen too
            }
            if (i == 0) {
                ServiceType type = pick(rnd, BASE_TYPES)
                Span span = risky ? participation(rnd, p) : throughout(rnd, p)
                Boolean shares = rnd.nextBoolean() ? null : Boolean.TRUE
                services.add(new Service("S0", type, entity, "Anchor " + type, span.from, span.to, true, shares, null))
                continue
            }
            ServiceType type = rnd.nextInt(5) == 0 ? ServiceType.OTHER : pick(rnd, BASE_TYPES)
            Span span = participation(rnd, p)
            boolean coLocated = rnd.nextInt(5) != 0
            Boolean shares = rnd.nextInt(5) < 3 ? null : Boolean.valueOf(rnd.nextBoolean())
            Set<Pool> pools = new HashSet<>()
            if (type == ServiceType.OTHER) {
                if (rnd.nextInt(10) < 6) {
                    pools.add(Pool.PREMISES)
                }
                if (rnd.nextInt(10) < 6) {
                    pools.add(Pool.JOINT)
                }
            }
            services.add(new Service("S" + i, type, entity, type.name() + " " + i, span.from, span.to, coLocated,
                    shares, pools))
        }
        services
    }

    static List<Room> rooms(Random rnd, Period p, List<Service> services, boolean risky, boolean even) {
        List<Room> rooms = []
        // in a risky centre one of the minimum shared rooms may be rebuilt (gone for a while): a PREMISES cost then is a 422
        RoomType rebuilt = risky && rnd.nextInt(3) == 0 ? pick(rnd, [RoomType.STAFF_TOILET, RoomType.VISITOR_TOILET,
                                                                     RoomType.CONFERENCE_ROOM, RoomType.STAFF_ROOM]) : null
        for (RoomType type : [RoomType.STAFF_TOILET, RoomType.VISITOR_TOILET, RoomType.CONFERENCE_ROOM, RoomType.STAFF_ROOM]) {
            Span span = type == rebuilt ? participation(rnd, p) : new Span(null, null)
            rooms.add(new Room("shared-" + type.name().toLowerCase(), type, area(rnd, even), null, span.from, span.to))
        }
        int extra = rnd.nextInt(3)
        for (int k = 0; k < extra; k++) {
            Span span = rnd.nextInt(3) == 0 ? participation(rnd, p) : new Span(null, null)
            rooms.add(new Room("shared-extra-" + k, pick(rnd, SHARED_EXTRA), area(rnd, even), null, span.from, span.to))
        }
        for (int i = 0; i < services.size(); i++) {
            Service s = services.get(i)
            boolean anchor = i == 0 && !risky
            int count = anchor ? 1 + rnd.nextInt(2) : rnd.nextInt(3)
            for (int k = 0; k < count; k++) {
                Span span = (anchor && k == 0) || rnd.nextInt(10) < 7 ? new Span(null, null) : participation(rnd, p)
                rooms.add(new Room(s.id() + "-room-" + k, pick(rnd, DEDICATED_TYPES), area(rnd, even), s.id(),
                        span.from, span.to))
            }
        }
        rooms
    }

    static Map<Pool, List<PoolRule>> rules(Random rnd, Period p, List<Service> services, boolean risky) {
        Map<Pool, List<PoolRule>> rules = new EnumMap<>(Pool.class)
        for (Pool pool : [Pool.PREMISES, Pool.JOINT]) {
            if (rnd.nextInt(4) == 0) {
                continue // no rule: EQUAL by default
            }
            List<PoolRule> list = [rule(rnd, null, pool, services, risky)]
            if (rnd.nextInt(100) < 35) {
                list.add(rule(rnd, around(rnd, p, 20), pool, services, risky))
            }
            rules.put(pool, list)
        }
        if (rnd.nextInt(10) == 0) {
            rules.put(Pool.COORDINATOR, [PoolRule.equal()]) // the only rule the coordinator pool may state
        }
        rules
    }

    static PoolRule rule(Random rnd, LocalDate from, Pool pool, List<Service> services, boolean risky) {
        RuleKind kind = pick(rnd, [RuleKind.EQUAL, RuleKind.AREA, RuleKind.PERCENT])
        if (kind != RuleKind.PERCENT) {
            return new PoolRule(from, kind, null)
        }
        List<Service> members = services.findAll { Service s -> s.canBeMemberOf(pool) }
        int[] weights = new int[members.size()]
        int sum = 0
        for (int i = 0; i < members.size(); i++) {
            weights[i] = rnd.nextInt(10)
            if (members.get(i).id() == 'S0' && !risky && weights[i] == 0) {
                weights[i] = 1
            }
            sum += weights[i]
        }
        if (sum == 0) {
            weights[0] = 1
            sum = 1
        }
        boolean decimals = rnd.nextBoolean()
        int units = decimals ? 10_000 : 100
        int[] parts = new int[members.size()]
        int given = 0
        for (int i = 0; i < members.size(); i++) {
            parts[i] = (int) (((long) units * weights[i]).intdiv(sum))
            given += parts[i]
        }
        // the rest to the first member of positive weight (the anchor when it is a member)
        for (int i = 0; i < members.size(); i++) {
            if (weights[i] > 0) {
                parts[i] += units - given
                break
            }
        }
        Map<String, BigDecimal> percentages = new LinkedHashMap<>()
        for (int i = 0; i < members.size(); i++) {
            if (parts[i] == 0 && rnd.nextBoolean()) {
                continue // a member left out has weight 0
            }
            percentages.put(members.get(i).id(), BigDecimal.valueOf(parts[i], decimals ? 2 : 0))
        }
        new PoolRule(from, RuleKind.PERCENT, percentages)
    }

    // ---- coordinators and cost lines ---------------------------------------------

    static List<Coordinator> coordinators(Random rnd, Period p, List<Service> services) {
        List<Service> base = services.findAll { Service s -> s.type().isBase() }
        int n = rnd.nextInt(3)
        List<Coordinator> coordinators = []
        for (int i = 0; i < n; i++) {
            Span span = participation(rnd, p)
            List<AmountChange> salaryChanges = changeDates(rnd, span.from, span.to, p, rnd.nextInt(3))
                    .collect { LocalDate d -> new AmountChange(d, money(rnd, 3_000_000, 6_000_000)) }
            List<PercentChange> fteChanges = changeDates(rnd, span.from, span.to, p, rnd.nextInt(2))
                    .collect { LocalDate d -> new PercentChange(d, new BigDecimal(pick(rnd, FTE))) }
            List<PercentChange> onCostChanges = changeDates(rnd, span.from, span.to, p, rnd.nextInt(2))
                    .collect { LocalDate d -> new PercentChange(d, new BigDecimal(pick(rnd, ON_COST))) }
            coordinators.add(new Coordinator("C" + i, rnd.nextBoolean() ? null : "Coordinator " + i,
                    pick(rnd, base).id(), span.from, span.to,
                    money(rnd, 3_000_000, 6_000_000), salaryChanges,
                    new BigDecimal(pick(rnd, FTE)), fteChanges,
                    new BigDecimal(pick(rnd, ON_COST)), onCostChanges,
                    rnd.nextInt(10) < 7 ? money(rnd, 0, 3_000_000) : null,
                    rnd.nextInt(10) < 7 ? money(rnd, 0, 1_500_000) : null,
                    rnd.nextInt(10) < 3 ? money(rnd, 0, 1_000_000) : null))
        }
        coordinators
    }

    static List<CostLine> costLines(Random rnd, Period p, List<Service> services) {
        int n = 1 + rnd.nextInt(8)
        List<CostLine> lines = []
        for (int i = 0; i < n; i++) {
            Pool pool = pick(rnd, [Pool.COORDINATOR, Pool.PREMISES, Pool.JOINT])
            String payer = pick(rnd, services).id()
            Periodicity periodicity = pick(rnd, [Periodicity.MONTH, Periodicity.QUARTER, Periodicity.YEAR, Periodicity.ONCE])
            MonetaryAmount amount = rnd.nextInt(30) == 0 ? Sek.sek('0') : money(rnd, 1, 20_000_000)
            String borneBy = rnd.nextInt(20) == 0 ? 'S0' : null
            String id = "L" + i
            String name = rnd.nextBoolean() ? null : "Cost " + i
            if (periodicity == Periodicity.ONCE) {
                lines.add(new CostLine(id, name, pool, payer, periodicity, amount, null, null, null,
                        around(rnd, p, 20), borneBy))
                continue
            }
            Span span = rnd.nextInt(10) < 4 ? new Span(null, null) : participation(rnd, p)
            List<AmountChange> changes = changeDates(rnd, span.from, span.to, p, rnd.nextInt(3))
                    .collect { LocalDate d -> new AmountChange(d, money(rnd, 0, 20_000_000)) }
            lines.add(new CostLine(id, name, pool, payer, periodicity, amount, span.from, span.to, changes, null, borneBy))
        }
        lines
    }

    // ---- transformations -------------------------------------------------------------

    /** The same centre with every room's area multiplied by {@code factor}. */
    static Centre withAreasTimes(Centre c, BigDecimal factor) {
        List<Room> rooms = c.rooms().collect { Room r ->
            new Room(r.id(), r.type(), r.area().multiply(factor), r.service(), r.from(), r.to())
        }
        new Centre(c.name(), c.entities(), c.services(), rooms, c.rules(), c.coordinators(), c.costLines(),
                c.dedicatedRent())
    }

    /** Whether every area times {@code factor} still has at most two decimals. */
    static boolean keepsTwoDecimals(Centre c, BigDecimal factor) {
        c.rooms().every { Room r -> r.area().multiply(factor).stripTrailingZeros().scale() <= 2 }
    }

    // ---- indexation ------------------------------------------------------------------

    static final List<String> INDEXED_SHARES = ['100', '75', '50', '0', '33.3333', '12.5']

    /**
     * The same centre with about half its MONTH, QUARTER and YEAR cost lines indexed by one of
     * {@code series}: base years from six years before the period to one after it (so that some days
     * are indexed and some are not), every share and floor.
     */
    static Centre withIndexation(Centre c, Period p, Random rnd, List<String> series) {
        List<CostLine> lines = c.costLines().collect { CostLine l ->
            if (l.periodicity() == Periodicity.ONCE || rnd.nextBoolean()) {
                return l
            }
            Indexation clause = new Indexation(pick(rnd, series), p.from().year - 6 + rnd.nextInt(8),
                    new BigDecimal(pick(rnd, INDEXED_SHARES)), rnd.nextBoolean())
            withClause(l, clause)
        }
        new Centre(c.name(), c.entities(), c.services(), c.rooms(), c.rules(), c.coordinators(), lines,
                c.dedicatedRent())
    }

    /** The same centre with no line indexed. */
    static Centre withoutIndexation(Centre c) {
        new Centre(c.name(), c.entities(), c.services(), c.rooms(), c.rules(), c.coordinators(),
                c.costLines().collect { CostLine l -> withClause(l, null) }, c.dedicatedRent())
    }

    static CostLine withClause(CostLine l, Indexation clause) {
        new CostLine(l.id(), l.name(), l.pool(), l.payer(), l.periodicity(), l.amount(), l.from(), l.to(),
                l.changes(), l.date(), l.borneBy(), clause)
    }

    /** Each series with October values for {@code from..to}, from 250.00 to 450.00 at random, so they fall as well as rise. */
    static IndexTable indexTable(Random rnd, List<String> series, int from, int to) {
        IndexTable.of(series.collect { String name ->
            Map<Integer, BigDecimal> values = [:]
            for (int year = from; year <= to; year++) {
                values.put(year, BigDecimal.valueOf(25_000 + rnd.nextInt(20_001), 2))
            }
            IndexSeries.of(name, values)
        })
    }

    /** Each series with the same value every year: every factor is 1. */
    static IndexTable flatTable(List<String> series, int from, int to, BigDecimal value) {
        IndexTable.of(series.collect { String name ->
            Map<Integer, BigDecimal> values = [:]
            for (int year = from; year <= to; year++) {
                values.put(year, value)
            }
            IndexSeries.of(name, values)
        })
    }

    /** The same centre with its cost lines in another order. */
    static Centre withLinesShuffled(Centre c, Random rnd) {
        List<CostLine> lines = new ArrayList<>(c.costLines())
        Collections.shuffle(lines, rnd)
        new Centre(c.name(), c.entities(), c.services(), c.rooms(), c.rules(), c.coordinators(), lines,
                c.dedicatedRent())
    }
}
