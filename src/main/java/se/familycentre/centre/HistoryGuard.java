package se.familycentre.centre;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.Violation;
import se.familycentre.format.CentreDocument;
import se.familycentre.statement.Party;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementBuilder;

/**
 * RULES §5: a change of data that would alter an issued period is refused
 * while its statements stand. Rather than guess from which fields changed, the
 * guard takes a fingerprint of each issued period before and after the change
 * and refuses if they differ. The fingerprint holds everything a statement of
 * the period printed or was computed from:
 *
 * <ul>
 *   <li>the statements {@link StatementBuilder} builds for the period (internal
 *       transfers too): centre name, creditor and debtor by organisationsnummer,
 *       the services named with their type, name and cost reference, every line
 *       with its name, pool, payer, total, basis (segments, rule, weights) and
 *       share, the sums;</li>
 *   <li>the allocation: every line's total and shares (the payer's own share,
 *       never printed, too) and the classification;</li>
 *   <li>every service taking part in the period: its legal entity, type, name,
 *       cost reference, participation within the period, co-location, shared
 *       premises and pools, in the centre's order (it breaks rounding ties);</li>
 *   <li>every room existing in the period, shared or dedicated: id, type, area,
 *       the service it is dedicated to, its dates within the period;</li>
 *   <li>the centre's name and the agreement the statements cite.</li>
 * </ul>
 *
 * Legal entities' names and invoice details are not in it: they live in the
 * entity registry, and an issued statement keeps its own copy of them in the
 * archive. Rooms' names are not printed and not in it either. What lies wholly
 * outside the period (a service joining later, a dated change after it) leaves
 * the fingerprint as it was.
 */
@Singleton
public class HistoryGuard {

    /** How many of the altered items a refusal names per period. */
    private static final int NAMED = 8;

    private final IssuedPeriods issued;
    private final Allocations allocator;

    public HistoryGuard(IssuedPeriods issued, Allocations allocator) {
        this.issued = issued;
        this.allocator = allocator;
    }

    /**
     * @param after the centre as it would be; {@code null} when the centre would be deleted
     * @throws Refusal.IssuedPeriod if the change alters any period whose statements stand
     */
    public void check(long centreId, CentreDocument before, CentreDocument after) {
        List<Violation> altered = new ArrayList<>();
        for (IssuedPeriods.IssuedPeriod p : issued.issuedFor(centreId)) {
            Map<String, String> was = fingerprint(before, p.period());
            Map<String, String> would = after == null ? Map.of() : fingerprint(after, p.period());
            if (!was.equals(would)) {
                altered.add(new Violation("period " + p.period().label(), "statements "
                        + String.join(", ", p.statementNumbers()) + " are issued for this period and the change alters "
                        + (after == null ? "the whole centre (it would be deleted)" : differences(was, would))
                        + "; credit them first"));
            }
        }
        if (!altered.isEmpty()) {
            throw new Refusal.IssuedPeriod("the change would alter " + altered.size()
                    + " issued period(s); credit their statements before changing the data (RULES §5)", altered);
        }
    }

    /** The items whose fingerprint differs, named as a person would look for them. */
    private static String differences(Map<String, String> was, Map<String, String> would) {
        Set<String> keys = new LinkedHashSet<>(was.keySet());
        keys.addAll(would.keySet());
        List<String> differ = keys.stream().filter(k -> !Objects.equals(was.get(k), would.get(k))).toList();
        String named = String.join(", ", differ.subList(0, Math.min(NAMED, differ.size())));
        return differ.size() > NAMED ? named + " and " + (differ.size() - NAMED) + " more" : named;
    }

    /**
     * Everything the statements of the period printed or were computed from, item by item: the key
     * names the item ({@code service soc}), the value is its content.
     */
    Map<String, String> fingerprint(CentreDocument doc, Period period) {
        Centre centre = doc.centre();
        Map<String, String> items = new LinkedHashMap<>();
        items.put("the centre's name", String.valueOf(centre.name()));
        items.put("the local agreement the statements cite",
                String.valueOf(doc.profile() == null ? null : doc.profile().agreementReference()));
        List<String> order = new ArrayList<>();
        for (Service s : centre.services()) {
            if (overlaps(s.from(), s.to(), period)) {
                order.add(s.id());
                items.put("service " + s.id(), String.join("|", String.valueOf(s.type()), entity(s.entity()),
                        String.valueOf(s.name()), String.valueOf(doc.costReferences().get(s.id())),
                        String.valueOf(later(s.from(), period.from())), String.valueOf(earlier(s.to(), period.to())),
                        String.valueOf(s.coLocated()), String.valueOf(s.sharesPremises()),
                        String.valueOf(new TreeSet<>(s.pools()))));
            }
        }
        items.put("the order of the services", String.join(",", order));
        for (Room r : centre.rooms()) {
            if (overlaps(r.from(), r.to(), period)) {
                items.put("room " + r.id(), String.join("|", String.valueOf(r.type()), area(r.area()),
                        r.isShared() ? "shared" : "dedicated to " + r.service(),
                        String.valueOf(later(r.from(), period.from())), String.valueOf(earlier(r.to(), period.to()))));
            }
        }
        AllocationOutcome outcome = allocator.allocate(centre, period);
        if (!(outcome instanceof AllocationOutcome.Allocated allocated)) {
            items.put("the allocation", "refused by the rules");
            return items;
        }
        Allocation allocation = allocated.allocation();
        items.put("the classification", allocation.classification().toString());
        for (Allocation.LineAllocation line : allocation.lines()) {
            StringBuilder sb = new StringBuilder().append(line.name()).append('|').append(line.origin()).append('|')
                    .append(line.pool()).append('|').append(line.payer()).append('|').append(line.periodicity())
                    .append('|').append(line.borneBy()).append('|').append(Sek.plain(line.total()));
            // every service of the centre has a share; one that takes no part in the period has 0 and was
            // not there when the period was issued if it joined later
            line.shares().stream().filter(s -> order.contains(s.service()) || !s.amount().isZero())
                    .forEach(s -> sb.append('|').append(s.service()).append('=').append(Sek.plain(s.amount())));
            sb.append('|').append(line.segments());
            items.put("cost line " + line.id(), sb.toString());
        }
        for (Statement s : StatementBuilder.build(allocation, centre, parties(centre), doc.costReferences())) {
            items.put("statement " + s.creditor().organisationNumber() + " to " + s.debtor().organisationNumber(),
                    s.toString());
        }
        return items;
    }

    /**
     * The parties by organisationsnummer only: an entity's name and invoice details are the
     * registry's, and an issued statement keeps its own copy of them.
     */
    private static Map<String, Party> parties(Centre centre) {
        Map<String, Party> parties = new LinkedHashMap<>();
        for (LegalEntity e : centre.entities()) {
            String orgNo = entity(e.organisationNumber());
            parties.put(orgNo, new Party(orgNo, null, null, null, 0));
        }
        for (Service s : centre.services()) {
            String orgNo = entity(s.entity());
            parties.putIfAbsent(orgNo, new Party(orgNo, null, null, null, 0));
        }
        return parties;
    }

    private static String entity(String organisationNumber) {
        return organisationNumber == null ? "null" : OrganisationNumber.normalise(organisationNumber);
    }

    private static String area(BigDecimal area) {
        return area == null ? "null" : area.stripTrailingZeros().toPlainString();
    }

    private static boolean overlaps(LocalDate from, LocalDate to, Period period) {
        return (from == null || !from.isAfter(period.to())) && (to == null || !to.isBefore(period.from()));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || a.isBefore(b) ? b : a;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || a.isAfter(b) ? b : a;
    }
}
