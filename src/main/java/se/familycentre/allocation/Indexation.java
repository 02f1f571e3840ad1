package se.familycentre.allocation;

import java.math.BigDecimal;

/**
 * A line's indexation clause (RULES §3, annex 2: a cost "in a base year's price
 * level"). The line's amounts, first and changed, are in the base year's price
 * level; on a day of calendar year Y the amount in force is multiplied by
 * {@code 1 + share/100 × (I(Y−1) − I(B)) / I(B)} when Y ≥ B + 2, and by 1 before,
 * where I(y) is the series' value for October of year y. With {@code floor} on,
 * a negative change counts as 0.
 *
 * @param series   the index series' name ({@code "KPI"} by default in the format)
 * @param baseYear B, the year whose price level the amounts are in
 * @param share    the indexed share in percent, 0–100 (100 by default in the format)
 * @param floor    whether the amount never falls below the base (on by default in the format)
 */
public record Indexation(String series, Integer baseYear, BigDecimal share, boolean floor) {

    /** The consumer price index, the series a clause names unless it says otherwise. */
    public static final String KPI = "KPI";
    /** The whole amount is indexed unless the clause says otherwise. */
    public static final BigDecimal FULL_SHARE = BigDecimal.valueOf(100);

    /** The standard clause: the whole amount indexed by the series, never below the base. */
    public static Indexation of(String series, int baseYear) {
        return new Indexation(series, baseYear, FULL_SHARE, true);
    }
}
