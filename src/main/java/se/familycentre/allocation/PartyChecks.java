package se.familycentre.allocation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who takes part and where (RULES §1, §2 rooms): the legal entities with their
 * organisationsnummer, the services that belong to them, and the rooms.
 */
final class PartyChecks {

    static final BigDecimal MAX_AREA = new BigDecimal("10000000000");

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
            String path = "entities[" + i + "]";
            if (e.organisationNumber() == null) {
                checks.add(path + ".organisationNumber", "is required");
            } else {
                OrganisationNumber.problemWith(e.organisationNumber())
                        .ifPresent(p -> checks.add(path + ".organisationNumber", "is not a valid organisationsnummer: " + p));
                Integer first = seen.putIfAbsent(OrganisationNumber.normalise(e.organisationNumber()), i);
                if (first != null) {
                    checks.add(path + ".organisationNumber", "duplicates entities[" + first + "] ("
                            + e.organisationNumber() + ")");
                }
            }
            checks.requireText(e.name(), path + ".name");
        }
        return new HashSet<>(seen.keySet());
    }

    private void services(Set<String> entities) {
        if (centre.services().isEmpty()) {
            checks.add("services", "a centre needs at least one service");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < centre.services().size(); i++) {
            Service s = centre.services().get(i);
            String path = "services[" + i + "]";
            if (checks.requireText(s.id(), path + ".id")) {
                Integer first = seen.putIfAbsent(s.id(), i);
                if (first != null) {
                    checks.add(path + ".id", "duplicates the id of services[" + first + "] (" + s.id() + ")");
                } else {
                    checks.services.put(s.id(), s);
                }
            }
            if (s.type() == null) {
                checks.add(path + ".type", "is required");
            }
            checks.maxLength(s.name(), path + ".name", Checks.MAX_NAME);
            if (s.entity() == null) {
                checks.add(path + ".entity", "is required");
            } else if (!entities.contains(OrganisationNumber.normalise(s.entity()))) {
                checks.add(path + ".entity", "no entity of the centre has organisationsnummer " + s.entity());
            }
            checks.dateOrder(s.from(), s.to(), path);
            if (s.type() == ServiceType.OTHER) {
                if (s.pools().contains(Pool.COORDINATOR)) {
                    checks.add(path + ".pools", "an OTHER actor is never in the COORDINATOR pool (RULES §2)");
                }
            } else if (s.type() != null && !s.pools().isEmpty()) {
                checks.add(path + ".pools", "only OTHER actors name their pools; a base service is a member by its type");
            }
        }
    }

    private void rooms() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < centre.rooms().size(); i++) {
            Room r = centre.rooms().get(i);
            String path = "rooms[" + i + "]";
            if (checks.requireText(r.id(), path + ".id")) {
                Integer first = seen.putIfAbsent(r.id(), i);
                if (first != null) {
                    checks.add(path + ".id", "duplicates the id of rooms[" + first + "] (" + r.id() + ")");
                }
            }
            if (r.type() == null) {
                checks.add(path + ".type", "is required");
            }
            if (r.area() == null) {
                checks.add(path + ".area", "is required");
            } else if (r.area().signum() <= 0) {
                checks.add(path + ".area", "must be above 0 m², was " + r.area().toPlainString());
            } else if (r.area().compareTo(MAX_AREA) >= 0) {
                checks.add(path + ".area", "must be below 10 000 000 000 m², was " + r.area().toPlainString());
            } else if (r.area().stripTrailingZeros().scale() > 2) {
                checks.add(path + ".area", "has at most two decimals, was " + r.area().toPlainString());
            }
            if (r.service() != null && !checks.services.containsKey(r.service())) {
                checks.add(path + ".service", "no service of the centre has id " + r.service());
            }
            checks.dateOrder(r.from(), r.to(), path);
        }
    }
}
