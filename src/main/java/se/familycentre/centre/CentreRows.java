package se.familycentre.centre;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.AmountChange;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.DedicatedRent;
import se.familycentre.allocation.Indexation;
import se.familycentre.allocation.PercentChange;
import se.familycentre.allocation.Periodicity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.ServiceType;
import se.familycentre.format.CentreProfile;

/** The one mapping between a centre's parts and their rows, both ways. */
@Singleton
public class CentreRows {

    private final JsonMapper json;

    public CentreRows(JsonMapper json) {
        this.json = json;
    }

    // ---- rows to parts ----------------------------------------------------

    static CentreProfile profile(CentreRow c) {
        CentreProfile.LocalAgreement agreement = c.agreementReference() == null && c.agreementFrom() == null
                && c.agreementTo() == null ? null
                : new CentreProfile.LocalAgreement(c.agreementReference(), c.agreementFrom(), c.agreementTo());
        return new CentreProfile(c.municipality(), c.region(), c.establishedOn(), agreement);
    }

    static DedicatedRent rent(CentreRow c) {
        return c.rentLeaseHolder() == null ? null : new DedicatedRent(c.rentLeaseHolder(), Sek.sek(c.rentPerSquareMetre()));
    }

    static Service service(ServiceRow s, String organisationNumber) {
        Set<Pool> pools = EnumSet.noneOf(Pool.class);
        if (s.pools() != null && !s.pools().isBlank()) {
            for (String p : s.pools().split(",")) {
                pools.add(Pool.valueOf(p));
            }
        }
        return new Service(s.serviceKey(), ServiceType.valueOf(s.type()), organisationNumber, s.name(),
                s.validFrom(), s.validTo(), s.coLocated(), s.sharesPremises(), pools);
    }

    static Room room(RoomRow r) {
        return new Room(r.roomKey(), RoomType.valueOf(r.type()), r.area(), r.serviceKey(), r.validFrom(), r.validTo());
    }

    PoolRule rule(PoolRuleRow r) {
        return new PoolRule(r.validFrom(), RuleKind.valueOf(r.rule()), percentages(r.percentages()));
    }

    static Coordinator coordinator(CoordinatorRow c, List<CoordinatorChangeRow> changes) {
        List<AmountChange> salary = new ArrayList<>();
        List<PercentChange> fte = new ArrayList<>();
        List<PercentChange> onCost = new ArrayList<>();
        for (CoordinatorChangeRow ch : changes) {
            switch (ch.kind()) {
                case SALARY -> salary.add(new AmountChange(ch.validFrom(), Sek.sek(ch.changeValue())));
                case FTE -> fte.add(new PercentChange(ch.validFrom(), ch.changeValue()));
                case ON_COST -> onCost.add(new PercentChange(ch.validFrom(), ch.changeValue()));
            }
        }
        return new Coordinator(c.coordinatorKey(), c.name(), c.employerKey(), c.validFrom(), c.validTo(),
                Sek.sek(c.monthlySalary()), salary, c.ftePercent(), fte, c.onCostPercent(), onCost,
                money(c.competenceDevelopment()), money(c.itPerYear()), money(c.otherPerYear()));
    }

    static CostLine costLine(CostLineRow l, List<CostLineChangeRow> changes) {
        return new CostLine(l.lineKey(), l.name(), Pool.valueOf(l.pool()), l.payerKey(),
                Periodicity.valueOf(l.periodicity()), Sek.sek(l.amount()), l.validFrom(), l.validTo(),
                changes.stream().map(ch -> new AmountChange(ch.validFrom(), Sek.sek(ch.amount()))).toList(),
                l.onceDate(), l.borneBy(), indexation(l));
    }

    private static Indexation indexation(CostLineRow l) {
        return l.indexSeries() == null ? null
                : new Indexation(l.indexSeries(), l.indexBaseYear(), l.indexShare(), Boolean.TRUE.equals(l.indexFloor()));
    }

    // ---- parts to rows ----------------------------------------------------

    static CentreRow centreRow(Long id, Centre centre, CentreProfile profile, Long version) {
        CentreProfile p = profile == null ? CentreProfile.NONE : profile;
        CentreProfile.LocalAgreement a = p.localAgreement();
        DedicatedRent rent = centre.dedicatedRent();
        return new CentreRow(id, centre.name(), p.municipality(), p.region(), p.establishedOn(),
                a == null ? null : a.reference(), a == null ? null : a.from(), a == null ? null : a.to(),
                rent == null ? null : rent.leaseHolder(), rent == null ? null : decimal(rent.rentPerSquareMetreYear()),
                version);
    }

    List<PoolRuleRow> ruleRows(long centreId, Map<Pool, List<PoolRule>> rules) {
        List<PoolRuleRow> rows = new ArrayList<>();
        rules.forEach((pool, list) -> {
            for (int i = 0; i < list.size(); i++) {
                PoolRule r = list.get(i);
                rows.add(new PoolRuleRow(null, centreId, pool.name(), i, r.from(), r.rule().name(),
                        percentagesText(r.percentages())));
            }
        });
        return rows;
    }

    static ServiceRow serviceRow(Long id, long centreId, int position, Service s, long entityId,
                                 String costReference, Long version) {
        String pools = s.pools().isEmpty() ? null : String.join(",", s.pools().stream().sorted().map(Enum::name).toList());
        return new ServiceRow(id, centreId, position, s.id(), s.type().name(), entityId, s.name(), s.from(), s.to(),
                s.coLocated(), s.sharesPremisesGiven(), pools, costReference, version);
    }

    static RoomRow roomRow(Long id, long centreId, int position, Room r, String name, Long version) {
        return new RoomRow(id, centreId, position, r.id(), r.type().name(), name, r.area(), r.service(), r.from(),
                r.to(), version);
    }

    static CoordinatorRow coordinatorRow(Long id, long centreId, int position, Coordinator c, Long version) {
        return new CoordinatorRow(id, centreId, position, c.id(), c.name(), c.employer(), c.from(), c.to(),
                Sek.decimal(c.monthlySalary()), c.ftePercent(), c.onCostPercent(),
                decimal(c.competenceDevelopmentPerYear()), decimal(c.itPerYear()), decimal(c.otherPerYear()), version);
    }

    static List<CoordinatorChangeRow> changeRows(long coordinatorId, Coordinator c) {
        List<CoordinatorChangeRow> rows = new ArrayList<>();
        c.salaryChanges().forEach(ch -> rows.add(new CoordinatorChangeRow(null, coordinatorId,
                CoordinatorChangeKind.SALARY, ch.from(), Sek.decimal(ch.amount()))));
        c.fteChanges().forEach(ch -> rows.add(new CoordinatorChangeRow(null, coordinatorId,
                CoordinatorChangeKind.FTE, ch.from(), ch.percent())));
        c.onCostChanges().forEach(ch -> rows.add(new CoordinatorChangeRow(null, coordinatorId,
                CoordinatorChangeKind.ON_COST, ch.from(), ch.percent())));
        return rows;
    }

    static CostLineRow costLineRow(Long id, long centreId, int position, CostLine l, Long version) {
        Indexation x = l.indexation();
        return new CostLineRow(id, centreId, position, l.id(), l.name(), l.pool().name(), l.payer(),
                l.periodicity().name(), Sek.decimal(l.amount()), l.from(), l.to(), l.date(), l.borneBy(),
                x == null ? null : x.series(), x == null ? null : x.baseYear(), x == null ? null : x.share(),
                x == null ? null : x.floor(), version);
    }

    static List<CostLineChangeRow> changeRows(long costLineId, CostLine l) {
        return l.changes().stream()
                .map(ch -> new CostLineChangeRow(null, costLineId, ch.from(), Sek.decimal(ch.amount()))).toList();
    }

    // ---- values -----------------------------------------------------------

    private static MonetaryAmount money(BigDecimal amount) {
        return amount == null ? null : Sek.sek(amount);
    }

    private static BigDecimal decimal(MonetaryAmount amount) {
        return amount == null ? null : Sek.decimal(amount);
    }

    private Map<String, BigDecimal> percentages(String text) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        try {
            json.readValue(text, Argument.mapOf(String.class, String.class))
                    .forEach((k, v) -> result.put(k, new BigDecimal(v)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String percentagesText(Map<String, BigDecimal> percentages) {
        if (percentages.isEmpty()) {
            return null;
        }
        Map<String, String> raw = new LinkedHashMap<>();
        percentages.forEach((k, v) -> raw.put(k, v.toPlainString()));
        try {
            return json.writeValueAsString(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
