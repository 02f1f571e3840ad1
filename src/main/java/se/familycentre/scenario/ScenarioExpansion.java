package se.familycentre.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.AmountChange;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.DedicatedRent;
import se.familycentre.allocation.Periodicity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Service;

/**
 * A scenario as an ordinary centre (RULES §7): its services and rooms, the coordinator with a salary
 * change on each revision date strictly after the start (salary × (1 + p)ⁿ after the n-th, exact),
 * the shared rent (the shared rooms' area at the rate a year, indexed as the scenario says), the
 * dedicated rooms' rent recharged at the same rate (annex 2), cleaning, other shared costs and joint
 * activities, each a yearly amount paid by the premises payer or the coordinator's employer, and the
 * further shared costs, each a yearly amount paid by the service the plan names.
 */
public final class ScenarioExpansion {

    private ScenarioExpansion() {
    }

    public static Centre expand(Scenario s) {
        return expand(s, false);
    }

    /**
     * The plan as a centre the register keeps, once decided: as {@link #expand}, with each planned
     * salary after a revision rounded to the öre (half up), as a salary is paid. Compounding is still
     * from the exact figure, so the n-th salary is the exact one rounded, not a rounding of a rounding.
     */
    public static Centre forRegister(Scenario s) {
        return expand(s, true);
    }

    private static Centre expand(Scenario s, boolean register) {
        List<Service> services = new ArrayList<>();
        List<Room> rooms = new ArrayList<>();
        for (Scenario.PlannedService p : s.services()) {
            LocalDate from = p.from() == null || p.from().isBefore(s.start()) ? s.start() : p.from();
            services.add(new Service(p.id(), p.type(), p.entity(), p.name(), from, null, p.coLocated(), null, null));
            if (p.dedicatedArea() != null && p.dedicatedArea().signum() > 0) {
                rooms.add(new Room("egna-" + p.id(), RoomType.OTHER, p.dedicatedArea(), p.id(), from, null));
            }
        }
        BigDecimal sharedArea = BigDecimal.ZERO;
        for (Scenario.PlannedRoom r : s.sharedRooms()) {
            rooms.add(new Room(r.id(), r.type(), r.area(), null, null, null));
            sharedArea = sharedArea.add(r.area());
        }
        String employer = s.coordinator() == null ? null : s.coordinator().employer();
        String premisesPayer = s.premisesPayer() != null ? s.premisesPayer() : employer;
        List<CostLine> lines = new ArrayList<>();
        if (s.rentPerSquareMetreYear() != null && sharedArea.signum() > 0) {
            lines.add(new CostLine("hyra", "Hyra gemensamma lokaler", Pool.PREMISES, premisesPayer, Periodicity.YEAR,
                    Sek.sek(Sek.decimal(s.rentPerSquareMetreYear()).multiply(sharedArea)), s.start(), null, List.of(),
                    null, null, s.rentIndexation()));
        }
        yearly(lines, "stadning", "Städning", Pool.PREMISES, premisesPayer, s.cleaningPerYear(), s.start());
        yearly(lines, "ovrigt", "Övriga gemensamma kostnader", Pool.PREMISES, premisesPayer, s.otherSharedPerYear(),
                s.start());
        yearly(lines, "aktiviteter", "Gemensamma aktiviteter", Pool.JOINT, employer != null ? employer : premisesPayer,
                s.jointActivitiesPerYear(), s.start());
        for (Scenario.PlannedCost c : s.sharedCosts()) {
            String payer = c.payer() != null ? c.payer()
                    : c.pool() == Pool.PREMISES || employer == null ? premisesPayer : employer;
            yearly(lines, c.id(), c.name() != null ? c.name() : c.id(), c.pool(), payer, c.perYear(), s.start());
        }
        List<Coordinator> coordinators = s.coordinator() == null ? List.of() : List.of(coordinator(s, register));
        Map<Pool, List<PoolRule>> rules = new EnumMap<>(Pool.class);
        s.rules().forEach((pool, rule) -> rules.put(pool, List.of(rule)));
        boolean dedicated = s.services().stream().anyMatch(p -> p.dedicatedArea() != null && p.dedicatedArea().signum() > 0);
        DedicatedRent rent = dedicated && s.rentPerSquareMetreYear() != null && premisesPayer != null
                ? new DedicatedRent(premisesPayer, s.rentPerSquareMetreYear()) : null;
        return new Centre(s.name(), s.entities(), services, rooms, rules, coordinators, lines, rent);
    }

    private static void yearly(List<CostLine> lines, String id, String name, Pool pool, String payer,
                               MonetaryAmount amount, LocalDate start) {
        if (amount != null && amount.signum() > 0) {
            lines.add(new CostLine(id, name, pool, payer, Periodicity.YEAR, amount, start, null, List.of(), null, null));
        }
    }

    /** The coordinator from the start, the salary raised on each revision date after it, compounding, exact. */
    static Coordinator coordinator(Scenario s) {
        return coordinator(s, false);
    }

    private static Coordinator coordinator(Scenario s, boolean toOre) {
        Scenario.PlannedCoordinator c = s.coordinator();
        BigDecimal rise = BigDecimal.ONE.add(s.assumptions().salaryIncreasePercent().movePointLeft(2));
        BigDecimal salary = Sek.decimal(c.monthlySalary());
        List<AmountChange> changes = new ArrayList<>();
        if (s.assumptions().salaryIncreasePercent().signum() != 0) {
            for (LocalDate d = s.assumptions().salaryRevision().atYear(s.start().getYear()); !d.isAfter(s.end());
                    d = s.assumptions().salaryRevision().atYear(d.getYear() + 1)) {
                if (d.isAfter(s.start())) {
                    salary = salary.multiply(rise);
                    changes.add(new AmountChange(d, Sek.sek(toOre ? salary.setScale(2, RoundingMode.HALF_UP) : salary)));
                }
            }
        }
        return new Coordinator("samordnare", "Samordnare", c.employer(), s.start(), null, c.monthlySalary(), changes,
                c.ftePercent(), List.of(), c.onCostPercent(), List.of(), orZero(c.competenceDevelopmentPerYear()),
                orZero(c.itPerYear()), Sek.sek(BigDecimal.ZERO));
    }

    private static MonetaryAmount orZero(MonetaryAmount a) {
        return a == null ? Sek.sek(BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY)) : a;
    }
}
