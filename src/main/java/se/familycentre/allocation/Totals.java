package se.familycentre.allocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation.Flow;
import se.familycentre.allocation.Allocation.LineAllocation;
import se.familycentre.allocation.Allocation.ServiceFlow;
import se.familycentre.allocation.Allocation.ServiceTotal;

/**
 * The sums an allocation prints (RULES §4, §5): a service's amount is the sum
 * of its rounded line shares, and a flow between two entities the sum of the
 * debts between their services. Only rounded amounts are added, so every sum
 * is the sum of what is printed under it. The sums are counted in whole öre.
 */
final class Totals {

    private static final Pool[] POOLS = Pool.values();

    private Totals() {
    }

    /** Every service's shares per pool and overall, and what it paid, in the centre's order. */
    static List<ServiceTotal> services(List<Service> services, List<LineAllocation> lines, OreAmounts amounts) {
        int n = services.size();
        Map<String, Integer> positions = new HashMap<>();
        BigInteger[][] byPool = new BigInteger[n][POOLS.length];
        BigInteger[] paid = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            positions.put(services.get(i).id(), i);
            Arrays.fill(byPool[i], BigInteger.ZERO);
            paid[i] = BigInteger.ZERO;
        }
        for (LineAllocation line : lines) {
            int pool = line.pool().ordinal();
            for (Allocation.Share share : line.shares()) {
                int i = positions.get(share.service());
                byPool[i][pool] = byPool[i][pool].add(amounts.oreOf(share.amount()));
            }
            Integer payer = positions.get(line.payer());
            if (payer != null) {
                paid[payer] = paid[payer].add(amounts.oreOf(line.total()));
            }
        }
        List<ServiceTotal> totals = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Service s = services.get(i);
            Map<Pool, MonetaryAmount> sums = new EnumMap<>(Pool.class);
            BigInteger total = BigInteger.ZERO;
            for (Pool pool : POOLS) {
                sums.put(pool, amounts.of(byPool[i][pool.ordinal()]));
                total = total.add(byPool[i][pool.ordinal()]);
            }
            totals.add(new ServiceTotal(s.id(), s.type(), OrganisationNumber.normalise(s.entity()),
                    Collections.unmodifiableMap(sums), amounts.of(total), amounts.of(paid[i])));
        }
        return List.copyOf(totals);
    }

    /**
     * The debts summed per creditor and debtor entity, in the centre's order of
     * entities, each with its sums per pair of services in the centre's order of
     * services.
     */
    static List<Flow> flows(Centre centre, List<Debt> debts, OreAmounts amounts) {
        Map<String, Integer> entityOrder = new HashMap<>();
        List<LegalEntity> entities = centre.entities();
        for (int i = entities.size() - 1; i >= 0; i--) {
            entityOrder.put(OrganisationNumber.normalise(entities.get(i).organisationNumber()), i);
        }
        Map<String, Integer> serviceOrder = new HashMap<>();
        for (int i = 0; i < centre.services().size(); i++) {
            serviceOrder.putIfAbsent(centre.services().get(i).id(), i);
        }
        Map<List<String>, Map<List<String>, BigInteger>> byEntities = new LinkedHashMap<>();
        for (Debt debt : debts) {
            byEntities.computeIfAbsent(List.of(debt.creditorEntity(), debt.debtorEntity()), k -> new LinkedHashMap<>())
                    .merge(List.of(debt.payerService(), debt.debtorService()), amounts.oreOf(debt.share()), BigInteger::add);
        }
        Comparator<List<String>> byEntity = Comparator.comparing((List<String> k) -> entityOrder.getOrDefault(k.get(0), -1))
                .thenComparing(k -> entityOrder.getOrDefault(k.get(1), -1));
        Comparator<List<String>> byService = Comparator.comparing((List<String> k) -> serviceOrder.getOrDefault(k.get(0), -1))
                .thenComparing(k -> serviceOrder.getOrDefault(k.get(1), -1));
        List<List<String>> pairs = new ArrayList<>(byEntities.keySet());
        pairs.sort(byEntity);
        List<Flow> flows = new ArrayList<>(pairs.size());
        for (List<String> parties : pairs) {
            Map<List<String>, BigInteger> byServices = byEntities.get(parties);
            List<List<String>> servicePairs = new ArrayList<>(byServices.keySet());
            servicePairs.sort(byService);
            List<ServiceFlow> serviceFlows = new ArrayList<>(servicePairs.size());
            BigInteger sum = BigInteger.ZERO;
            for (List<String> ids : servicePairs) {
                BigInteger amount = byServices.get(ids);
                serviceFlows.add(new ServiceFlow(ids.get(0), ids.get(1), amounts.of(amount)));
                sum = sum.add(amount);
            }
            flows.add(new Flow(parties.get(0), parties.get(1), amounts.of(sum), parties.get(0).equals(parties.get(1)),
                    List.copyOf(serviceFlows)));
        }
        return List.copyOf(flows);
    }
}
