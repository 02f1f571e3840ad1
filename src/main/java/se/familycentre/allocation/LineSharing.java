package se.familycentre.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Allocation.LineAllocation;
import se.familycentre.allocation.Allocation.Segment;
import se.familycentre.allocation.Allocation.SegmentRule;
import se.familycentre.allocation.Allocation.Share;
import se.familycentre.allocation.Allocation.Weight;
import se.familycentre.allocation.Timeline.Stretch;

/**
 * One line over the period (RULES §2–§4): the line's days in the period are cut
 * wherever its amount, members, weights or rule change, and at month ends
 * because accrual is by calendar month; each stretch's exact accrual is split
 * by the members' weights; the line's exact total is rounded once (half away
 * from zero) and its exact shares by largest remainder. A cost no member can
 * carry is refused, naming the line and the dates.
 */
final class LineSharing {

    private static final Fraction HUNDRED = Fraction.of(100);
    private static final List<PoolRule> BORNE = List.of(PoolRule.equal());

    private final Centre centre;
    private final Period period;
    private final List<Service> services;
    private final List<Violation> violations;
    private final OreAmounts amounts;
    private final Map<String, Integer> positions = new HashMap<>();
    /** Per pool, the services that can be its members, in the centre's order. */
    private final Map<Pool, List<Integer>> members = new EnumMap<>(Pool.class);
    /** Per service, the rooms dedicated to it (its AREA weight). */
    private final List<List<Room>> dedicatedRooms = new ArrayList<>();

    LineSharing(Centre centre, Period period, List<Violation> violations, OreAmounts amounts) {
        this.centre = centre;
        this.period = period;
        this.services = centre.services();
        this.violations = violations;
        this.amounts = amounts;
        for (int i = 0; i < services.size(); i++) {
            positions.put(services.get(i).id(), i);
            dedicatedRooms.add(new ArrayList<>());
        }
        for (Pool pool : Pool.values()) {
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                if (services.get(i).canBeMemberOf(pool)) {
                    list.add(i);
                }
            }
            members.put(pool, list);
        }
        for (Room room : centre.rooms()) {
            Integer owner = room.isShared() ? null : positions.get(room.service());
            if (owner != null) {
                dedicatedRooms.get(owner).add(room);
            }
        }
    }

    /** The line's allocation, or {@code null} when it accrues nothing in the period or is refused. */
    LineAllocation share(Charge charge) {
        LocalDate start;
        LocalDate end;
        if (charge.periodicity() == Periodicity.ONCE) {
            if (!period.contains(charge.onceDate())) {
                return null;
            }
            start = charge.onceDate();
            end = start;
        } else {
            start = Dates.later(period.from(), charge.from());
            end = Dates.earlier(period.to(), charge.to());
            if (start.isAfter(end)) {
                return null;
            }
        }
        List<Integer> candidates = charge.borneBy() != null ? List.of(positions.get(charge.borneBy()))
                : members.get(charge.pool());
        // a borne line is the bearer's alone: one member, weight 1, whatever the pool's rule
        List<PoolRule> poolRules = charge.borneBy() != null ? BORNE : centre.rulesInForce(charge.pool());

        int n = services.size();
        Fraction[] exact = new Fraction[n];
        Arrays.fill(exact, Fraction.ZERO);
        Fraction total = Fraction.ZERO;
        SegmentBuilder segments = new SegmentBuilder();
        List<Stretch> unshared = new ArrayList<>();
        BigDecimal[] lastWeight = new BigDecimal[n];
        Fraction[] lastExactWeight = new Fraction[n];

        for (Stretch stretch : cuts(charge, candidates, poolRules, start, end).stretches()) {
            LocalDate a = stretch.from();
            long days = stretch.days();
            Fraction amount = charge.amountOn(a);
            Fraction accrual = charge.periodicity() == Periodicity.ONCE ? amount
                    : amount.multiply(charge.periodicity().monthlyFactor()).multiply(Fraction.of(days, a.lengthOfMonth()));
            PoolRule rule = Dated.inForceOn(poolRules, PoolRule::from, a);
            Weighing weighing = weigh(rule, candidates, a, lastWeight, lastExactWeight);
            if (accrual.signum() > 0) {
                if (weighing.sum.signum() == 0) {
                    unshared.add(stretch);
                } else {
                    total = total.add(accrual);
                    Fraction perWeight = accrual.divide(weighing.sum);
                    for (int k = 0; k < weighing.present.size(); k++) {
                        int i = weighing.present.get(k);
                        exact[i] = exact[i].add(perWeight.multiply(weighing.exact.get(k)));
                    }
                }
            }
            SegmentRule segmentRule = charge.borneBy() != null ? SegmentRule.BORNE : SegmentRule.of(rule.rule());
            segments.add(stretch, segmentRule, amount, weighing.shown);
        }
        if (!unshared.isEmpty()) {
            refuseUnshared(charge, unshared);
            return null;
        }

        BigDecimal roundedTotal = total.toBigDecimal(2, RoundingMode.HALF_UP);
        List<Fraction> exactOre = new ArrayList<>(n);
        for (Fraction f : exact) {
            exactOre.add(f.multiply(HUNDRED));
        }
        List<BigInteger> ore = LargestRemainder.split(roundedTotal.unscaledValue(), exactOre);
        List<Share> shares = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shares.add(new Share(services.get(i).id(), amounts.of(ore.get(i))));
        }
        return new LineAllocation(charge.id(), charge.name(), charge.origin(), charge.pool(), charge.payer(),
                charge.periodicity(), charge.borneBy(), amounts.of(roundedTotal.unscaledValue()), List.copyOf(shares),
                segments.build());
    }

    /** The members taking part on a day and their weights: as shown (decimals) and exact. */
    private record Weighing(List<Weight> shown, List<Fraction> exact, List<Integer> present, Fraction sum) {
    }

    /**
     * RULES §2, rules are weights: every candidate taking part on the day gets
     * its weight under the rule. {@code lastWeight}/{@code lastExact} remember
     * each service's previous weight, since it rarely changes between stretches.
     */
    private Weighing weigh(PoolRule rule, List<Integer> candidates, LocalDate day, BigDecimal[] lastWeight,
                           Fraction[] lastExact) {
        List<Weight> shown = new ArrayList<>(candidates.size());
        List<Fraction> exact = new ArrayList<>(candidates.size());
        List<Integer> present = new ArrayList<>(candidates.size());
        Fraction sum = Fraction.ZERO;
        for (int i : candidates) {
            Service s = services.get(i);
            if (!s.takesPartOn(day)) {
                continue;
            }
            BigDecimal weight = switch (rule.rule()) {
                case EQUAL -> BigDecimal.ONE;
                case AREA -> dedicatedArea(i, day);
                case PERCENT -> rule.percentages().getOrDefault(s.id(), BigDecimal.ZERO);
            };
            Fraction w;
            if (rule.rule() == RuleKind.EQUAL) {
                w = Fraction.ONE;
            } else if (lastWeight[i] != null && lastWeight[i].compareTo(weight) == 0) {
                w = lastExact[i];
            } else {
                w = Fraction.of(weight);
                lastWeight[i] = weight;
                lastExact[i] = w;
            }
            shown.add(new Weight(s.id(), weight));
            exact.add(w);
            present.add(i);
            sum = sum.add(w);
        }
        return new Weighing(shown, exact, present, sum);
    }

    /** The line's days, cut wherever its amount, members, weights, rule or month change. */
    private Timeline cuts(Charge charge, List<Integer> candidates, List<PoolRule> poolRules, LocalDate start,
                          LocalDate end) {
        Timeline timeline = new Timeline(start, end);
        if (charge.periodicity() != Periodicity.ONCE) {
            timeline.cutMonths();
            charge.steps().forEach(s -> timeline.cut(s.from()));
        }
        for (int i : candidates) {
            timeline.cutAround(services.get(i).from(), services.get(i).to());
        }
        boolean byArea = false;
        for (PoolRule rule : poolRules) {
            timeline.cut(rule.from());
            byArea |= rule.rule() == RuleKind.AREA;
        }
        if (byArea) {
            for (Room room : centre.rooms()) {
                if (!room.isShared()) {
                    timeline.cutAround(room.from(), room.to());
                }
            }
        }
        return timeline;
    }

    private BigDecimal dedicatedArea(int service, LocalDate day) {
        BigDecimal area = BigDecimal.ZERO;
        for (Room room : dedicatedRooms.get(service)) {
            if (room.existsOn(day)) {
                area = area.add(room.area());
            }
        }
        return area;
    }

    private void refuseUnshared(Charge charge, List<Stretch> stretches) {
        List<LocalDate[]> merged = new ArrayList<>();
        for (Stretch s : stretches) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1)[1].plusDays(1).equals(s.from())) {
                merged.get(merged.size() - 1)[1] = s.to();
            } else {
                merged.add(new LocalDate[] {s.from(), s.to()});
            }
        }
        String who = charge.borneBy() != null
                ? "the service that bears it (" + charge.borneBy() + ") does not take part"
                : "the " + charge.pool() + " pool has no member with a weight above 0";
        for (LocalDate[] m : merged) {
            violations.add(new Violation(charge.source(), "line " + charge.id() + " accrues a cost from " + m[0]
                    + " to " + m[1] + " but " + who + "; the cost cannot be shared (RULES §2)"));
        }
    }

    /**
     * The explanation's segments: consecutive stretches merge while the rule,
     * the amount in force and every weight stay the same, since a month end
     * alone changes nothing a reader needs to see.
     */
    private static final class SegmentBuilder {
        private final List<Segment> done = new ArrayList<>();
        private LocalDate from;
        private LocalDate to;
        private long days;
        private SegmentRule rule;
        private Fraction amount;
        private List<Weight> weights;

        void add(Stretch stretch, SegmentRule rule, Fraction amount, List<Weight> weights) {
            // stretches come in order and without gaps, so only what is shown can differ
            if (this.rule == rule && this.amount.equals(amount) && sameWeights(this.weights, weights)) {
                to = stretch.to();
                days += stretch.days();
                return;
            }
            flush();
            this.from = stretch.from();
            this.to = stretch.to();
            this.days = stretch.days();
            this.rule = rule;
            this.amount = amount;
            this.weights = weights;
        }

        private void flush() {
            if (rule != null) {
                done.add(new Segment(from, to, days, rule, amount.toExactDecimal(), List.copyOf(weights)));
            }
        }

        List<Segment> build() {
            flush();
            rule = null;
            return List.copyOf(done);
        }

        private static boolean sameWeights(List<Weight> x, List<Weight> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.get(i).service().equals(y.get(i).service())
                        || x.get(i).weight().compareTo(y.get(i).weight()) != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
