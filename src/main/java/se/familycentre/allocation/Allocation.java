package se.familycentre.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;

/**
 * What the engine answers for one centre and period: every line with its total,
 * its shares and the segments that explain them, every service's totals, the
 * flows between entities, the classification and the warnings.
 */
public record Allocation(
        Period period,
        String centre,
        List<ClassifiedStretch> classification,
        List<Warning> warnings,
        List<LineAllocation> lines,
        List<ServiceTotal> services,
        List<Flow> flows) {

    /** A stretch of the period with one classification. */
    public record ClassifiedStretch(LocalDate from, LocalDate to, Classification classification, String reason) {
    }

    /** Something a finance officer should know; the result stands. */
    public record Warning(String code, String message) {
    }

    /**
     * One line for the period: its total rounded once (half away from zero),
     * and the shares by largest remainder, one per service in the centre's order.
     */
    public record LineAllocation(
            String id,
            String name,
            LineOrigin origin,
            Pool pool,
            String payer,
            Periodicity periodicity,
            String borneBy,
            MonetaryAmount total,
            List<Share> shares,
            List<Segment> segments) {

        public MonetaryAmount shareOf(String service) {
            for (Share share : shares) {
                if (share.service().equals(service)) {
                    return share.amount();
                }
            }
            throw new java.util.NoSuchElementException("no share of " + service + " in line " + id);
        }
    }

    public record Share(String service, MonetaryAmount amount) {
    }

    /**
     * A stretch in which nothing that matters for the line changes: the amount in
     * force (as entered: per month, quarter, year or once), the rule, every
     * member's weight and, for an indexed line, the index factor. The segment
     * accrues its amount × the factor.
     *
     * @param amount     as entered; an indexed line's in its base year's price level
     * @param indexation the factor that applied, for an indexed line; {@code null} for any other
     */
    public record Segment(LocalDate from, LocalDate to, long days, SegmentRule rule, BigDecimal amount,
                          List<Weight> weights, IndexFactor indexation) {

        /** A segment of a line that is not indexed. */
        public Segment(LocalDate from, LocalDate to, long days, SegmentRule rule, BigDecimal amount,
                       List<Weight> weights) {
            this(from, to, days, rule, amount, weights, null);
        }
    }

    /**
     * The index factor a segment of an indexed line accrued with (RULES §3
     * indexation): {@code 1 + share/100 × (I(Y−1) − I(B)) / I(B)} on the days of
     * calendar year Y when Y ≥ B + 2, a negative change counting as 0 with the
     * floor on; 1 before. Enough to print "KPI okt 2023 409,07 mot basår 2021
     * 346,44: +18,08 %".
     *
     * @param series    the index series' name
     * @param baseYear  B
     * @param indexYear Y − 1, whose October value applied; {@code null} before B + 2, when the factor is 1
     * @param index     I(Y − 1); {@code null} before B + 2
     * @param baseIndex I(B); {@code null} before B + 2 if it is not yet known
     * @param share     the indexed share in percent
     * @param floor     whether the clause has the floor
     * @param factor    the exact factor the amount in force was multiplied by
     */
    public record IndexFactor(String series, int baseYear, Integer indexYear, BigDecimal index, BigDecimal baseIndex,
                              BigDecimal share, boolean floor, Fraction factor) {

        /** Whether an index value applied (Y ≥ B + 2), rather than the base price level. */
        public boolean applies() {
            return indexYear != null;
        }

        /** Whether the floor held the amount at the base: the index had fallen below the base year's. */
        public boolean floored() {
            return applies() && floor && index.compareTo(baseIndex) < 0;
        }

        /** The change the factor makes in percent, rounded half away from zero: {@code 18.08} for +18,08 %. */
        public BigDecimal changePercent(int scale) {
            return factor.subtract(Fraction.ONE).multiply(Fraction.of(100)).toBigDecimal(scale, RoundingMode.HALF_UP);
        }
    }

    /** How a segment is shared: by one of the pool's rules, or borne by one service alone. */
    public enum SegmentRule {
        EQUAL,
        AREA,
        PERCENT,
        /** The line is borne by one service (RULES §3). */
        BORNE;

        static SegmentRule of(RuleKind rule) {
            return switch (rule) {
                case EQUAL -> EQUAL;
                case AREA -> AREA;
                case PERCENT -> PERCENT;
            };
        }
    }

    public record Weight(String service, BigDecimal weight) {
    }

    /** A service's sum of its rounded line shares, per pool and overall, and what it paid. */
    public record ServiceTotal(String service, ServiceType type, String entity, Map<Pool, MonetaryAmount> byPool,
                               MonetaryAmount total, MonetaryAmount paid) {
    }

    /**
     * What one entity owes another for the period, gross: the debtor's services'
     * shares of lines the creditor's services paid. Between services of one entity
     * it is an internal transfer (omföring), never invoiced.
     */
    public record Flow(String creditor, String debtor, MonetaryAmount amount, boolean internal,
                       List<ServiceFlow> services) {
    }

    public record ServiceFlow(String creditorService, String debtorService, MonetaryAmount amount) {
    }
}
