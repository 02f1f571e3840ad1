package se.familycentre.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Debt;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Service;

/**
 * Turns an allocation into statements (RULES §5): one per creditor and debtor
 * entity that owe each other anything, plus one omföringsunderlag per entity
 * for its internal transfers. Who owes whom is the core's {@link Debt}: the
 * payer's own share is its own cost and is never listed. Nothing here computes
 * a share or a debt: it only regroups the core's debts by pair of entities.
 */
public final class StatementBuilder {

    private StatementBuilder() {
    }

    /**
     * @param parties         every entity of the centre, by organisationsnummer
     * @param costReferences  services' cost references by service id
     */
    public static List<Statement> build(Allocation allocation, Centre centre, Map<String, Party> parties,
                                        Map<String, String> costReferences) {
        Map<String, Service> services = new LinkedHashMap<>();
        centre.services().forEach(s -> services.put(s.id(), s));
        Map<Pair, List<StatementLine>> byPair = new LinkedHashMap<>();
        for (Debt debt : Debt.of(allocation, centre)) {
            Allocation.LineAllocation line = debt.line();
            byPair.computeIfAbsent(new Pair(debt.creditorEntity(), debt.debtorEntity()), k -> new ArrayList<>())
                    .add(new StatementLine(line.id(), line.name(), line.origin(), line.pool(), debt.payerService(),
                            line.total(), line.segments(), debt.debtorService(), debt.share(), line.periodicity()));
        }
        Map<String, Integer> order = new HashMap<>();
        centre.entities().forEach(e -> order.putIfAbsent(OrganisationNumber.normalise(e.organisationNumber()), order.size()));
        List<Statement> statements = new ArrayList<>();
        byPair.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Pair, List<StatementLine>> e) -> e.getKey().internal())
                        .thenComparing(e -> order.getOrDefault(e.getKey().creditor(), -1))
                        .thenComparing(e -> order.getOrDefault(e.getKey().debtor(), -1)))
                .forEach(e -> statements.add(statement(allocation, parties.get(e.getKey().creditor()),
                        parties.get(e.getKey().debtor()), e.getValue(), services, costReferences,
                        centre.dedicatedRent() == null ? null
                                : Sek.decimal(centre.dedicatedRent().rentPerSquareMetreYear()))));
        return statements;
    }

    /** A creditor and a debtor entity; one statement each. */
    private record Pair(String creditor, String debtor) {

        boolean internal() {
            return creditor.equals(debtor);
        }
    }

    private static Statement statement(Allocation allocation, Party creditor, Party debtor, List<StatementLine> lines,
                                       Map<String, Service> services, Map<String, String> costReferences,
                                       BigDecimal rentPerSquareMetreYear) {
        Map<Pool, BigDecimal> sums = new EnumMap<>(Pool.class);
        for (Pool pool : Pool.values()) {
            sums.put(pool, BigDecimal.ZERO.setScale(2));
        }
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (StatementLine line : lines) {
            sums.merge(line.pool(), Sek.decimal(line.share()), BigDecimal::add);
            total = total.add(Sek.decimal(line.share()));
        }
        Map<Pool, MonetaryAmount> amounts = new EnumMap<>(Pool.class);
        sums.forEach((pool, sum) -> amounts.put(pool, Sek.sek(sum)));
        return new Statement(allocation.centre(), allocation.period(), creditor, debtor,
                refs(lines.stream().map(StatementLine::debtorService).distinct().toList(), services, costReferences),
                refs(lines.stream().map(StatementLine::payerService).distinct().toList(), services, costReferences),
                List.copyOf(lines), java.util.Collections.unmodifiableMap(amounts), Sek.sek(total),
                rentPerSquareMetreYear);
    }

    private static List<Statement.ServiceRef> refs(List<String> ids, Map<String, Service> services,
                                                   Map<String, String> costReferences) {
        List<String> order = new ArrayList<>(services.keySet());
        return ids.stream().sorted(java.util.Comparator.comparing(order::indexOf)).map(id -> {
            Service s = services.get(id);
            return new Statement.ServiceRef(id, s.type().name(), s.name(), costReferences.get(id));
        }).toList();
    }

    /**
     * A credit statement's content (RULES §5): every share, pool sum and the total of the original
     * negated. A line's total stays as it was: it is the basis the share was taken from, not an
     * amount owed, and a negated basis would say the cost itself was negative.
     */
    public static Statement negated(Statement original) {
        List<StatementLine> lines = original.lines().stream().map(l -> new StatementLine(l.lineId(), l.lineName(),
                l.origin(), l.pool(), l.payerService(), l.lineTotal(), l.basis(), l.debtorService(),
                l.share().negate(), l.periodicity())).toList();
        Map<Pool, MonetaryAmount> sums = new EnumMap<>(Pool.class);
        original.sumsByPool().forEach((pool, sum) -> sums.put(pool, sum.negate()));
        return new Statement(original.centre(), original.period(), original.creditor(), original.debtor(),
                original.debtorServices(), original.creditorServices(), lines,
                java.util.Collections.unmodifiableMap(sums), original.total().negate(),
                original.rentPerSquareMetreYear());
    }
}
