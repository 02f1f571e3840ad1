package se.familycentre.web.api;

import java.util.Map;
import se.familycentre.allocation.Centre;

/**
 * A centre as its JSON document holds it: what the engine needs, its profile,
 * and what only invoicing needs (entities' invoice details by organisationsnummer,
 * services' cost references by service id) or only people (rooms' names by room id).
 */
public record CentreDocument(Centre centre, CentreProfile profile, Map<String, EntityDetails> entityDetails,
                             Map<String, String> costReferences, Map<String, String> roomNames) {

    public CentreDocument {
        entityDetails = entityDetails == null ? Map.of() : Map.copyOf(entityDetails);
        costReferences = costReferences == null ? Map.of() : Map.copyOf(costReferences);
        roomNames = roomNames == null ? Map.of() : Map.copyOf(roomNames);
    }

    public CentreDocument(Centre centre, CentreProfile profile) {
        this(centre, profile, Map.of(), Map.of(), Map.of());
    }

    /** What a finance department wants on the invoices it receives; {@code null} where not given. */
    public record EntityDetails(String invoiceAddress, String invoiceReference, Integer paymentTermsDays) {
    }
}
