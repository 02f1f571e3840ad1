package se.familycentre.invoicing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.familycentre.allocation.Period;

/**
 * Issued rows read together (a centre's, a period's, or all): the one place
 * that derives which statements stand, which are credited and what a new issue
 * replaces.
 */
public record StatementLedger(List<StatementRow> rows, Set<Long> credited) {

    public static StatementLedger of(List<StatementRow> rows) {
        Set<Long> credited = rows.stream().map(StatementRow::creditsId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return new StatementLedger(List.copyOf(rows), credited);
    }

    public StatementStatus statusOf(StatementRow row) {
        return StatementStatus.of(row.kind(), credited.contains(row.id()));
    }

    /** The invoice statements that stand: issued and not credited. */
    public List<StatementRow> standing() {
        return rows.stream().filter(r -> statusOf(r) == StatementStatus.ISSUED).toList();
    }

    /** The periods with standing statements, each with their numbers: what the history guard protects. */
    Map<Period, List<StatementRow>> standingByPeriod() {
        Map<Period, List<StatementRow>> periods = new LinkedHashMap<>();
        for (StatementRow r : standing()) {
            periods.computeIfAbsent(new Period(r.periodFrom(), r.periodTo()), p -> new ArrayList<>()).add(r);
        }
        return periods;
    }

    /** For each creditor and debtor, the credited invoices that no later issue has replaced yet. */
    Map<String, List<String>> replaceable() {
        Set<String> replaced = rows.stream().filter(r -> r.replaces() != null)
                .flatMap(r -> List.of(r.replaces().split(",")).stream()).collect(Collectors.toSet());
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (StatementRow r : rows) {
            if (statusOf(r) == StatementStatus.CREDITED && !replaced.contains(r.number())) {
                result.computeIfAbsent(pair(r.creditor(), r.debtor()), k -> new ArrayList<>()).add(r.number());
            }
        }
        return result;
    }

    static String pair(String creditor, String debtor) {
        return creditor + "|" + debtor;
    }
}
