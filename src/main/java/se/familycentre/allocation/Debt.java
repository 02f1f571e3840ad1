package se.familycentre.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation.LineAllocation;
import se.familycentre.allocation.Allocation.Share;

/**
 * One share owed to a line's payer (RULES §5): every member of the line other
 * than the payer owes its non-zero share to the payer; the payer's own share
 * is its own cost and owes nothing. The flows between entities and the
 * statements are both regroupings of these debts, so who owes whom is decided
 * here only.
 *
 * @param creditorEntity the payer's entity, normalised organisationsnummer
 * @param debtorEntity   the debtor's entity, normalised organisationsnummer
 */
public record Debt(LineAllocation line, String payerService, String debtorService, String creditorEntity,
                   String debtorEntity, MonetaryAmount share) {

    /** Between services of one legal entity: an internal transfer (omföring), never invoiced. */
    public boolean internal() {
        return creditorEntity.equals(debtorEntity);
    }

    /** Every debt of the allocation, line by line, each line's debtors in the centre's order of services. */
    public static List<Debt> of(Allocation allocation, Centre centre) {
        return of(allocation.lines(), centre.services());
    }

    static List<Debt> of(List<LineAllocation> lines, List<Service> services) {
        Map<String, String> entities = new HashMap<>();
        for (Service s : services) {
            entities.put(s.id(), OrganisationNumber.normalise(s.entity()));
        }
        List<Debt> debts = new ArrayList<>();
        for (LineAllocation line : lines) {
            String creditor = entities.get(line.payer());
            for (Share share : line.shares()) {
                if (share.service().equals(line.payer()) || share.amount().isZero()) {
                    continue;
                }
                debts.add(new Debt(line, line.payer(), share.service(), creditor, entities.get(share.service()),
                        share.amount()));
            }
        }
        return debts;
    }
}
