package se.familycentre.format;

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

    /** The payment terms of an entity that names none. */
    public static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    /** What a finance department wants on the invoices it receives; {@code null} where not given. */
    public record EntityDetails(String invoiceAddress, String invoiceReference, Integer paymentTermsDays) {

        /** The terms that apply: the entity's own, else the default. */
        public int paymentTerms() {
            return paymentTermsDays == null ? DEFAULT_PAYMENT_TERMS_DAYS : paymentTermsDays;
        }
    }

    /** The details registered for an entity, by its organisationsnummer as the document writes it. */
    public EntityDetails detailsOf(String organisationNumber) {
        EntityDetails d = entityDetails.get(organisationNumber);
        return d == null ? new EntityDetails(null, null, null) : d;
    }
}
