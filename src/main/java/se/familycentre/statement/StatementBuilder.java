package se.familycentre.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Service;

/**
 * Turns an allocation into statements (RULES §5): one per creditor and debtor
 * entity that owe each other anything, plus one omföringsunderlag per entity
 * for its internal transfers. Each line a service paid gives every other
 * member's share to that service's entity; the payer's own share is its own
 * cost and is never listed. Nothing here computes a share: it only regroups
 * the engine's rounded shares.
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
        Map<String, List<StatementLine>> byPair = new LinkedHashMap<>();
        for (Allocation.LineAllocation line : allocation.lines()) {
            String creditor = entity(services.get(line.payer()));
            for (Allocation.Share share : line.shares()) {
                if (share.service().equals(line.payer()) || share.amount().isZero()) {
                    continue;
                }
                String debtor = entity(services.get(share.service()));
                byPair.computeIfAbsent(creditor + "|" + debtor, k -> new ArrayList<>()).add(new StatementLine(
                        line.id(), line.name(), line.origin(), line.pool(), line.payer(), line.total(),
                        line.segments(), share.service(), share.amount()));
            }
        }
        List<String> order = centre.entities().stream().map(e -> OrganisationNumber.normalise(e.organisationNumber())).toList();
        List<Statement> statements = new ArrayList<>();
        byPair.entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<String, List<StatementLine>> e) -> internal(e.getKey()))
                        .thenComparing(e -> order.indexOf(e.getKey().split("\\|")[0]))
                        .thenComparing(e -> order.indexOf(e.getKey().split("\\|")[1])))
                .forEach(e -> {
                    String[] pair = e.getKey().split("\\|");
                    statements.add(statement(allocation, parties.get(pair[0]), parties.get(pair[1]), e.getValue(),
                            services, costReferences));
                });
        return statements;
    }

    private static boolean internal(String pair) {
        String[] p = pair.split("\\|");
        return p[0].equals(p[1]);
    }

    private static Statement statement(Allocation allocation, Party creditor, Party debtor, List<StatementLine> lines,
                                       Map<String, Service> services, Map<String, String> costReferences) {
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
                List.copyOf(lines), java.util.Collections.unmodifiableMap(amounts), Sek.sek(total));
    }

    private static List<Statement.ServiceRef> refs(List<String> ids, Map<String, Service> services,
                                                   Map<String, String> costReferences) {
        List<String> order = new ArrayList<>(services.keySet());
        return ids.stream().sorted(java.util.Comparator.comparing(order::indexOf)).map(id -> {
            Service s = services.get(id);
            return new Statement.ServiceRef(id, s.type().name(), s.name(), costReferences.get(id));
        }).toList();
    }

    private static String entity(Service s) {
        return OrganisationNumber.normalise(s.entity());
    }

    /** A credit statement's content: every printed amount of the original negated, line totals too (RULES §5). */
    public static Statement negated(Statement original) {
        List<StatementLine> lines = original.lines().stream().map(l -> new StatementLine(l.lineId(), l.lineName(),
                l.origin(), l.pool(), l.payerService(), l.lineTotal().negate(), l.basis(), l.debtorService(),
                l.share().negate())).toList();
        Map<Pool, MonetaryAmount> sums = new EnumMap<>(Pool.class);
        original.sumsByPool().forEach((pool, sum) -> sums.put(pool, sum.negate()));
        return new Statement(original.centre(), original.period(), original.creditor(), original.debtor(),
                original.debtorServices(), original.creditorServices(), lines,
                java.util.Collections.unmodifiableMap(sums), original.total().negate());
    }
}
