package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cost line's indexation clause (RULES §3 indexation). Without an index table
 * only the clause itself is checked: a {@code ONCE} line is not indexed, the
 * series and base year are required, the share is a percentage from 0 to 100.
 * With the table and the period, what the period's days need of the series:
 * the series must exist, the base year must be within its reach, and every
 * October value a day's factor needs must be known and above 0. Each refusal
 * names the field under {@code costLines[i].indexation}, and the series and year.
 */
final class IndexChecks {

    private final Checks checks;
    private final Period period;
    private final IndexTable table;

    /**
     * @param period the period computed, or {@code null} when there is none (or it is refused itself)
     * @param table  the index values given, or {@code null} to check the clauses alone
     */
    IndexChecks(Checks checks, Period period, IndexTable table) {
        this.checks = checks;
        this.period = period;
        this.table = table;
    }

    void check(CostLine line, Field path) {
        Indexation clause = line.indexation();
        if (clause == null) {
            return;
        }
        if (line.periodicity() == Periodicity.ONCE) {
            checks.add(path, "a ONCE line is not indexed; only MONTH, QUARTER and YEAR amounts are (RULES §3)");
            return;
        }
        boolean whole = checks.requireText(clause.series(), path.dot("series"));
        if (clause.baseYear() == null) {
            checks.add(path.dot("baseYear"), "is required");
            whole = false;
        }
        BigDecimal share = clause.share();
        if (share == null) {
            checks.add(path.dot("share"), "is required");
            whole = false;
        } else if (share.signum() < 0 || share.compareTo(Checks.HUNDRED) > 0) {
            checks.add(path.dot("share"), "the indexed share is a percentage from 0 to 100, was " + share.toPlainString());
            whole = false;
        } else if (share.scale() > 4 && share.stripTrailingZeros().scale() > 4) {
            checks.add(path.dot("share"), "has at most four decimals, was " + share.toPlainString());
            whole = false;
        }
        if (whole && table != null) {
            againstSeries(line, clause, path);
        }
    }

    private void againstSeries(CostLine line, Indexation clause, Field path) {
        IndexSeries series = table.series(clause.series());
        if (series == null) {
            checks.add(path.dot("series"), "no index series named " + clause.series() + " is known"
                    + (table.isEmpty() ? " (no index values were given)" : "; known: " + String.join(", ", table.names())));
            return;
        }
        int base = clause.baseYear();
        Integer first = series.firstYear();
        boolean baseInReach = first == null || base >= first;
        if (!baseInReach) {
            checks.add(path.dot("baseYear"), "is outside the reach of " + series.name() + ": its values begin with October "
                    + first + ", and " + base + " has none");
        }
        if (period == null) {
            return;
        }
        LocalDate start = Dates.later(line.from(), period.from());
        LocalDate end = Dates.earlier(line.to(), period.to());
        long firstIndexed = IndexFactors.firstIndexedYear(base);
        if (end.isBefore(start) || end.getYear() < firstIndexed) {
            return; // no day of the period is indexed: every factor is 1
        }
        LocalDate indexedFrom = start.getYear() >= firstIndexed ? start : LocalDate.of((int) firstIndexed, 1, 1);
        if (baseInReach) {
            need(series, base, indexedFrom, end, path);
        }
        for (int year = indexedFrom.getYear(); year <= end.getYear(); year++) {
            if (year - 1 != base) {
                LocalDate from = year == indexedFrom.getYear() ? indexedFrom : LocalDate.of(year, 1, 1);
                LocalDate to = year == end.getYear() ? end : LocalDate.of(year, 12, 31);
                need(series, year - 1, from, to, path);
            }
        }
    }

    /** The days {@code from..to} need the series' value for October of the year. */
    private void need(IndexSeries series, int year, LocalDate from, LocalDate to, Field path) {
        BigDecimal value = series.valueFor(year);
        if (value == null) {
            Integer first = series.firstYear();
            Integer last = series.lastYear();
            String why;
            if (last == null) {
                why = "which is not known (" + series.name() + " has no values)";
            } else if (year > last) {
                why = "which is not yet known (" + series.name() + " is known up to October " + last + ")";
            } else if (year < first) {
                why = "which is not known (" + series.name() + " begins with October " + first + ")";
            } else {
                why = "which is missing from " + series.name() + " (known from October " + first + " to October "
                        + last + ")";
            }
            checks.add(path, "the days from " + from + " to " + to + " need " + series.name() + "'s value for October "
                    + year + ", " + why);
        } else if (value.signum() <= 0) {
            checks.add(path, series.name() + "'s value for October " + year + " is " + value.toPlainString()
                    + "; an index value must be above 0");
        }
    }
}
