package se.familycentre.centre;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.Violation;
import se.familycentre.format.PartKind;
import se.familycentre.format.PartReader.Part;

/** The tables of a centre's parts, one per {@link PartKind}. */
@Singleton
class PartTables {

    private final Map<PartKind, PartTable<?>> tables;

    PartTables(CentreTables t) {
        this.tables = Map.of(
                PartKind.SERVICES, new Services(t.entities(), t.services()),
                PartKind.ROOMS, new Rooms(t.rooms()),
                PartKind.COORDINATORS, new Coordinators(t.coordinators(), t.coordinatorChanges()),
                PartKind.COST_LINES, new CostLines(t.costLines(), t.costLineChanges()));
    }

    PartTable<?> of(PartKind kind) {
        return tables.get(kind);
    }

    private record Services(LegalEntityRepository entities, ServiceRepository repository) implements PartTable<ServiceRow> {
        public PartKind kind() {
            return PartKind.SERVICES;
        }

        public List<ServiceRow> rows(long centreId) {
            return repository.findByCentreIdOrderByPosition(centreId);
        }

        public Optional<ServiceRow> row(long centreId, String key) {
            return repository.findByCentreIdAndServiceKey(centreId, key);
        }

        public long version(ServiceRow row) {
            return row.version();
        }

        public ServiceRow write(long centreId, ServiceRow current, int position, Part part) {
            Service s = (Service) part.value();
            long entityId = entityId(entities, s.entity(), "entity");
            return current == null
                    ? repository.save(CentreRows.serviceRow(null, centreId, position, s, entityId, part.costReference(), null))
                    : repository.update(CentreRows.serviceRow(current.id(), centreId, current.position(), s, entityId,
                            part.costReference(), current.version()));
        }

        public List<Violation> usesOf(Centre centre, String key) {
            return ServiceUses.of(centre, key);
        }

        public void delete(ServiceRow row) {
            repository.delete(row);
        }
    }

    private record Rooms(RoomRepository repository) implements PartTable<RoomRow> {
        public PartKind kind() {
            return PartKind.ROOMS;
        }

        public List<RoomRow> rows(long centreId) {
            return repository.findByCentreIdOrderByPosition(centreId);
        }

        public Optional<RoomRow> row(long centreId, String key) {
            return repository.findByCentreIdAndRoomKey(centreId, key);
        }

        public long version(RoomRow row) {
            return row.version();
        }

        public RoomRow write(long centreId, RoomRow current, int position, Part part) {
            Room r = (Room) part.value();
            return current == null
                    ? repository.save(CentreRows.roomRow(null, centreId, position, r, part.roomName(), null))
                    : repository.update(CentreRows.roomRow(current.id(), centreId, current.position(), r,
                            part.roomName(), current.version()));
        }

        public void delete(RoomRow row) {
            repository.delete(row);
        }
    }

    private record Coordinators(CoordinatorRepository repository, CoordinatorChangeRepository changes)
            implements PartTable<CoordinatorRow> {
        public PartKind kind() {
            return PartKind.COORDINATORS;
        }

        public List<CoordinatorRow> rows(long centreId) {
            return repository.findByCentreIdOrderByPosition(centreId);
        }

        public Optional<CoordinatorRow> row(long centreId, String key) {
            return repository.findByCentreIdAndCoordinatorKey(centreId, key);
        }

        public long version(CoordinatorRow row) {
            return row.version();
        }

        public CoordinatorRow write(long centreId, CoordinatorRow current, int position, Part part) {
            Coordinator c = (Coordinator) part.value();
            CoordinatorRow row;
            if (current == null) {
                row = repository.save(CentreRows.coordinatorRow(null, centreId, position, c, null));
            } else {
                row = repository.update(CentreRows.coordinatorRow(current.id(), centreId, current.position(), c,
                        current.version()));
                changes.deleteByCoordinatorId(row.id());
            }
            changes.saveAll(CentreRows.changeRows(row.id(), c));
            return row;
        }

        public void delete(CoordinatorRow row) {
            changes.deleteByCoordinatorId(row.id());
            repository.delete(row);
        }
    }

    private record CostLines(CostLineRepository repository, CostLineChangeRepository changes)
            implements PartTable<CostLineRow> {
        public PartKind kind() {
            return PartKind.COST_LINES;
        }

        public List<CostLineRow> rows(long centreId) {
            return repository.findByCentreIdOrderByPosition(centreId);
        }

        public Optional<CostLineRow> row(long centreId, String key) {
            return repository.findByCentreIdAndLineKey(centreId, key);
        }

        public long version(CostLineRow row) {
            return row.version();
        }

        public CostLineRow write(long centreId, CostLineRow current, int position, Part part) {
            CostLine l = (CostLine) part.value();
            CostLineRow row;
            if (current == null) {
                row = repository.save(CentreRows.costLineRow(null, centreId, position, l, null));
            } else {
                row = repository.update(CentreRows.costLineRow(current.id(), centreId, current.position(), l,
                        current.version()));
                changes.deleteByCostLineId(row.id());
            }
            changes.saveAll(CentreRows.changeRows(row.id(), l));
            return row;
        }

        public void delete(CostLineRow row) {
            changes.deleteByCostLineId(row.id());
            repository.delete(row);
        }
    }

    /** The registered entity a service names; an unregistered one is refused before anything is written. */
    static long entityId(LegalEntityRepository entities, String organisationNumber, String field) {
        return entities.findByOrganisationNumber(OrganisationNumber.normalise(organisationNumber))
                .map(LegalEntityRow::id)
                .orElseThrow(() -> new Refusal.InvalidValue(List.of(new Violation(field,
                        "no registered legal entity has organisationsnummer " + organisationNumber
                                + "; register it under /api/v1/entities first"))));
    }
}
