package se.familycentre.centre;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import se.familycentre.allocation.AmountChange;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.DedicatedRent;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.PercentChange;
import se.familycentre.allocation.Periodicity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.RuleKind;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.ServiceType;
import se.familycentre.allocation.Violation;
import se.familycentre.web.api.CentreDocument;
import se.familycentre.web.api.CentreProfile;
import se.familycentre.web.api.Problems;

/**
 * Stored centres: assembles the engine's {@link Centre} from rows, and writes
 * changes so that the past stays true. Every change of a centre runs through
 * {@link #change}: the centre before and after is handed to the
 * {@link HistoryGuard}, and the change is audited, in one transaction.
 */
@Singleton
@Transactional
public class CentreStore {

    private final LegalEntityRepository entities;
    private final CentreRepository centres;
    private final PoolRuleRepository rules;
    private final ServiceRepository services;
    private final RoomRepository rooms;
    private final CoordinatorRepository coordinators;
    private final CoordinatorChangeRepository coordinatorChanges;
    private final CostLineRepository costLines;
    private final CostLineChangeRepository costLineChanges;
    private final AuditLog audit;
    private final HistoryGuard guard;
    private final JsonMapper json;

    public CentreStore(LegalEntityRepository entities, CentreRepository centres, PoolRuleRepository rules,
                       ServiceRepository services, RoomRepository rooms, CoordinatorRepository coordinators,
                       CoordinatorChangeRepository coordinatorChanges, CostLineRepository costLines,
                       CostLineChangeRepository costLineChanges, AuditLog audit, HistoryGuard guard, JsonMapper json) {
        this.entities = entities;
        this.centres = centres;
        this.rules = rules;
        this.services = services;
        this.rooms = rooms;
        this.coordinators = coordinators;
        this.coordinatorChanges = coordinatorChanges;
        this.costLines = costLines;
        this.costLineChanges = costLineChanges;
        this.audit = audit;
        this.guard = guard;
        this.json = json;
    }

    // ---- reading ---------------------------------------------------------

    @Transactional
    public CentreRow centre(long centreId) {
        return centres.findById(centreId).orElseThrow(() -> Problems.notFound("centre " + centreId));
    }

    /** The centre with all its dated history, as the engine and the format see it. */
    @Transactional
    public CentreDocument document(long centreId) {
        return assemble(centre(centreId));
    }

    CentreDocument assemble(CentreRow c) {
        List<ServiceRow> serviceRows = services.findByCentreIdOrderByPosition(c.id());
        Map<Long, LegalEntityRow> entityRows = new LinkedHashMap<>();
        for (ServiceRow s : serviceRows) {
            entityRows.computeIfAbsent(s.entityId(), id -> entities.findById(id).orElseThrow());
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
            serviceList.add(service(s, entityRows.get(s.entityId()).organisationNumber()));
            if (s.costReference() != null) {
                costReferences.put(s.serviceKey(), s.costReference());
            }
        }
        List<RoomRow> roomRows = rooms.findByCentreIdOrderByPosition(c.id());
        List<Room> roomList = roomRows.stream().map(CentreStore::room).toList();
        Map<String, String> roomNames = new LinkedHashMap<>();
        roomRows.stream().filter(r -> r.name() != null).forEach(r -> roomNames.put(r.roomKey(), r.name()));
        Map<Pool, List<PoolRule>> ruleMap = new EnumMap<>(Pool.class);
        for (PoolRuleRow r : rules.findByCentreIdOrderByPoolAscAndPositionAsc(c.id())) {
            ruleMap.computeIfAbsent(Pool.valueOf(r.pool()), p -> new ArrayList<>())
                    .add(new PoolRule(r.validFrom(), RuleKind.valueOf(r.rule()), percentages(r.percentages())));
        }
        List<Coordinator> coordinatorList = coordinators.findByCentreIdOrderByPosition(c.id()).stream()
                .map(this::coordinator).toList();
        List<CostLine> lineList = costLines.findByCentreIdOrderByPosition(c.id()).stream()
                .map(this::costLine).toList();
        DedicatedRent rent = c.rentLeaseHolder() == null ? null
                : new DedicatedRent(c.rentLeaseHolder(), Sek.sek(c.rentPerSquareMetre()));
        Centre centre = new Centre(c.name(), entityList, serviceList, roomList, ruleMap, coordinatorList, lineList, rent);
        return new CentreDocument(centre, profile(c), details, costReferences, roomNames);
    }

    static CentreProfile profile(CentreRow c) {
        CentreProfile.LocalAgreement agreement = c.agreementReference() == null && c.agreementFrom() == null
                && c.agreementTo() == null ? null
                : new CentreProfile.LocalAgreement(c.agreementReference(), c.agreementFrom(), c.agreementTo());
        return new CentreProfile(c.municipality(), c.region(), c.establishedOn(), agreement);
    }

    private static Service service(ServiceRow s, String organisationNumber) {
        Set<Pool> pools = EnumSet.noneOf(Pool.class);
        if (s.pools() != null && !s.pools().isBlank()) {
            for (String p : s.pools().split(",")) {
                pools.add(Pool.valueOf(p));
            }
        }
        return new Service(s.serviceKey(), ServiceType.valueOf(s.type()), organisationNumber, s.name(),
                s.validFrom(), s.validTo(), s.coLocated(), s.sharesPremises(), pools);
    }

    private static Room room(RoomRow r) {
        return new Room(r.roomKey(), RoomType.valueOf(r.type()), r.area(), r.serviceKey(), r.validFrom(), r.validTo());
    }

    private Coordinator coordinator(CoordinatorRow c) {
        List<AmountChange> salary = new ArrayList<>();
        List<PercentChange> fte = new ArrayList<>();
        List<PercentChange> onCost = new ArrayList<>();
        for (CoordinatorChangeRow ch : coordinatorChanges.findByCoordinatorIdOrderByValidFrom(c.id())) {
            switch (ch.kind()) {
                case "SALARY" -> salary.add(new AmountChange(ch.validFrom(), Sek.sek(ch.changeValue())));
                case "FTE" -> fte.add(new PercentChange(ch.validFrom(), ch.changeValue()));
                case "ON_COST" -> onCost.add(new PercentChange(ch.validFrom(), ch.changeValue()));
                default -> throw new IllegalStateException("unknown coordinator change " + ch.kind());
            }
        }
        return new Coordinator(c.coordinatorKey(), c.name(), c.employerKey(), c.validFrom(), c.validTo(),
                Sek.sek(c.monthlySalary()), salary, c.ftePercent(), fte, c.onCostPercent(), onCost,
                money(c.competenceDevelopment()), money(c.itPerYear()), money(c.otherPerYear()));
    }

    private CostLine costLine(CostLineRow l) {
        List<AmountChange> changes = costLineChanges.findByCostLineIdOrderByValidFrom(l.id()).stream()
                .map(ch -> new AmountChange(ch.validFrom(), Sek.sek(ch.amount()))).toList();
        return new CostLine(l.lineKey(), l.name(), Pool.valueOf(l.pool()), l.payerKey(),
                Periodicity.valueOf(l.periodicity()), Sek.sek(l.amount()), l.validFrom(), l.validTo(), changes,
                l.onceDate(), l.borneBy());
    }

    private static javax.money.MonetaryAmount money(BigDecimal amount) {
        return amount == null ? null : Sek.sek(amount);
    }

    private static BigDecimal decimal(javax.money.MonetaryAmount amount) {
        return amount == null ? null : Sek.decimal(amount);
    }

    private Map<String, BigDecimal> percentages(String text) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        try {
            Map<String, String> raw = json.readValue(text, Argument.mapOf(String.class, String.class));
            raw.forEach((k, v) -> result.put(k, new BigDecimal(v)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String percentagesText(Map<String, BigDecimal> percentages) {
        if (percentages.isEmpty()) {
            return null;
        }
        Map<String, String> raw = new LinkedHashMap<>();
        percentages.forEach((k, v) -> raw.put(k, v.toPlainString()));
        try {
            return json.writeValueAsString(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- changing a centre ------------------------------------------------

    /**
     * Runs a change of a centre: the issued periods must compute the same before
     * and after (RULES §5), and the change is audited. All in one transaction,
     * so a refusal writes nothing.
     */
    public <T> T change(long centreId, String action, String resourceType, String resourceId, Supplier<T> change) {
        Centre before = assemble(centre(centreId)).centre();
        T result = change.get();
        Centre after = assemble(centre(centreId)).centre();
        guard.check(centreId, before, after);
        audit.record(action, resourceType, resourceId, centreId, null);
        return result;
    }

    /** Creates a centre with its profile, rules and rent recharge; children come one at a time or by import. */
    @Transactional
    public CentreRow createCentre(Centre centre, CentreProfile profile) {
        CentreRow row = centres.save(centreRow(null, centre, profile, null));
        writeRules(row.id(), centre.rules());
        audit.record("CREATE", "centre", String.valueOf(row.id()), row.id(), centre.name());
        return row;
    }

    @Transactional
    public CentreRow updateCentre(long centreId, Centre centre, CentreProfile profile, String ifMatch) {
        return change(centreId, "UPDATE", "centre", String.valueOf(centreId), () -> {
            CentreRow current = centre(centreId);
            Versions.check(ifMatch, current.version());
            CentreRow row = centres.update(centreRow(centreId, centre, profile, current.version()));
            rules.deleteByCentreId(centreId);
            writeRules(centreId, centre.rules());
            return row;
        });
    }

    @Transactional
    public void deleteCentre(long centreId, String ifMatch) {
        CentreRow current = centre(centreId);
        Versions.check(ifMatch, current.version());
        guard.check(centreId, assemble(current).centre(), new Centre(current.name(), null, null, null, null, null, null, null));
        for (CostLineRow l : costLines.findByCentreIdOrderByPosition(centreId)) {
            costLineChanges.deleteByCostLineId(l.id());
        }
        for (CoordinatorRow c : coordinators.findByCentreIdOrderByPosition(centreId)) {
            coordinatorChanges.deleteByCoordinatorId(c.id());
        }
        costLines.deleteAll(costLines.findByCentreIdOrderByPosition(centreId));
        coordinators.deleteAll(coordinators.findByCentreIdOrderByPosition(centreId));
        rooms.deleteAll(rooms.findByCentreIdOrderByPosition(centreId));
        services.deleteAll(services.findByCentreIdOrderByPosition(centreId));
        rules.deleteByCentreId(centreId);
        centres.delete(current);
        audit.record("DELETE", "centre", String.valueOf(centreId), centreId, current.name());
    }

    private static CentreRow centreRow(Long id, Centre centre, CentreProfile profile, Long version) {
        CentreProfile p = profile == null ? new CentreProfile(null, null, null, null) : profile;
        CentreProfile.LocalAgreement a = p.localAgreement();
        DedicatedRent rent = centre.dedicatedRent();
        return new CentreRow(id, centre.name(), p.municipality(), p.region(), p.establishedOn(),
                a == null ? null : a.reference(), a == null ? null : a.from(), a == null ? null : a.to(),
                rent == null ? null : rent.leaseHolder(), rent == null ? null : decimal(rent.rentPerSquareMetreYear()),
                version);
    }

    private void writeRules(long centreId, Map<Pool, List<PoolRule>> ruleMap) {
        ruleMap.forEach((pool, list) -> {
            for (int i = 0; i < list.size(); i++) {
                PoolRule r = list.get(i);
                rules.save(new PoolRuleRow(null, centreId, pool.name(), i, r.from(), r.rule().name(),
                        percentagesText(r.percentages())));
            }
        });
    }

    /** The version (ETag) of a part of a centre: kind is services, rooms, coordinators or cost-lines. */
    public Optional<Long> version(long centreId, String kind, String key) {
        return switch (kind) {
            case "services" -> services.findByCentreIdAndServiceKey(centreId, key).map(ServiceRow::version);
            case "rooms" -> rooms.findByCentreIdAndRoomKey(centreId, key).map(RoomRow::version);
            case "coordinators" -> coordinators.findByCentreIdAndCoordinatorKey(centreId, key).map(CoordinatorRow::version);
            case "cost-lines" -> costLines.findByCentreIdAndLineKey(centreId, key).map(CostLineRow::version);
            default -> Optional.empty();
        };
    }

    // ---- services ---------------------------------------------------------

    public ServiceRow putService(long centreId, String key, Service s, String costReference, String ifMatch, boolean create) {
        return change(centreId, create ? "CREATE" : "UPDATE", "service", centreId + "/" + s.id(), () -> {
            Optional<ServiceRow> existing = services.findByCentreIdAndServiceKey(centreId, s.id());
            long entityId = entityIdFor(s.entity(), "entity");
            if (create) {
                if (existing.isPresent()) {
                    throw Problems.conflict("the centre already has a service with id " + s.id(),
                            List.of(new Violation("id", "is taken by another service of the centre")));
                }
                int position = services.findByCentreIdOrderByPosition(centreId).size();
                return services.save(serviceRow(null, centreId, position, s, entityId, costReference, null));
            }
            ServiceRow current = existing.orElseThrow(() -> Problems.notFound("service " + key + " of centre " + centreId));
            Versions.check(ifMatch, current.version());
            return services.update(serviceRow(current.id(), centreId, current.position(), s, entityId, costReference,
                    current.version()));
        });
    }

    public void deleteService(long centreId, String key, String ifMatch) {
        change(centreId, "DELETE", "service", centreId + "/" + key, () -> {
            ServiceRow current = services.findByCentreIdAndServiceKey(centreId, key)
                    .orElseThrow(() -> Problems.notFound("service " + key + " of centre " + centreId));
            Versions.check(ifMatch, current.version());
            List<Violation> uses = usesOf(assemble(centre(centreId)).centre(), key);
            if (!uses.isEmpty()) {
                throw Problems.conflict("service " + key + " is still named by other parts of the centre; "
                        + "change or remove them first (or end the service's participation with a to date)", uses);
            }
            services.delete(current);
            return null;
        });
    }

    /** The parts of a centre that name a service: a service in use cannot be deleted. */
    private static List<Violation> uses(Centre c, String key, List<Violation> uses) {
        for (int i = 0; i < c.coordinators().size(); i++) {
            if (key.equals(c.coordinators().get(i).employer())) {
                uses.add(new Violation("coordinators[" + i + "].employer", "names " + key));
            }
        }
        for (int i = 0; i < c.costLines().size(); i++) {
            CostLine l = c.costLines().get(i);
            if (key.equals(l.payer()) || key.equals(l.borneBy())) {
                uses.add(new Violation("costLines[" + i + "]" + (key.equals(l.payer()) ? ".payer" : ".borneBy"), "names " + key));
            }
        }
        for (int i = 0; i < c.rooms().size(); i++) {
            if (key.equals(c.rooms().get(i).service())) {
                uses.add(new Violation("rooms[" + i + "].service", "names " + key));
            }
        }
        c.rules().forEach((pool, list) -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).percentages().containsKey(key)) {
                    uses.add(new Violation("rules." + pool + "[" + i + "].percentages." + key, "names " + key));
                }
            }
        });
        if (c.dedicatedRent() != null && key.equals(c.dedicatedRent().leaseHolder())) {
            uses.add(new Violation("dedicatedRent.leaseHolder", "names " + key));
        }
        return uses;
    }

    private static List<Violation> usesOf(Centre c, String key) {
        return uses(c, key, new ArrayList<>());
    }

    private long entityIdFor(String organisationNumber, String field) {
        return entities.findByOrganisationNumber(OrganisationNumber.normalise(organisationNumber))
                .map(LegalEntityRow::id)
                .orElseThrow(() -> new se.familycentre.web.api.ProblemException(422,
                        se.familycentre.web.api.ProblemException.INVALID, "Unknown legal entity",
                        "no registered legal entity has organisationsnummer " + organisationNumber,
                        List.of(new Violation(field, "no registered legal entity has organisationsnummer "
                                + organisationNumber + "; register it under /api/v1/entities first"))));
    }

    private static ServiceRow serviceRow(Long id, long centreId, int position, Service s, long entityId,
                                         String costReference, Long version) {
        String pools = s.pools().isEmpty() ? null : String.join(",", s.pools().stream().sorted().map(Enum::name).toList());
        return new ServiceRow(id, centreId, position, s.id(), s.type().name(), entityId, s.name(), s.from(), s.to(),
                s.coLocated(), s.sharesPremisesGiven(), pools, costReference, version);
    }

    // ---- rooms ------------------------------------------------------------

    public RoomRow putRoom(long centreId, String key, Room r, String name, String ifMatch, boolean create) {
        return change(centreId, create ? "CREATE" : "UPDATE", "room", centreId + "/" + r.id(), () -> {
            Optional<RoomRow> existing = rooms.findByCentreIdAndRoomKey(centreId, r.id());
            if (create) {
                if (existing.isPresent()) {
                    throw Problems.conflict("the centre already has a room with id " + r.id(),
                            List.of(new Violation("id", "is taken by another room of the centre")));
                }
                int position = rooms.findByCentreIdOrderByPosition(centreId).size();
                return rooms.save(roomRow(null, centreId, position, r, name, null));
            }
            RoomRow current = existing.orElseThrow(() -> Problems.notFound("room " + key + " of centre " + centreId));
            Versions.check(ifMatch, current.version());
            return rooms.update(roomRow(current.id(), centreId, current.position(), r, name, current.version()));
        });
    }

    public void deleteRoom(long centreId, String key, String ifMatch) {
        change(centreId, "DELETE", "room", centreId + "/" + key, () -> {
            RoomRow current = rooms.findByCentreIdAndRoomKey(centreId, key)
                    .orElseThrow(() -> Problems.notFound("room " + key + " of centre " + centreId));
            Versions.check(ifMatch, current.version());
            rooms.delete(current);
            return null;
        });
    }

    private static RoomRow roomRow(Long id, long centreId, int position, Room r, String name, Long version) {
        return new RoomRow(id, centreId, position, r.id(), r.type().name(), name, r.area(), r.service(), r.from(),
                r.to(), version);
    }

    // ---- coordinators -----------------------------------------------------

    public CoordinatorRow putCoordinator(long centreId, String key, Coordinator c, String ifMatch, boolean create) {
        return change(centreId, create ? "CREATE" : "UPDATE", "coordinator", centreId + "/" + c.id(), () -> {
            Optional<CoordinatorRow> existing = coordinators.findByCentreIdAndCoordinatorKey(centreId, c.id());
            CoordinatorRow row;
            if (create) {
                if (existing.isPresent()) {
                    throw Problems.conflict("the centre already has a coordinator with id " + c.id(),
                            List.of(new Violation("id", "is taken by another coordinator of the centre")));
                }
                int position = coordinators.findByCentreIdOrderByPosition(centreId).size();
                row = coordinators.save(coordinatorRow(null, centreId, position, c, null));
            } else {
                CoordinatorRow current = existing.orElseThrow(
                        () -> Problems.notFound("coordinator " + key + " of centre " + centreId));
                Versions.check(ifMatch, current.version());
                row = coordinators.update(coordinatorRow(current.id(), centreId, current.position(), c, current.version()));
                coordinatorChanges.deleteByCoordinatorId(row.id());
            }
            writeChanges(row.id(), c);
            return row;
        });
    }

    public void deleteCoordinator(long centreId, String key, String ifMatch) {
        change(centreId, "DELETE", "coordinator", centreId + "/" + key, () -> {
            CoordinatorRow current = coordinators.findByCentreIdAndCoordinatorKey(centreId, key)
                    .orElseThrow(() -> Problems.notFound("coordinator " + key + " of centre " + centreId));
            Versions.check(ifMatch, current.version());
            coordinatorChanges.deleteByCoordinatorId(current.id());
            coordinators.delete(current);
            return null;
        });
    }

    private static CoordinatorRow coordinatorRow(Long id, long centreId, int position, Coordinator c, Long version) {
        return new CoordinatorRow(id, centreId, position, c.id(), c.name(), c.employer(), c.from(), c.to(),
                Sek.decimal(c.monthlySalary()), c.ftePercent(), c.onCostPercent(),
                decimal(c.competenceDevelopmentPerYear()), decimal(c.itPerYear()), decimal(c.otherPerYear()), version);
    }

    // ---- cost lines -------------------------------------------------------

    public CostLineRow putCostLine(long centreId, String key, CostLine l, String ifMatch, boolean create) {
        return change(centreId, create ? "CREATE" : "UPDATE", "cost-line", centreId + "/" + l.id(), () -> {
            Optional<CostLineRow> existing = costLines.findByCentreIdAndLineKey(centreId, l.id());
            CostLineRow row;
            if (create) {
                if (existing.isPresent()) {
                    throw Problems.conflict("the centre already has a cost line with id " + l.id(),
                            List.of(new Violation("id", "is taken by another cost line of the centre")));
                }
                int position = costLines.findByCentreIdOrderByPosition(centreId).size();
                row = costLines.save(costLineRow(null, centreId, position, l, null));
            } else {
                CostLineRow current = existing.orElseThrow(
                        () -> Problems.notFound("cost line " + key + " of centre " + centreId));
                Versions.check(ifMatch, current.version());
                row = costLines.update(costLineRow(current.id(), centreId, current.position(), l, current.version()));
                costLineChanges.deleteByCostLineId(row.id());
            }
            writeChanges(row.id(), l);
            return row;
        });
    }

    public void deleteCostLine(long centreId, String key, String ifMatch) {
        change(centreId, "DELETE", "cost-line", centreId + "/" + key, () -> {
            CostLineRow current = costLines.findByCentreIdAndLineKey(centreId, key)
                    .orElseThrow(() -> Problems.notFound("cost line " + key + " of centre " + centreId));
            Versions.check(ifMatch, current.version());
            costLineChanges.deleteByCostLineId(current.id());
            costLines.delete(current);
            return null;
        });
    }

    private static CostLineRow costLineRow(Long id, long centreId, int position, CostLine l, Long version) {
        return new CostLineRow(id, centreId, position, l.id(), l.name(), l.pool().name(), l.payer(),
                l.periodicity().name(), Sek.decimal(l.amount()), l.from(), l.to(), l.date(), l.borneBy(), version);
    }

    /** A coordinator's dated salary, FTE and on-cost changes, as rows. */
    private void writeChanges(long coordinatorId, Coordinator c) {
        c.salaryChanges().forEach(ch -> coordinatorChanges.save(
                new CoordinatorChangeRow(null, coordinatorId, "SALARY", ch.from(), Sek.decimal(ch.amount()))));
        c.fteChanges().forEach(ch -> coordinatorChanges.save(
                new CoordinatorChangeRow(null, coordinatorId, "FTE", ch.from(), ch.percent())));
        c.onCostChanges().forEach(ch -> coordinatorChanges.save(
                new CoordinatorChangeRow(null, coordinatorId, "ON_COST", ch.from(), ch.percent())));
    }

    /** A cost line's dated amounts, as rows. */
    private void writeChanges(long costLineId, CostLine l) {
        l.changes().forEach(ch -> costLineChanges.save(
                new CostLineChangeRow(null, costLineId, ch.from(), Sek.decimal(ch.amount()))));
    }

    // ---- import -----------------------------------------------------------

    /**
     * Stores a whole centre document. Entities are matched by organisationsnummer;
     * where the stored details differ the import is refused with the differences,
     * never merged. The document's ids become the stored ids.
     */
    @Transactional
    public CentreRow importDocument(CentreDocument doc) {
        Centre centre = doc.centre();
        List<Violation> differences = new ArrayList<>();
        Map<String, Long> entityIds = new LinkedHashMap<>();
        for (int i = 0; i < centre.entities().size(); i++) {
            LegalEntity e = centre.entities().get(i);
            String orgNo = OrganisationNumber.normalise(e.organisationNumber());
            CentreDocument.EntityDetails d = doc.entityDetails().get(e.organisationNumber());
            Optional<LegalEntityRow> stored = entities.findByOrganisationNumber(orgNo);
            if (stored.isPresent()) {
                LegalEntityRow s = stored.get();
                String path = "centre.entities[" + i + "]";
                differs(differences, path + ".name", s.name(), e.name());
                if (d != null) {
                    differs(differences, path + ".invoiceAddress", s.invoiceAddress(), d.invoiceAddress());
                    differs(differences, path + ".invoiceReference", s.invoiceReference(), d.invoiceReference());
                    // an absent paymentTermsDays is the default an import registers (30), not a difference
                    differs(differences, path + ".paymentTermsDays", s.paymentTermsDays(),
                            d.paymentTermsDays() == null ? 30 : d.paymentTermsDays());
                }
                entityIds.put(orgNo, s.id());
            }
        }
        if (!differences.isEmpty()) {
            throw Problems.conflict("the document's legal entities differ from the registered ones; "
                    + "update the entities first or correct the document", differences);
        }
        for (LegalEntity e : centre.entities()) {
            String orgNo = OrganisationNumber.normalise(e.organisationNumber());
            if (!entityIds.containsKey(orgNo)) {
                CentreDocument.EntityDetails d = doc.entityDetails().get(e.organisationNumber());
                LegalEntityRow row = entities.save(new LegalEntityRow(null, orgNo, e.name(),
                        d == null ? null : d.invoiceAddress(), d == null ? null : d.invoiceReference(),
                        d == null || d.paymentTermsDays() == null ? 30 : d.paymentTermsDays(), null));
                audit.record("CREATE", "entity", orgNo, null, e.name() + " (by import)");
                entityIds.put(orgNo, row.id());
            }
        }
        CentreRow row = centres.save(centreRow(null, centre, doc.profile(), null));
        long id = row.id();
        writeRules(id, centre.rules());
        for (int i = 0; i < centre.services().size(); i++) {
            Service s = centre.services().get(i);
            services.save(serviceRow(null, id, i, s, entityIds.get(OrganisationNumber.normalise(s.entity())),
                    doc.costReferences().get(s.id()), null));
        }
        for (int i = 0; i < centre.rooms().size(); i++) {
            Room room = centre.rooms().get(i);
            rooms.save(roomRow(null, id, i, room, doc.roomNames().get(room.id()), null));
        }
        for (int i = 0; i < centre.coordinators().size(); i++) {
            Coordinator c = centre.coordinators().get(i);
            writeChanges(coordinators.save(coordinatorRow(null, id, i, c, null)).id(), c);
        }
        for (int i = 0; i < centre.costLines().size(); i++) {
            CostLine l = centre.costLines().get(i);
            writeChanges(costLines.save(costLineRow(null, id, i, l, null)).id(), l);
        }
        audit.record("IMPORT", "centre", String.valueOf(id), id, centre.name());
        return row;
    }

    private static void differs(List<Violation> differences, String field, Object stored, Object given) {
        if (!Objects.equals(stored, given)) {
            differences.add(new Violation(field, "stored \"" + stored + "\", the document says \"" + given + "\""));
        }
    }
}
