package se.familycentre.allocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation.Flow;
import se.familycentre.allocation.Allocation.ServiceFlow;
import se.familycentre.allocation.Allocation.ServiceTotal;
import se.familycentre.allocation.LineSharing.Shared;

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
    static List<ServiceTotal> services(List<Service> services, List<Shared> lines, OreAmounts amounts) {
        int n = services.size();
        int pools = POOLS.length;
        OreSums byPool = new OreSums(n * pools);
        OreSums paid = new OreSums(n);
        for (Shared line : lines) {
            int pool = line.line().pool().ordinal();
            for (int i = 0; i < n; i++) {
                byPool.add(i * pools + pool, line.ore(), i);
            }
            if (line.payer() >= 0) {
                paid.add(line.payer(), line.ore(), n);
            }
        }
        List<ServiceTotal> totals = new ArrayList<>(n);
        OreSums total = new OreSums(n);
        for (int i = 0; i < n; i++) {
            Service s = services.get(i);
            Map<Pool, MonetaryAmount> sums = new EnumMap<>(Pool.class);
            for (Pool pool : POOLS) {
                sums.put(pool, byPool.amount(i * pools + pool.ordinal(), amounts));
                total.add(i, byPool, i * pools + pool.ordinal());
            }
            totals.add(new ServiceTotal(s.id(), s.type(), OrganisationNumber.normalise(s.entity()),
                    Collections.unmodifiableMap(sums), total.amount(i, amounts), paid.amount(i, amounts)));
        }
        return List.copyOf(totals);
    }

    /**
     * The debts ({@link Debt}: every member's non-zero share of a line owed to
     * its payer, the payer's own share owing nothing) summed per creditor and
     * debtor entity, in the centre's order of entities, each with its sums per
     * pair of services in the centre's order of services. A valid centre's
     * services each belong to one listed entity and have distinct ids, so the
     * orders are the positions and the sums are a table by payer and debtor.
     */
    static List<Flow> flows(Centre centre, List<Shared> lines, OreAmounts amounts) {
        List<Service> services = centre.services();
        int n = services.size();
        Map<String, Integer> entityOrder = new HashMap<>();
        List<LegalEntity> entities = centre.entities();
        for (int i = entities.size() - 1; i >= 0; i--) {
            entityOrder.put(OrganisationNumber.normalise(entities.get(i).organisationNumber()), i);
        }
        String[] entityOf = new String[n];
        int[] entityIndex = new int[n];
        for (int i = 0; i < n; i++) {
            entityOf[i] = OrganisationNumber.normalise(services.get(i).entity());
            Integer e = entityOrder.get(entityOf[i]);
            if (e == null) {
                throw new IllegalStateException("service " + services.get(i).id() + " belongs to no entity of the centre");
            }
            entityIndex[i] = e;
        }
        // shares are never negative, so a pair has a debt exactly when its sum is not zero
        OreSums debts = new OreSums(n * n);
        for (Shared line : lines) {
            int payer = line.payer();
            for (int i = 0; i < n; i++) {
                if (i != payer && line.ore().signum(i) != 0) {
                    debts.add(payer * n + i, line.ore(), i);
                }
            }
        }
        List<Flow> flows = new ArrayList<>();
        int entityCount = entities.size();
        for (int creditor = 0; creditor < entityCount; creditor++) {
            for (int debtor = 0; debtor < entityCount; debtor++) {
                List<ServiceFlow> serviceFlows = null;
                OreSums sum = null;
                String creditorEntity = null;
                String debtorEntity = null;
                for (int p = 0; p < n; p++) {
                    if (entityIndex[p] != creditor) {
                        continue;
                    }
                    for (int d = 0; d < n; d++) {
                        if (entityIndex[d] != debtor || debts.signum(p * n + d) == 0) {
                            continue;
                        }
                        if (serviceFlows == null) {
                            serviceFlows = new ArrayList<>();
                            sum = new OreSums(1);
                            creditorEntity = entityOf[p];
                            debtorEntity = entityOf[d];
                        }
                        serviceFlows.add(new ServiceFlow(services.get(p).id(), services.get(d).id(),
                                debts.amount(p * n + d, amounts)));
                        sum.add(0, debts, p * n + d);
                    }
                }
                if (serviceFlows != null) {
                    flows.add(new Flow(creditorEntity, debtorEntity, sum.amount(0, amounts),
                            creditorEntity.equals(debtorEntity), List.copyOf(serviceFlows)));
                }
            }
        }
        return List.copyOf(flows);
    }
}
