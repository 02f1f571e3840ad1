package se.familycentre.allocation;

import java.math.BigDecimal;
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
     * force (as entered: per month, quarter, year or once), the rule and every
     * member's weight.
     */
    public record Segment(LocalDate from, LocalDate to, long days, SegmentRule rule, BigDecimal amount,
                          List<Weight> weights) {
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
