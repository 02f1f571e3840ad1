package se.familycentre.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation.ClassifiedStretch;
import se.familycentre.allocation.Allocation.Flow;
import se.familycentre.allocation.Allocation.LineAllocation;
import se.familycentre.allocation.Allocation.Segment;
import se.familycentre.allocation.Allocation.ServiceFlow;
import se.familycentre.allocation.Allocation.ServiceTotal;
import se.familycentre.allocation.Allocation.Share;
import se.familycentre.allocation.Allocation.Warning;
import se.familycentre.allocation.Allocation.Weight;

/**
 * The one allocation engine (RULES §2–§5). Every line becomes a {@link Charge};
 * the period is cut wherever anything that matters to that line changes (and at
 * month ends, because accrual is by calendar month); each piece's exact accrual
 * is split by the members' weights; the line's exact total is rounded once and
 * its exact shares by largest remainder. Stateless and free of frameworks, so
 * the API, statements, simulator and web page all share it.
 */
public final class Allocator {

    /** The Västra Götaland agreement applies from this date. */
    public static final LocalDate AGREEMENT_START = LocalDate.of(2024, 3, 1);

    private static final Fraction HUNDRED = Fraction.of(100);

    public AllocationOutcome allocate(Centre centre, Period period) {
        List<Violation> violations = CentreValidator.validate(centre, period);
        if (!violations.isEmpty()) {
            return new AllocationOutcome.Refused(violations);
        }
        return new Run(centre, period).run();
    }

    /** Every line the centre's entries give: the coordinators', the cost lines and the rent recharge. */
    static List<Charge> charges(Centre centre) {
        List<Charge> charges = new ArrayList<>();
        for (int i = 0; i < centre.coordinators().size(); i++) {
            charges.addAll(CoordinatorExpansion.expand(centre.coordinators().get(i), "coordinators[" + i + "]"));
        }
        for (int i = 0; i < centre.costLines().size(); i++) {
            charges.add(charge(centre.costLines().get(i), "costLines[" + i + "]"));
        }
        charges.addAll(DedicatedRentExpansion.expand(centre));
        return charges;
    }

    private static Charge charge(CostLine line, String source) {
        List<Charge.Step> steps = new ArrayList<>();
        steps.add(new Charge.Step(null, Sek.exact(line.amount())));
        for (AmountChange change : line.changes()) {
            steps.add(new Charge.Step(change.from(), Sek.exact(change.amount())));
        }
        String name = line.name() == null || line.name().isBlank() ? line.id() : line.name();
        return new Charge(line.id(), name, LineOrigin.COST_LINE, source, line.pool(), line.payer(),
                line.periodicity(), line.from(), line.to(), steps, line.date(), line.borneBy());
    }

    /** One computation: the centre, the period and what has been found so far. */
    private static final class Run {
        private final Centre centre;
        private final Period period;
        private final List<Service> services;
        private final List<Violation> violations = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();

        Run(Centre centre, Period period) {
            this.centre = centre;
            this.period = period;
            this.services = centre.services();
        }

        AllocationOutcome run() {
            List<Charge> charges = charges(centre);
            checkMinimumRooms(charges);
            List<LineAllocation> lines = new ArrayList<>();
            for (Charge charge : charges) {
                LineAllocation line = line(charge);
                if (line != null) {
                    lines.add(line);
                }
            }
            if (!violations.isEmpty()) {
                return new AllocationOutcome.Refused(List.copyOf(violations));
            }
            List<ClassifiedStretch> classification = classify();
            if (period.from().isBefore(AGREEMENT_START)) {
                warnings.add(0, new Warning("BEFORE_AGREEMENT", "The period starts before " + AGREEMENT_START
                        + ", when the cooperation agreement took effect; computed with its rules all the same."));
            }
            return new AllocationOutcome.Allocated(new Allocation(period, centre.name(), classification,
                    List.copyOf(warnings), List.copyOf(lines), totals(lines), flows(lines)));
        }

        // ---- one line ------------------------------------------------------

        private LineAllocation line(Charge charge) {
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
            List<Service> candidates = candidates(charge);
            List<LocalDate> cuts = cuts(charge, candidates, start, end);

            int n = services.size();
            Fraction[] exact = new Fraction[n];
            java.util.Arrays.fill(exact, Fraction.ZERO);
            Fraction total = Fraction.ZERO;
            List<Segment> segments = new ArrayList<>();
            List<LocalDate[]> unshared = new ArrayList<>();

            for (int c = 0; c < cuts.size(); c++) {
                LocalDate a = cuts.get(c);
                LocalDate b = c + 1 < cuts.size() ? cuts.get(c + 1).minusDays(1) : end;
                long days = b.toEpochDay() - a.toEpochDay() + 1;
                Fraction amount = charge.amountOn(a);
                Fraction accrual = charge.periodicity() == Periodicity.ONCE ? amount
                        : amount.multiply(charge.periodicity().monthlyFactor())
                                .multiply(Fraction.of(days, a.lengthOfMonth()));
                String rule = charge.borneBy() != null ? "BORNE" : ruleOn(charge.pool(), a).name();
                List<Weight> weights = weights(charge, candidates, a);
                Fraction weightSum = Fraction.ZERO;
                for (Weight w : weights) {
                    weightSum = weightSum.add(Fraction.of(w.weight()));
                }
                if (accrual.signum() > 0) {
                    if (weightSum.signum() == 0) {
                        unshared.add(new LocalDate[] {a, b});
                    } else {
                        total = total.add(accrual);
                        for (Weight w : weights) {
                            int i = indexOf(w.service());
                            exact[i] = exact[i].add(accrual.multiply(Fraction.of(w.weight())).divide(weightSum));
                        }
                    }
                }
                addSegment(segments, a, b, days, rule, amount.toExactDecimal(), weights);
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
                shares.add(new Share(services.get(i).id(), Sek.ofOre(ore.get(i))));
            }
            return new LineAllocation(charge.id(), charge.name(), charge.origin(), charge.pool(), charge.payer(),
                    charge.periodicity(), charge.borneBy(), Sek.sek(roundedTotal), List.copyOf(shares),
                    List.copyOf(segments));
        }

        /** The services that can share the line: its bearer, or the pool's possible members. */
        private List<Service> candidates(Charge charge) {
            if (charge.borneBy() != null) {
                return services.stream().filter(s -> s.id().equals(charge.borneBy())).toList();
            }
            return services.stream().filter(s -> s.canBeMemberOf(charge.pool())).toList();
        }

        /** The first day of every piece of the line: wherever its amount, members, weights, rule or month change. */
        private List<LocalDate> cuts(Charge charge, List<Service> candidates, LocalDate start, LocalDate end) {
            TreeSet<LocalDate> cuts = new TreeSet<>();
            cuts.add(start);
            if (charge.periodicity() != Periodicity.ONCE) {
                for (LocalDate m = start.withDayOfMonth(1).plusMonths(1); !m.isAfter(end); m = m.plusMonths(1)) {
                    cuts.add(m);
                }
                charge.steps().forEach(s -> addCut(cuts, s.from(), start, end));
            }
            for (Service s : candidates) {
                addCut(cuts, s.from(), start, end);
                addCut(cuts, s.to() == null ? null : s.to().plusDays(1), start, end);
            }
            if (charge.borneBy() == null && charge.pool() != Pool.COORDINATOR) {
                List<PoolRule> rules = centre.rulesOf(charge.pool());
                rules.forEach(r -> addCut(cuts, r.from(), start, end));
                if (rules.stream().anyMatch(r -> r.rule() == RuleKind.AREA)) {
                    for (Room room : centre.rooms()) {
                        if (!room.isShared()) {
                            addCut(cuts, room.from(), start, end);
                            addCut(cuts, room.to() == null ? null : room.to().plusDays(1), start, end);
                        }
                    }
                }
            }
            return new ArrayList<>(cuts);
        }

        private static void addCut(TreeSet<LocalDate> cuts, LocalDate day, LocalDate start, LocalDate end) {
            if (day != null && day.isAfter(start) && !day.isAfter(end)) {
                cuts.add(day);
            }
        }

        private RuleKind ruleOn(Pool pool, LocalDate day) {
            return pool == Pool.COORDINATOR ? RuleKind.EQUAL : poolRuleOn(pool, day).rule();
        }

        private PoolRule poolRuleOn(Pool pool, LocalDate day) {
            PoolRule current = null;
            for (PoolRule rule : centre.rulesOf(pool)) {
                if (rule.from() == null || !rule.from().isAfter(day)) {
                    current = rule;
                }
            }
            return current;
        }

        /** The weight of every member taking part on the day (RULES §2: rules are weights). */
        private List<Weight> weights(Charge charge, List<Service> candidates, LocalDate day) {
            List<Weight> weights = new ArrayList<>();
            PoolRule rule = charge.borneBy() != null || charge.pool() == Pool.COORDINATOR
                    ? PoolRule.equal() : poolRuleOn(charge.pool(), day);
            for (Service s : candidates) {
                if (!s.takesPartOn(day)) {
                    continue;
                }
                BigDecimal weight = switch (rule.rule()) {
                    case EQUAL -> BigDecimal.ONE;
                    case AREA -> dedicatedArea(s.id(), day);
                    case PERCENT -> rule.percentages().getOrDefault(s.id(), BigDecimal.ZERO);
                };
                weights.add(new Weight(s.id(), weight));
            }
            return weights;
        }

        private BigDecimal dedicatedArea(String serviceId, LocalDate day) {
            BigDecimal area = BigDecimal.ZERO;
            for (Room room : centre.rooms()) {
                if (serviceId.equals(room.service()) && room.existsOn(day)) {
                    area = area.add(room.area());
                }
            }
            return area;
        }

        /** Adds the piece to the explanation, merged with the previous one when nothing that matters changed. */
        private static void addSegment(List<Segment> segments, LocalDate a, LocalDate b, long days, String rule,
                                       BigDecimal amount, List<Weight> weights) {
            if (!segments.isEmpty()) {
                Segment last = segments.get(segments.size() - 1);
                if (last.rule().equals(rule) && last.amount().compareTo(amount) == 0 && sameWeights(last.weights(), weights)
                        && last.to().plusDays(1).equals(a)) {
                    segments.set(segments.size() - 1,
                            new Segment(last.from(), b, last.days() + days, rule, last.amount(), last.weights()));
                    return;
                }
            }
            segments.add(new Segment(a, b, days, rule, amount, List.copyOf(weights)));
        }

        private static boolean sameWeights(List<Weight> x, List<Weight> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.get(i).service().equals(y.get(i).service()) || x.get(i).weight().compareTo(y.get(i).weight()) != 0) {
                    return false;
                }
            }
            return true;
        }

        private void refuseUnshared(Charge charge, List<LocalDate[]> pieces) {
            List<LocalDate[]> merged = new ArrayList<>();
            for (LocalDate[] p : pieces) {
                if (!merged.isEmpty() && merged.get(merged.size() - 1)[1].plusDays(1).equals(p[0])) {
                    merged.get(merged.size() - 1)[1] = p[1];
                } else {
                    merged.add(new LocalDate[] {p[0], p[1]});
                }
            }
            for (LocalDate[] m : merged) {
                String who = charge.borneBy() != null
                        ? "the service that bears it (" + charge.borneBy() + ") does not take part"
                        : "the " + charge.pool() + " pool has no member with a weight above 0";
                violations.add(new Violation(charge.source(), "line " + charge.id() + " accrues a cost from " + m[0]
                        + " to " + m[1] + " but " + who + "; the cost cannot be shared (RULES §2)"));
            }
        }

        private int indexOf(String serviceId) {
            for (int i = 0; i < services.size(); i++) {
                if (services.get(i).id().equals(serviceId)) {
                    return i;
                }
            }
            throw new IllegalStateException("unknown service " + serviceId);
        }

        // ---- rooms ---------------------------------------------------------

        /** §14.1: shared premises include at least a staff toilet, a visitor toilet, a conference room and a staff room. */
        private void checkMinimumRooms(List<Charge> charges) {
            TreeSet<LocalDate> cuts = new TreeSet<>();
            cuts.add(period.from());
            for (Room room : centre.rooms()) {
                if (room.isShared()) {
                    addCut(cuts, room.from(), period.from(), period.to());
                    addCut(cuts, room.to() == null ? null : room.to().plusDays(1), period.from(), period.to());
                }
            }
            List<LocalDate> starts = new ArrayList<>(cuts);
            for (int c = 0; c < starts.size(); c++) {
                LocalDate a = starts.get(c);
                LocalDate b = c + 1 < starts.size() ? starts.get(c + 1).minusDays(1) : period.to();
                Set<RoomType> missing = EnumSet.copyOf(RoomType.MINIMUM_SET);
                for (Room room : centre.rooms()) {
                    if (room.isShared() && room.existsOn(a)) {
                        missing.remove(room.type());
                    }
                }
                if (missing.isEmpty()) {
                    continue;
                }
                String what = "the shared rooms lack " + names(missing) + " from " + a + " to " + b;
                boolean premisesCost = charges.stream().anyMatch(ch -> ch.pool() == Pool.PREMISES
                        && ch.borneBy() == null && overlaps(ch, a, b));
                if (premisesCost) {
                    violations.add(new Violation("rooms", what + "; a centre with shared premises costs needs at least "
                            + "a staff toilet, a visitor toilet, a conference room and a staff room (§14.1)"));
                } else {
                    warnings.add(new Warning("MINIMUM_ROOMS_MISSING", what
                            + "; the agreement (§14.1) expects them among the shared premises."));
                }
            }
        }

        private static String names(Set<RoomType> types) {
            return String.join(", ", types.stream().map(Enum::name).toList());
        }

        private static boolean overlaps(Charge ch, LocalDate a, LocalDate b) {
            if (ch.periodicity() == Periodicity.ONCE) {
                return ch.onceDate() != null && Dates.within(ch.onceDate(), a, b);
            }
            return (ch.from() == null || !ch.from().isAfter(b)) && (ch.to() == null || !ch.to().isBefore(a));
        }

        // ---- classification -------------------------------------------------

        private List<ClassifiedStretch> classify() {
            TreeSet<LocalDate> cuts = new TreeSet<>();
            cuts.add(period.from());
            for (Service s : services) {
                addCut(cuts, s.from(), period.from(), period.to());
                addCut(cuts, s.to() == null ? null : s.to().plusDays(1), period.from(), period.to());
            }
            List<LocalDate> starts = new ArrayList<>(cuts);
            List<ClassifiedStretch> stretches = new ArrayList<>();
            for (int c = 0; c < starts.size(); c++) {
                LocalDate a = starts.get(c);
                LocalDate b = c + 1 < starts.size() ? starts.get(c + 1).minusDays(1) : period.to();
                ClassifiedStretch stretch = Classifier.classify(services, a, b);
                ClassifiedStretch last = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
                if (last != null && last.classification() == stretch.classification()
                        && last.reason().equals(stretch.reason())) {
                    stretches.set(stretches.size() - 1,
                            new ClassifiedStretch(last.from(), b, last.classification(), last.reason()));
                } else {
                    stretches.add(stretch);
                }
            }
            for (ClassifiedStretch s : stretches) {
                if (s.classification() == Classification.NOT_COVERED) {
                    warnings.add(new Warning("NOT_COVERED", "From " + s.from() + " to " + s.to()
                            + " the centre is not covered by the agreement: " + s.reason()
                            + ". The costs are computed all the same."));
                }
            }
            return List.copyOf(stretches);
        }

        // ---- totals and flows ----------------------------------------------

        private List<ServiceTotal> totals(List<LineAllocation> lines) {
            List<ServiceTotal> totals = new ArrayList<>();
            for (Service s : services) {
                Map<Pool, BigDecimal> byPool = new EnumMap<>(Pool.class);
                for (Pool pool : Pool.values()) {
                    byPool.put(pool, BigDecimal.ZERO.setScale(2));
                }
                BigDecimal paid = BigDecimal.ZERO.setScale(2);
                for (LineAllocation line : lines) {
                    byPool.merge(line.pool(), Sek.decimal(line.shareOf(s.id())), BigDecimal::add);
                    if (line.payer().equals(s.id())) {
                        paid = paid.add(Sek.decimal(line.total()));
                    }
                }
                Map<Pool, MonetaryAmount> amounts = new EnumMap<>(Pool.class);
                BigDecimal total = BigDecimal.ZERO.setScale(2);
                for (Map.Entry<Pool, BigDecimal> e : byPool.entrySet()) {
                    amounts.put(e.getKey(), Sek.sek(e.getValue()));
                    total = total.add(e.getValue());
                }
                totals.add(new ServiceTotal(s.id(), s.type(), entityOf(s), java.util.Collections.unmodifiableMap(amounts),
                        Sek.sek(total), Sek.sek(paid)));
            }
            return List.copyOf(totals);
        }

        /** RULES §5: every member other than the payer owes its share to the payer; same entity is an internal transfer. */
        private List<Flow> flows(List<LineAllocation> lines) {
            Map<String, Map<String, BigDecimal>> byEntities = new LinkedHashMap<>();
            for (LineAllocation line : lines) {
                Service payer = services.get(indexOf(line.payer()));
                for (Share share : line.shares()) {
                    if (share.service().equals(payer.id()) || share.amount().isZero()) {
                        continue;
                    }
                    Service debtor = services.get(indexOf(share.service()));
                    String entities = entityOf(payer) + "|" + entityOf(debtor);
                    String pair = payer.id() + "|" + debtor.id();
                    byEntities.computeIfAbsent(entities, k -> new LinkedHashMap<>())
                            .merge(pair, Sek.decimal(share.amount()), BigDecimal::add);
                }
            }
            List<String> entityOrder = centre.entities().stream()
                    .map(e -> OrganisationNumber.normalise(e.organisationNumber())).toList();
            List<Flow> flows = new ArrayList<>();
            byEntities.entrySet().stream()
                    .sorted(java.util.Comparator.comparing((Map.Entry<String, Map<String, BigDecimal>> e) ->
                                    entityOrder.indexOf(e.getKey().split("\\|")[0]))
                            .thenComparing(e -> entityOrder.indexOf(e.getKey().split("\\|")[1])))
                    .forEach(e -> {
                        String[] parties = e.getKey().split("\\|");
                        List<ServiceFlow> serviceFlows = new ArrayList<>();
                        BigDecimal sum = BigDecimal.ZERO.setScale(2);
                        List<Map.Entry<String, BigDecimal>> pairs = new ArrayList<>(e.getValue().entrySet());
                        pairs.sort(java.util.Comparator.comparing((Map.Entry<String, BigDecimal> p) ->
                                indexOf(p.getKey().split("\\|")[0])).thenComparing(p -> indexOf(p.getKey().split("\\|")[1])));
                        for (Map.Entry<String, BigDecimal> p : pairs) {
                            String[] ids = p.getKey().split("\\|");
                            serviceFlows.add(new ServiceFlow(ids[0], ids[1], Sek.sek(p.getValue())));
                            sum = sum.add(p.getValue());
                        }
                        flows.add(new Flow(parties[0], parties[1], Sek.sek(sum), parties[0].equals(parties[1]),
                                List.copyOf(serviceFlows)));
                    });
            return List.copyOf(flows);
        }

        private String entityOf(Service s) {
            return OrganisationNumber.normalise(s.entity());
        }
    }
}
