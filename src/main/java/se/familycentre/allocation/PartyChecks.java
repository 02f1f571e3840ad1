package se.familycentre.allocation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who takes part and where (RULES §1, §2 rooms): the legal entities with their
 * organisationsnummer, the services that belong to them, and the rooms.
 */
final class PartyChecks {

    static final BigDecimal MAX_AREA = new BigDecimal("10000000000");
    private static final Field ENTITIES = Field.root("entities");
    private static final Field SERVICES = Field.root("services");
    private static final Field ROOMS = Field.root("rooms");

    private final Centre centre;
    private final Checks checks;

    PartyChecks(Centre centre, Checks checks) {
        this.centre = centre;
        this.checks = checks;
    }

    void check() {
        checks.maxLength(centre.name(), "name", Checks.MAX_NAME);
        Set<String> entities = entities();
        services(entities);
        rooms();
    }

    /** @return the entities' normalised organisationsnummer */
    private Set<String> entities() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < centre.entities().size(); i++) {
            LegalEntity e = centre.entities().get(i);
            Field path = ENTITIES.at(i);
            if (e.organisationNumber() == null) {
                checks.add(path.dot("organisationNumber"), "is required");
            } else {
                String problem = OrganisationNumber.problem(e.organisationNumber());
                if (problem != null) {
                    checks.add(path.dot("organisationNumber"), "is not a valid organisationsnummer: " + problem);
                }
                Integer first = seen.putIfAbsent(OrganisationNumber.normalise(e.organisationNumber()), i);
                if (first != null) {
                    checks.add(path.dot("organisationNumber"), "duplicates entities[" + first + "] ("
                            + e.organisationNumber() + ")");
                }
            }
            checks.requireText(e.name(), path.dot("name"));
        }
        return seen.keySet();
    }

    private void services(Set<String> entities) {
        if (centre.services().isEmpty()) {
            checks.add("services", "a centre needs at least one service");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < centre.services().size(); i++) {
            Service s = centre.services().get(i);
            Field path = SERVICES.at(i);
            if (checks.requireText(s.id(), path.dot("id"))) {
                Integer first = seen.putIfAbsent(s.id(), i);
                if (first != null) {
                    checks.add(path.dot("id"), "duplicates the id of services[" + first + "] (" + s.id() + ")");
                } else {
                    checks.services.put(s.id(), s);
                }
            }
            if (s.type() == null) {
                checks.add(path.dot("type"), "is required");
            }
            checks.maxLength(s.name(), path.dot("name"), Checks.MAX_NAME);
            if (s.entity() == null) {
                checks.add(path.dot("entity"), "is required");
            } else if (!entities.contains(OrganisationNumber.normalise(s.entity()))) {
                checks.add(path.dot("entity"), "no entity of the centre has organisationsnummer " + s.entity());
            }
            checks.dateOrder(s.from(), s.to(), path);
            if (s.type() == ServiceType.OTHER) {
                if (s.pools().contains(Pool.COORDINATOR)) {
                    checks.add(path.dot("pools"), "an OTHER actor is never in the COORDINATOR pool (RULES §2)");
                }
            } else if (s.type() != null && !s.pools().isEmpty()) {
                checks.add(path.dot("pools"), "only OTHER actors name their pools; a base service is a member by its type");
            }
        }
    }

    private void rooms() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < centre.rooms().size(); i++) {
            Room r = centre.rooms().get(i);
            Field path = ROOMS.at(i);
            if (checks.requireText(r.id(), path.dot("id"))) {
                Integer first = seen.putIfAbsent(r.id(), i);
                if (first != null) {
                    checks.add(path.dot("id"), "duplicates the id of rooms[" + first + "] (" + r.id() + ")");
                }
            }
            if (r.type() == null) {
                checks.add(path.dot("type"), "is required");
            }
            if (r.area() == null) {
                checks.add(path.dot("area"), "is required");
            } else if (r.area().signum() <= 0) {
                checks.add(path.dot("area"), "must be above 0 m², was " + r.area().toPlainString());
            } else if (r.area().compareTo(MAX_AREA) >= 0) {
                checks.add(path.dot("area"), "must be below 10 000 000 000 m², was " + r.area().toPlainString());
            } else if (r.area().scale() > 2 && r.area().stripTrailingZeros().scale() > 2) {
                checks.add(path.dot("area"), "has at most two decimals, was " + r.area().toPlainString());
            }
            if (r.service() != null && !checks.services.containsKey(r.service())) {
                checks.add(path.dot("service"), "no service of the centre has id " + r.service());
            }
            checks.dateOrder(r.from(), r.to(), path);
        }
    }
}
