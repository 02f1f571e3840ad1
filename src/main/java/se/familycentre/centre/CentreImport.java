package se.familycentre.centre;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.Violation;
import se.familycentre.format.CentreDocument;

/**
 * Stores a whole centre document (the fixtures', the export's). Entities are
 * matched by organisationsnummer; where the stored details differ the import
 * is refused with the differences, never merged. The document's ids become the
 * stored ids.
 */
@Singleton
public class CentreImport {

    private final CentreTables tables;
    private final CentreRows rows;
    private final AuditLog audit;
    private final CentrePartyReferences partyReferences;

    public CentreImport(CentreTables tables, CentreRows rows, AuditLog audit, CentrePartyReferences partyReferences) {
        this.partyReferences = partyReferences;
        this.tables = tables;
        this.rows = rows;
        this.audit = audit;
    }

    /** @param root where the document sits in the body, for the paths of refusals ({@code "centre."}) */
    @Transactional
    public CentreRow importDocument(CentreDocument doc, String root) {
        ColumnLimits.checkDocument(doc, root);
        Centre centre = doc.centre();
        Map<String, Long> entityIds = registeredEntities(doc, root);
        for (LegalEntity e : centre.entities()) {
            String orgNo = OrganisationNumber.normalise(e.organisationNumber());
            if (!entityIds.containsKey(orgNo)) {
                CentreDocument.EntityDetails d = doc.detailsOf(e.organisationNumber());
                LegalEntityRow row = tables.entities().save(new LegalEntityRow(null, orgNo, e.name(), d.invoiceAddress(),
                        d.invoiceReference(), d.paymentTerms(), null));
                audit.record("CREATE", "entity", orgNo, null, e.name() + " (by import)");
                entityIds.put(orgNo, row.id());
            }
        }
        CentreRow row = tables.centres().save(CentreRows.centreRow(null, centre, doc.profile(), null));
        long id = row.id();
        tables.rules().saveAll(rows.ruleRows(id, centre.rules()));
        if (doc.profile() != null) {
            partyReferences.replace(id, doc.profile().partyReferences());
        }
        for (int i = 0; i < centre.services().size(); i++) {
            Service s = centre.services().get(i);
            tables.services().save(CentreRows.serviceRow(null, id, i, s, entityIds.get(OrganisationNumber.normalise(s.entity())),
                    doc.costReferences().get(s.id()), null));
        }
        for (int i = 0; i < centre.rooms().size(); i++) {
            Room room = centre.rooms().get(i);
            tables.rooms().save(CentreRows.roomRow(null, id, i, room, doc.roomNames().get(room.id()), null));
        }
        for (int i = 0; i < centre.coordinators().size(); i++) {
            Coordinator c = centre.coordinators().get(i);
            long coordinatorId = tables.coordinators().save(CentreRows.coordinatorRow(null, id, i, c, null)).id();
            tables.coordinatorChanges().saveAll(CentreRows.changeRows(coordinatorId, c));
        }
        for (int i = 0; i < centre.costLines().size(); i++) {
            CostLine l = centre.costLines().get(i);
            long lineId = tables.costLines().save(CentreRows.costLineRow(null, id, i, l, null)).id();
            tables.costLineChanges().saveAll(CentreRows.changeRows(lineId, l));
        }
        audit.record("IMPORT", "centre", String.valueOf(id), id, centre.name());
        return row;
    }

    /** The document's entities that are registered already, by organisationsnummer; refused where they differ. */
    private Map<String, Long> registeredEntities(CentreDocument doc, String root) {
        List<Violation> differences = new ArrayList<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        List<LegalEntity> list = doc.centre().entities();
        for (int i = 0; i < list.size(); i++) {
            LegalEntity e = list.get(i);
            String orgNo = OrganisationNumber.normalise(e.organisationNumber());
            Optional<LegalEntityRow> stored = tables.entities().findByOrganisationNumber(orgNo);
            if (stored.isPresent()) {
                LegalEntityRow s = stored.get();
                String path = root + "entities[" + i + "]";
                differs(differences, path + ".name", s.name(), e.name());
                CentreDocument.EntityDetails d = doc.entityDetails().get(e.organisationNumber());
                if (d != null) {
                    differs(differences, path + ".invoiceAddress", s.invoiceAddress(), d.invoiceAddress());
                    differs(differences, path + ".invoiceReference", s.invoiceReference(), d.invoiceReference());
                    // an absent paymentTermsDays is the default an import registers, not a difference
                    differs(differences, path + ".paymentTermsDays", s.paymentTermsDays(), d.paymentTerms());
                }
                ids.put(orgNo, s.id());
            }
        }
        if (!differences.isEmpty()) {
            throw new Refusal.Conflict("the document's legal entities differ from the registered ones; "
                    + "update the entities first or correct the document", differences);
        }
        return ids;
    }

    private static void differs(List<Violation> differences, String field, Object stored, Object given) {
        if (!Objects.equals(stored, given)) {
            differences.add(new Violation(field, "stored \"" + stored + "\", the document says \"" + given + "\""));
        }
    }
}
