package se.familycentre.pdf;

import se.familycentre.statement.SwedishFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.ServiceType;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementLine;

/**
 * Why a debtor service pays its share, in Swedish: one item per segment of the
 * allocation ("Lika delning mellan 4 basverksamheter", "Yta 40,0 av 210,0 m²",
 * "Andel 10 % av 80 %"), dated when the period was cut into segments, and a note
 * when the service joined or left during the period.
 */
final class BasisWording {

    /** A share's basis: an optional note on when the service took part, and one item per segment. */
    record Basis(String note, List<String> items) {

        /** One undated item and no note print on the service's own row. */
        boolean inline() {
            return items.size() == 1 && note == null;
        }
    }

    private final Map<String, Statement.ServiceRef> services;
    private final Period period;

    /**
     * @param services every service known by id: whether all members of a segment are base services
     *                 ("basverksamheter") can only be said of members found here
     */
    BasisWording(Map<String, Statement.ServiceRef> services, Period period) {
        this.services = services;
        this.period = period;
    }

    /** The basis of one share: one item per segment, dated when there are several. */
    Basis basis(StatementLine line) {
        List<Allocation.Segment> segments = line.basis() == null ? List.of() : line.basis();
        String svc = line.debtorService();
        int first = -1;
        int last = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (weightOf(segments.get(i), svc) != null) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        List<String> notes = new ArrayList<>();
        if (first > 0) {
            notes.add("deltar från " + SwedishFormat.date(segments.get(first).from()));
        }
        if (last >= 0 && last < segments.size() - 1) {
            notes.add("deltar till " + SwedishFormat.date(segments.get(last).to()));
        }
        List<String> items = new ArrayList<>();
        boolean dated = segments.size() > 1;
        for (Allocation.Segment s : segments) {
            String text = weightOf(s, svc) == null ? "deltar inte" : describe(s, svc, line.pool());
            boolean whole = s.from().equals(period.from()) && s.to().equals(period.to());
            if (dated || !whole) {
                String when = s.from().equals(s.to()) ? SwedishFormat.date(s.from())
                        : SwedishFormat.range(s.from(), s.to());
                text = when + " (" + SwedishFormat.days(s.days()) + "): " + text;
            }
            items.add(text);
        }
        if (items.isEmpty()) {
            items.add("–");
        }
        return new Basis(notes.isEmpty() ? null : String.join(", ", notes), items);
    }

    private static BigDecimal weightOf(Allocation.Segment segment, String service) {
        for (Allocation.Weight w : segment.weights()) {
            if (w.service().equals(service)) {
                return w.weight();
            }
        }
        return null;
    }

    private String describe(Allocation.Segment s, String svc, Pool pool) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Allocation.Weight w : s.weights()) {
            sum = sum.add(w.weight());
        }
        BigDecimal mine = weightOf(s, svc);
        return switch (s.rule()) {
            case EQUAL -> {
                int n = s.weights().size();
                yield n == 1 ? "Hela kostnaden (enda deltagande verksamhet)"
                        : "Lika delning mellan " + n + (allBase(s, pool) ? " basverksamheter" : " verksamheter");
            }
            case AREA -> "Yta " + SwedishFormat.decimal1(mine) + " av " + SwedishFormat.decimal1(sum) + " m²";
            case PERCENT -> "Andel " + SwedishFormat.percent(mine) + " av " + SwedishFormat.percent(sum);
            case BORNE -> "Bärs helt av verksamheten";
        };
    }

    /** Whether every member is known to be a base service (the coordinator pool never has another actor). */
    private boolean allBase(Allocation.Segment s, Pool pool) {
        if (pool == Pool.COORDINATOR) {
            return true;
        }
        for (Allocation.Weight w : s.weights()) {
            Statement.ServiceRef ref = services.get(w.service());
            if (ref == null || ServiceType.OTHER.name().equals(ref.type())) {
                return false;
            }
        }
        return true;
    }
}
