package se.familycentre.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Indexation;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.ServiceType;

/**
 * A planned centre and the assumptions its budget rests on (RULES §7): what a steering group
 * decides on before the centre exists. {@link ScenarioExpansion} makes it an ordinary centre, which
 * the engine computes year by year ({@link ScenarioRun}), so a budget and the later statements agree
 * to the öre on the same inputs. Amounts a year are exact; nothing here is rounded.
 *
 * @param start        the day the centre opens (it may open mid-year)
 * @param horizonYears 1–10 years; the horizon ends the day before the start date that many years on
 * @param sharedRooms  the shared rooms; empty for the minimum set at typical sizes ({@link #TYPICAL_ROOMS})
 * @param premisesPayer the service that holds the lease and pays rent and cleaning (the coordinator's employer if null)
 * @param rules        the premises and joint rules; a pool not named is shared equally
 * @param frames       each legal entity's budget frame a year, by organisationsnummer (optional)
 * @param sharedCosts  further shared costs a year, each with the pool it is in and who pays it (optional)
 */
public record Scenario(
        String name,
        LocalDate start,
        int horizonYears,
        List<LegalEntity> entities,
        List<PlannedService> services,
        List<PlannedRoom> sharedRooms,
        MonetaryAmount rentPerSquareMetreYear,
        Indexation rentIndexation,
        MonetaryAmount cleaningPerYear,
        MonetaryAmount otherSharedPerYear,
        String premisesPayer,
        PlannedCoordinator coordinator,
        MonetaryAmount jointActivitiesPerYear,
        Map<Pool, PoolRule> rules,
        Assumptions assumptions,
        Map<String, MonetaryAmount> frames,
        List<PlannedCost> sharedCosts) {

    /** The horizon when none is given. */
    public static final int DEFAULT_HORIZON = 3;

    /** The minimum set of §14.1 at sizes typical of a family centre, m². */
    public static final List<PlannedRoom> TYPICAL_ROOMS = List.of(
            new PlannedRoom("personalwc", RoomType.STAFF_TOILET, "Personaltoalett", new BigDecimal("4.5")),
            new PlannedRoom("besokswc", RoomType.VISITOR_TOILET, "Besökstoalett med skötbord", new BigDecimal("6")),
            new PlannedRoom("konferensrum", RoomType.CONFERENCE_ROOM, "Konferensrum", new BigDecimal("20")),
            new PlannedRoom("personalrum", RoomType.STAFF_ROOM, "Personalrum", new BigDecimal("25")));

    public Scenario {
        entities = List.copyOf(entities);
        services = List.copyOf(services);
        sharedRooms = sharedRooms == null || sharedRooms.isEmpty() ? TYPICAL_ROOMS : List.copyOf(sharedRooms);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        frames = frames == null ? Map.of() : Map.copyOf(frames);
        sharedCosts = sharedCosts == null ? List.of() : List.copyOf(sharedCosts);
    }

    /** A plan without further shared costs. */
    public Scenario(String name, LocalDate start, int horizonYears, List<LegalEntity> entities,
                    List<PlannedService> services, List<PlannedRoom> sharedRooms, MonetaryAmount rentPerSquareMetreYear,
                    Indexation rentIndexation, MonetaryAmount cleaningPerYear, MonetaryAmount otherSharedPerYear,
                    String premisesPayer, PlannedCoordinator coordinator, MonetaryAmount jointActivitiesPerYear,
                    Map<Pool, PoolRule> rules, Assumptions assumptions, Map<String, MonetaryAmount> frames) {
        this(name, start, horizonYears, entities, services, sharedRooms, rentPerSquareMetreYear, rentIndexation,
                cleaningPerYear, otherSharedPerYear, premisesPayer, coordinator, jointActivitiesPerYear, rules,
                assumptions, frames, List.of());
    }

    /** The same plan with other pool rules. */
    public Scenario withRules(Map<Pool, PoolRule> otherRules) {
        return new Scenario(name, start, horizonYears, entities, services, sharedRooms, rentPerSquareMetreYear,
                rentIndexation, cleaningPerYear, otherSharedPerYear, premisesPayer, coordinator, jointActivitiesPerYear,
                otherRules, assumptions, frames, sharedCosts);
    }

    /** The same plan with other services. */
    public Scenario withServices(List<PlannedService> otherServices) {
        return new Scenario(name, start, horizonYears, entities, otherServices, sharedRooms, rentPerSquareMetreYear,
                rentIndexation, cleaningPerYear, otherSharedPerYear, premisesPayer, coordinator, jointActivitiesPerYear,
                rules, assumptions, frames, sharedCosts);
    }

    /** The last day of the horizon. */
    public LocalDate end() {
        return start.plusYears(horizonYears).minusDays(1);
    }

    /**
     * A base service (or other actor) that takes part.
     *
     * @param from          when it joins; the start if null
     * @param dedicatedArea m² of rooms its own, rented at the scenario's rate; none if null
     */
    public record PlannedService(String id, ServiceType type, String entity, String name, LocalDate from,
                                 boolean coLocated, BigDecimal dedicatedArea) {
    }

    public record PlannedRoom(String id, RoomType type, String name, BigDecimal area) {
    }

    /**
     * A shared cost a year beyond rent, cleaning and joint activities: the alarm, printers, a course.
     *
     * @param pool  {@code PREMISES}, {@code JOINT} or {@code COORDINATOR}
     * @param payer the service that pays it; the premises payer for premises costs and the coordinator's
     *              employer for the others when null
     */
    public record PlannedCost(String id, String name, Pool pool, String payer, MonetaryAmount perYear) {
    }

    /**
     * The coordinator: employed by one service, at a share of full time, a monthly salary that rises
     * by the assumed increase, on-costs in percent of the salary, and costs a year.
     */
    public record PlannedCoordinator(String employer, BigDecimal ftePercent, MonetaryAmount monthlySalary,
                                     BigDecimal onCostPercent, MonetaryAmount competenceDevelopmentPerYear,
                                     MonetaryAmount itPerYear) {
    }

    /**
     * @param salaryIncreasePercent the yearly salary increase p, in percent
     * @param salaryRevision        the day of the year salaries are revised (1 April by default)
     * @param indexChangePercent    the assumed yearly change k of an index beyond its last known value
     */
    public record Assumptions(BigDecimal salaryIncreasePercent, MonthDay salaryRevision, BigDecimal indexChangePercent) {

        public static final MonthDay APRIL_FIRST = MonthDay.of(4, 1);

        public Assumptions {
            salaryIncreasePercent = salaryIncreasePercent == null ? BigDecimal.ZERO : salaryIncreasePercent;
            salaryRevision = salaryRevision == null ? APRIL_FIRST : salaryRevision;
            indexChangePercent = indexChangePercent == null ? BigDecimal.ZERO : indexChangePercent;
        }
    }
}
