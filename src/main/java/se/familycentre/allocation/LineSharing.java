package se.familycentre.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Allocation.IndexFactor;
import se.familycentre.allocation.Allocation.LineAllocation;
import se.familycentre.allocation.Allocation.Segment;
import se.familycentre.allocation.Allocation.SegmentRule;
import se.familycentre.allocation.Allocation.Share;
import se.familycentre.allocation.Allocation.Weight;

/**
 * One line over the period (RULES §2–§4): the line's days in the period are cut
 * wherever its amount, members, weights or rule change, and at month ends
 * because accrual is by calendar month; each stretch's exact accrual is split
 * by the members' weights; the line's exact total is rounded once (half away
 * from zero) and its exact shares by largest remainder. A cost no member can
 * carry is refused, naming the line and the dates.
 *
 * <p>Consecutive stretches in which the amount, the rule and every weight stay
 * the same form one segment of the explanation, and they share alike: the
 * segment's accrual is the amount × the monthly factor × the sum of its
 * stretches' parts of their months, split once by the weights. That is the
 * same exact value as the sum of the stretches' splits, with far fewer
 * fractions. Days are epoch days inside, so that a stretch costs no date.
 *
 * <p>An indexed line's amount in force is multiplied by its year's index factor
 * ({@link IndexFactors}); the month cuts include every 1 January, so no stretch
 * spans two years, and a segment ends where the factor changes. A line that is
 * not indexed pays for this with one null check per stretch.
 */
final class LineSharing {

    private static final Fraction HUNDRED = Fraction.of(100);
    private static final List<PoolRule> BORNE = List.of(PoolRule.equal());
    private static final long OPEN_START = Long.MIN_VALUE;
    private static final long OPEN_END = Long.MAX_VALUE;

    private final Centre centre;
    private final IndexTable indexes;
    private final List<Service> services;
    private final List<Violation> violations;
    private final OreAmounts amounts;
    private final long periodFrom;
    private final long periodTo;
    private final Map<String, Integer> positions = new HashMap<>();
    /** Per pool (by ordinal), the positions of the services that can be its members, in the centre's order. */
    private final int[][] members = new int[Pool.values().length][];
    /** Per service, the days it takes part, as epoch days; open ends are the extremes of {@code long}. */
    private final long[] serviceFrom;
    private final long[] serviceTo;
    /** Per service, the rooms dedicated to it (its AREA weight), as positions in {@link #rooms}. */
    private final int[][] dedicatedRooms;
    private final List<Room> rooms;
    private final long[] roomFrom;
    private final long[] roomTo;
    /** Per service, the dedicated rooms last seen to exist (a bit per room) and their area, while it has at most 64. */
    private final long[] lastRoomMask;
    private final BigDecimal[] lastArea;
    /** The first days of the months that overlap the period, and the first day after the last one. */
    private final long[] monthStarts;
    /** Per service, the last weight made exact, since it rarely changes between lines and segments. */
    private final BigDecimal[] lastWeight;
    private final Fraction[] lastExact;
    /** Scratch: a line's cuts. */
    private long[] cuts = new long[32];

    LineSharing(Centre centre, Period period, IndexTable indexes, List<Violation> violations, OreAmounts amounts) {
        this.centre = centre;
        this.indexes = indexes;
        this.services = centre.services();
        this.violations = violations;
        this.amounts = amounts;
        this.periodFrom = period.from().toEpochDay();
        this.periodTo = period.to().toEpochDay();
        int n = services.size();
        serviceFrom = new long[n];
        serviceTo = new long[n];
        for (int i = 0; i < n; i++) {
            Service s = services.get(i);
            positions.put(s.id(), i);
            serviceFrom[i] = s.from() == null ? OPEN_START : s.from().toEpochDay();
            serviceTo[i] = s.to() == null ? OPEN_END : s.to().toEpochDay();
        }
        for (Pool pool : Pool.values()) {
            int[] list = new int[n];
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (services.get(i).canBeMemberOf(pool)) {
                    list[size++] = i;
                }
            }
            members[pool.ordinal()] = Arrays.copyOf(list, size);
        }
        rooms = centre.rooms();
        roomFrom = new long[rooms.size()];
        roomTo = new long[rooms.size()];
        int[] dedicatedCount = new int[n];
        int[] owners = new int[rooms.size()];
        for (int r = 0; r < rooms.size(); r++) {
            Room room = rooms.get(r);
            roomFrom[r] = room.from() == null ? OPEN_START : room.from().toEpochDay();
            roomTo[r] = room.to() == null ? OPEN_END : room.to().toEpochDay();
            Integer owner = room.isShared() ? null : positions.get(room.service());
            owners[r] = owner == null ? -1 : owner;
            if (owner != null) {
                dedicatedCount[owner]++;
            }
        }
        dedicatedRooms = new int[n][];
        for (int i = 0; i < n; i++) {
            dedicatedRooms[i] = new int[dedicatedCount[i]];
            dedicatedCount[i] = 0;
        }
        for (int r = 0; r < rooms.size(); r++) {
            if (owners[r] >= 0) {
                dedicatedRooms[owners[r]][dedicatedCount[owners[r]]++] = r;
            }
        }
        lastRoomMask = new long[n];
        lastArea = new BigDecimal[n];
        lastWeight = new BigDecimal[n];
        lastExact = new Fraction[n];
        long[] starts = new long[16];
        int count = 0;
        LocalDate m = period.from().withDayOfMonth(1);
        long day = m.toEpochDay();
        while (true) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = day;
            if (day > periodTo) {
                break;
            }
            m = m.plusMonths(1);
            day = m.toEpochDay();
        }
        monthStarts = Arrays.copyOf(starts, count);
    }

    /**
     * One line's allocation with its total and shares in öre for the sums; {@code ore} holds the
     * shares in the centre's order of services and then the total.
     */
    record Shared(LineAllocation line, int payer, OreSums ore) {
    }

    /** The line's allocation, or {@code null} when it accrues nothing in the period or is refused. */
    Shared share(Charge charge) {
        long start;
        long end;
        boolean once = charge.periodicity() == Periodicity.ONCE;
        if (once) {
            long day = charge.onceDate().toEpochDay();
            if (day < periodFrom || day > periodTo) {
                return null;
            }
            start = day;
            end = day;
        } else {
            start = charge.from() == null ? periodFrom : Math.max(periodFrom, charge.from().toEpochDay());
            end = charge.to() == null ? periodTo : Math.min(periodTo, charge.to().toEpochDay());
            if (start > end) {
                return null;
            }
        }
        boolean borne = charge.borneBy() != null;
        int[] candidates = borne ? new int[] {positions.get(charge.borneBy())} : members[charge.pool().ordinal()];
        // a borne line is the bearer's alone: one member, weight 1, whatever the pool's rule
        List<PoolRule> poolRules = borne ? BORNE : centre.rulesInForce(charge.pool());
        List<Charge.Step> steps = charge.steps();

        int cutCount = cuts(charge, once, candidates, poolRules, start, end);
        int n = services.size();
        Fraction[] exact = new Fraction[n];
        Arrays.fill(exact, Fraction.ZERO);
        Run run = new Run(candidates.length);
        Fraction factor = once ? null : charge.periodicity().monthlyFactor();
        // the validator refused a ONCE line with a clause, and a clause whose series or values are missing
        IndexFactors index = charge.indexation() == null ? null
                : new IndexFactors(charge.indexation(), indexes.series(charge.indexation().series()));

        int step = 0;
        int ruleIndex = 0;
        int month = 0;
        long from = start;
        for (int c = 0; c <= cutCount; c++) {
            long to = c < cutCount ? cuts[c] - 1 : end;
            // the values in force on the stretch's first day: the last whose date has come (Dated.inForceOn)
            while (step < steps.size() && !startsAfter(steps.get(step).from(), from)) {
                step++;
            }
            while (ruleIndex < poolRules.size() && !startsAfter(poolRules.get(ruleIndex).from(), from)) {
                ruleIndex++;
            }
            Fraction amount = step == 0 ? null : steps.get(step - 1).amount();
            PoolRule rule = ruleIndex == 0 ? null : poolRules.get(ruleIndex - 1);
            SegmentRule segmentRule = borne ? SegmentRule.BORNE : SegmentRule.of(rule.rule());
            IndexFactor indexFactor = index == null ? null : index.on(from);
            boolean same = run.weigh(this, rule, candidates, from)
                    && run.rule == segmentRule && run.amount.equals(amount) && run.index == indexFactor;
            if (!same) {
                run.flush(this, exact, factor);
                run.start(this, rule, candidates, segmentRule, amount, indexFactor, from);
            }
            long days = to - from + 1;
            run.to = to;
            run.days += days;
            if (!once) {
                while (monthStarts[month + 1] <= from) {
                    month++;
                }
                long length = monthStarts[month + 1] - monthStarts[month];
                run.months = run.months.add(days == length ? Fraction.ONE : Fraction.of(days, length));
            }
            from = to + 1;
        }
        run.flush(this, exact, factor);
        if (!run.unshared.isEmpty()) {
            refuseUnshared(charge, run.unshared);
            return null;
        }

        Fraction[] exactOre = new Fraction[n];
        boolean small = true;
        for (int i = 0; i < n; i++) {
            exactOre[i] = exact[i].multiply(HUNDRED);
            small &= exactOre[i].isLong();
        }
        Fraction totalOre = run.total.multiply(HUNDRED);
        OreSums ore = new OreSums(n + 1);
        long[] split = small && totalOre.isLong() ? LargestRemainder.split(roundHalfUp(totalOre), exactOre) : null;
        if (split != null) {
            for (int i = 0; i < n; i++) {
                ore.add(i, split[i]);
            }
            ore.add(n, roundHalfUp(totalOre));
        } else {
            BigInteger roundedTotal = run.total.toBigDecimal(2, RoundingMode.HALF_UP).unscaledValue();
            List<BigInteger> big = LargestRemainder.split(roundedTotal, Arrays.asList(exactOre));
            for (int i = 0; i < n; i++) {
                ore.add(i, big.get(i));
            }
            ore.add(n, roundedTotal);
        }
        Share[] shares = new Share[n];
        for (int i = 0; i < n; i++) {
            shares[i] = new Share(services.get(i).id(), ore.amount(i, amounts));
        }
        Integer payer = positions.get(charge.payer());
        LineAllocation line = new LineAllocation(charge.id(), charge.name(), charge.origin(), charge.pool(),
                charge.payer(), charge.periodicity(), charge.borneBy(), ore.amount(n, amounts), List.of(shares),
                List.copyOf(run.segments));
        return new Shared(line, payer == null ? -1 : payer, ore);
    }

    /** Whether an entry dated {@code from} ({@code null}: from the start) has not yet begun on the day. */
    private static boolean startsAfter(LocalDate from, long day) {
        return from != null && from.toEpochDay() > day;
    }

    /** A value held in longs rounded to a whole number, half away from zero (as {@link RoundingMode#HALF_UP}). */
    private static long roundHalfUp(Fraction value) {
        long num = value.longNumerator();
        long den = value.longDenominator();
        long abs = Math.abs(num);
        long q = abs / den;
        long r = abs % den;
        if (r >= den - r) {
            q++;
        }
        return num < 0 ? -q : q;
    }

    /**
     * The line's cuts (the first days of new stretches), sorted and distinct, in {@link #cuts}: wherever its
     * amount, members, weights, rule or month change.
     *
     * @return how many there are
     */
    private int cuts(Charge charge, boolean once, int[] candidates, List<PoolRule> poolRules, long start, long end) {
        int size = 0;
        if (!once) {
            for (long m : monthStarts) {
                size = cut(size, m, start, end);
            }
            for (Charge.Step s : charge.steps()) {
                size = cut(size, s.from(), start, end);
            }
        }
        for (int i : candidates) {
            size = cut(size, serviceFrom[i], start, end);
            size = cut(size, serviceTo[i] == OPEN_END ? OPEN_END : serviceTo[i] + 1, start, end);
        }
        boolean byArea = false;
        for (PoolRule rule : poolRules) {
            size = cut(size, rule.from(), start, end);
            byArea |= rule.rule() == RuleKind.AREA;
        }
        if (byArea) {
            for (int r = 0; r < rooms.size(); r++) {
                if (!rooms.get(r).isShared()) {
                    size = cut(size, roomFrom[r], start, end);
                    size = cut(size, roomTo[r] == OPEN_END ? OPEN_END : roomTo[r] + 1, start, end);
                }
            }
        }
        Arrays.sort(cuts, 0, size);
        int distinct = 0;
        for (int k = 0; k < size; k++) {
            if (distinct == 0 || cuts[distinct - 1] != cuts[k]) {
                cuts[distinct++] = cuts[k];
            }
        }
        return distinct;
    }

    private int cut(int size, LocalDate day, long start, long end) {
        return day == null ? size : cut(size, day.toEpochDay(), start, end);
    }

    /** A new stretch begins on the day; days outside (start, end] change nothing and are ignored. */
    private int cut(int size, long day, long start, long end) {
        if (day > start && day <= end) {
            if (size == cuts.length) {
                cuts = Arrays.copyOf(cuts, size * 2);
            }
            cuts[size++] = day;
        }
        return size;
    }

    private boolean takesPartOn(int service, long day) {
        return serviceFrom[service] <= day && day <= serviceTo[service];
    }

    /** The area of the rooms dedicated to the service on the day, added as the rooms are listed. */
    private BigDecimal dedicatedArea(int service, long day) {
        int[] own = dedicatedRooms[service];
        if (own.length > Long.SIZE) {
            BigDecimal area = BigDecimal.ZERO;
            for (int r : own) {
                if (roomFrom[r] <= day && day <= roomTo[r]) {
                    area = area.add(rooms.get(r).area());
                }
            }
            return area;
        }
        long mask = 0;
        for (int k = 0; k < own.length; k++) {
            int r = own[k];
            if (roomFrom[r] <= day && day <= roomTo[r]) {
                mask |= 1L << k;
            }
        }
        if (lastArea[service] != null && lastRoomMask[service] == mask) {
            return lastArea[service];
        }
        BigDecimal area = BigDecimal.ZERO;
        for (int k = 0; k < own.length; k++) {
            if ((mask & (1L << k)) != 0) {
                area = area.add(rooms.get(own[k]).area());
            }
        }
        lastRoomMask[service] = mask;
        lastArea[service] = area;
        return area;
    }

    /** The weight as an exact fraction, remembered per service since it rarely changes. */
    private Fraction exactWeight(int service, RuleKind kind, BigDecimal weight) {
        if (kind == RuleKind.EQUAL) {
            return Fraction.ONE;
        }
        if (lastWeight[service] != null && lastWeight[service].compareTo(weight) == 0) {
            return lastExact[service];
        }
        Fraction w = Fraction.of(weight);
        lastWeight[service] = weight;
        lastExact[service] = w;
        return w;
    }

    /**
     * The segment being built: its days, rule, amount and the members' weights
     * (RULES §2, rules are weights: every candidate taking part on a day gets
     * its weight under the rule), with the segments done so far and the
     * line's exact total and unshared stretches.
     */
    private static final class Run {
        final List<Segment> segments = new ArrayList<>();
        final List<long[]> unshared = new ArrayList<>();
        Fraction total = Fraction.ZERO;

        long from;
        long to;
        long days;
        SegmentRule rule;
        Fraction amount;
        /** The index factor of an indexed line's segment; {@code null} for a line that is not indexed. */
        IndexFactor index;
        /** Σ days / days of the month over the segment's stretches. */
        Fraction months;
        /** Per candidate: taking part, and the weight shown (null when not taking part). */
        final BigDecimal[] weights;
        /** Scratch: the weights on the day being weighed. */
        final BigDecimal[] weighed;
        RuleKind kind;
        int[] candidates;

        Run(int candidates) {
            weights = new BigDecimal[candidates];
            weighed = new BigDecimal[candidates];
        }

        /**
         * Weighs the candidates on the day into {@link #weighed}.
         *
         * @return whether a segment is being built and the weights (who takes part and with what weight) are its
         */
        boolean weigh(LineSharing sharing, PoolRule rule, int[] candidates, long day) {
            boolean same = this.rule != null;
            for (int k = 0; k < candidates.length; k++) {
                int i = candidates[k];
                BigDecimal weight = null;
                if (sharing.takesPartOn(i, day)) {
                    weight = switch (rule.rule()) {
                        case EQUAL -> BigDecimal.ONE;
                        case AREA -> sharing.dedicatedArea(i, day);
                        case PERCENT -> rule.percentages().getOrDefault(sharing.services.get(i).id(), BigDecimal.ZERO);
                    };
                }
                weighed[k] = weight;
                BigDecimal before = weights[k];
                if (same && (weight == null ? before != null : before == null || before.compareTo(weight) != 0)) {
                    same = false;
                }
            }
            return same;
        }

        void start(LineSharing sharing, PoolRule rule, int[] candidates, SegmentRule segmentRule, Fraction amount,
                   IndexFactor index, long day) {
            this.from = day;
            this.days = 0;
            this.rule = segmentRule;
            this.amount = amount;
            this.index = index;
            this.months = Fraction.ZERO;
            System.arraycopy(weighed, 0, weights, 0, weighed.length);
            this.kind = rule.rule();
            this.candidates = candidates;
        }

        /** Shares the segment's accrual by its weights and adds the segment to the explanation. */
        void flush(LineSharing sharing, Fraction[] exact, Fraction factor) {
            if (rule == null) {
                return;
            }
            List<Weight> shown = new ArrayList<>(candidates.length);
            Fraction sum = Fraction.ZERO;
            for (int k = 0; k < candidates.length; k++) {
                if (weights[k] != null) {
                    int i = candidates[k];
                    shown.add(new Weight(sharing.services.get(i).id(), weights[k]));
                    sum = sum.add(sharing.exactWeight(i, kind, weights[k]));
                }
            }
            if (amount.signum() > 0) {
                if (sum.signum() == 0) {
                    unshared.add(new long[] {from, to});
                } else {
                    Fraction accrual = factor == null ? amount : amount.multiply(factor).multiply(months);
                    if (index != null) {
                        accrual = accrual.multiply(index.factor());
                    }
                    total = total.add(accrual);
                    Fraction perWeight = accrual.divide(sum);
                    for (int k = 0; k < candidates.length; k++) {
                        if (weights[k] != null) {
                            int i = candidates[k];
                            exact[i] = exact[i].add(perWeight.multiply(sharing.exactWeight(i, kind, weights[k])));
                        }
                    }
                }
            }
            segments.add(new Segment(LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(to), days, rule,
                    amount.toExactDecimal(), List.copyOf(shown), index));
            rule = null;
        }
    }

    private void refuseUnshared(Charge charge, List<long[]> stretches) {
        List<long[]> merged = new ArrayList<>();
        for (long[] s : stretches) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] + 1 == s[0]) {
                merged.get(merged.size() - 1)[1] = s[1];
            } else {
                merged.add(new long[] {s[0], s[1]});
            }
        }
        String who = charge.borneBy() != null
                ? "the service that bears it (" + charge.borneBy() + ") does not take part"
                : "the " + charge.pool() + " pool has no member with a weight above 0";
        for (long[] m : merged) {
            violations.add(new Violation(charge.source().toString(), "line " + charge.id() + " accrues a cost from "
                    + LocalDate.ofEpochDay(m[0]) + " to " + LocalDate.ofEpochDay(m[1]) + " but " + who
                    + "; the cost cannot be shared (RULES §2)"));
        }
    }
}
