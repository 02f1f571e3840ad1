package se.familycentre.centre;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.Service;
import se.familycentre.format.CentreDocument;
import se.familycentre.format.CentreProfile;

/**
 * Stored centres: assembles the engine's {@link Centre} from rows, and writes
 * changes so that the past stays true. Every change of a centre runs through
 * {@link #change}: the centre before and after is handed to the
 * {@link HistoryGuard}, and the change is audited, in one transaction.
 */
@Singleton
@Transactional
public class CentreStore {

    private final CentreTables tables;
    private final CentreRows rows;
    private final AuditLog audit;
    private final HistoryGuard guard;
    private final CentrePartyReferences partyReferences;

    public CentreStore(CentreTables tables, CentreRows rows, AuditLog audit, HistoryGuard guard,
                       CentrePartyReferences partyReferences) {
        this.partyReferences = partyReferences;
        this.tables = tables;
        this.rows = rows;
        this.audit = audit;
        this.guard = guard;
    }

    // ---- reading ---------------------------------------------------------

    public CentreRow centre(long centreId) {
        return tables.centres().findById(centreId).orElseThrow(() -> new Refusal.NotFound("centre " + centreId));
    }

    /** The centre with all its dated history, as the engine and the format see it. */
    public CentreDocument document(long centreId) {
        return assemble(centre(centreId));
    }

    CentreDocument assemble(CentreRow c) {
        List<ServiceRow> serviceRows = tables.services().findByCentreIdOrderByPosition(c.id());
        Map<Long, LegalEntityRow> entityRows = new LinkedHashMap<>();
        for (ServiceRow s : serviceRows) {
            entityRows.computeIfAbsent(s.entityId(), id -> tables.entities().findById(id).orElseThrow());
        }
        List<LegalEntity> entityList = new ArrayList<>();
        Map<String, CentreDocument.EntityDetails> details = new LinkedHashMap<>();
        for (LegalEntityRow e : entityRows.values()) {
            entityList.add(new LegalEntity(e.organisationNumber(), e.name()));
            details.put(e.organisationNumber(), new CentreDocument.EntityDetails(e.invoiceAddress(),
                    e.invoiceReference(), e.paymentTermsDays()));
        }
        List<Service> serviceList = new ArrayList<>();
        Map<String, String> costReferences = new LinkedHashMap<>();
        for (ServiceRow s : serviceRows) {
            serviceList.add(CentreRows.service(s, entityRows.get(s.entityId()).organisationNumber()));
            if (s.costReference() != null) {
                costReferences.put(s.serviceKey(), s.costReference());
            }
        }
        List<RoomRow> roomRows = tables.rooms().findByCentreIdOrderByPosition(c.id());
        List<Room> roomList = roomRows.stream().map(CentreRows::room).toList();
        Map<String, String> roomNames = new LinkedHashMap<>();
        roomRows.stream().filter(r -> r.name() != null).forEach(r -> roomNames.put(r.roomKey(), r.name()));
        Map<Pool, List<PoolRule>> ruleMap = new EnumMap<>(Pool.class);
        for (PoolRuleRow r : tables.rules().findByCentreIdOrderByPoolAscAndPositionAsc(c.id())) {
            ruleMap.computeIfAbsent(Pool.valueOf(r.pool()), p -> new ArrayList<>()).add(rows.rule(r));
        }
        List<Coordinator> coordinatorList = tables.coordinators().findByCentreIdOrderByPosition(c.id()).stream()
                .map(r -> CentreRows.coordinator(r, tables.coordinatorChanges().findByCoordinatorIdOrderByValidFrom(r.id())))
                .toList();
        List<CostLine> lineList = tables.costLines().findByCentreIdOrderByPosition(c.id()).stream()
                .map(r -> CentreRows.costLine(r, tables.costLineChanges().findByCostLineIdOrderByValidFrom(r.id())))
                .toList();
        Centre centre = new Centre(c.name(), entityList, serviceList, roomList, ruleMap, coordinatorList, lineList,
                CentreRows.rent(c));
        CentreProfile profile = CentreRows.profile(c);
        profile = new CentreProfile(profile.municipality(), profile.region(), profile.establishedOn(),
                profile.localAgreement(), partyReferences.of(c.id()));
        return new CentreDocument(centre, profile, details, costReferences, roomNames);
    }

    // ---- changing a centre ------------------------------------------------

    /**
     * Runs a change of a centre: the issued periods must compute and print the
     * same before and after (RULES §5, {@link HistoryGuard}), and the change is audited. All in one transaction,
     * so a refusal writes nothing.
     */
    public <T> T change(long centreId, String action, String resourceType, String resourceId, Supplier<T> change) {
        CentreDocument before = assemble(centre(centreId));
        T result = change.get();
        CentreDocument after = assemble(centre(centreId));
        guard.check(centreId, before, after);
        audit.record(action, resourceType, resourceId, centreId, null);
        return result;
    }

    /** Creates a centre with its profile, rules and rent recharge; its parts come one at a time or by import. */
    public CentreRow createCentre(Centre centre, CentreProfile profile) {
        ColumnLimits.checkCentre(centre, profile);
        CentreRow row = tables.centres().save(CentreRows.centreRow(null, centre, profile, null));
        tables.rules().saveAll(rows.ruleRows(row.id(), centre.rules()));
        partyReferences.replace(row.id(), profile == null ? java.util.List.of() : profile.partyReferences());
        audit.record("CREATE", "centre", String.valueOf(row.id()), row.id(), centre.name());
        return row;
    }

    public CentreRow updateCentre(long centreId, Centre centre, CentreProfile profile, ExpectedVersion expected) {
        ColumnLimits.checkCentre(centre, profile);
        return change(centreId, "UPDATE", "centre", String.valueOf(centreId), () -> {
            CentreRow current = centre(centreId);
            expected.check(current.version());
            CentreRow row = tables.centres().update(CentreRows.centreRow(centreId, centre, profile, current.version()));
            tables.rules().deleteByCentreId(centreId);
            tables.rules().saveAll(rows.ruleRows(centreId, centre.rules()));
            partyReferences.replace(centreId, profile == null ? List.of() : profile.partyReferences());
            return row;
        });
    }

    public void deleteCentre(long centreId, ExpectedVersion expected) {
        CentreRow current = centre(centreId);
        expected.check(current.version());
        guard.check(centreId, assemble(current), null);
        for (CostLineRow l : tables.costLines().findByCentreIdOrderByPosition(centreId)) {
            tables.costLineChanges().deleteByCostLineId(l.id());
        }
        for (CoordinatorRow c : tables.coordinators().findByCentreIdOrderByPosition(centreId)) {
            tables.coordinatorChanges().deleteByCoordinatorId(c.id());
        }
        tables.costLines().deleteAll(tables.costLines().findByCentreIdOrderByPosition(centreId));
        tables.coordinators().deleteAll(tables.coordinators().findByCentreIdOrderByPosition(centreId));
        tables.rooms().deleteAll(tables.rooms().findByCentreIdOrderByPosition(centreId));
        tables.services().deleteAll(tables.services().findByCentreIdOrderByPosition(centreId));
        tables.rules().deleteByCentreId(centreId);
        tables.centres().delete(current);
        audit.record("DELETE", "centre", String.valueOf(centreId), centreId, current.name());
    }
}
