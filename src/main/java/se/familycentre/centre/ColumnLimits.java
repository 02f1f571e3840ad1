package se.familycentre.centre;

import java.util.ArrayList;
import java.util.List;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Violation;
import se.familycentre.format.CentreDocument;
import se.familycentre.format.CentreProfile;
import se.familycentre.format.PartReader.Part;

/**
 * The lengths of the register's text columns that the cost-sharing rules know
 * nothing of (the rules check ids, names and decimals themselves). Checked
 * before any write, so a text too long is refused with its field, never
 * truncated or failed by the database.
 */
final class ColumnLimits {

    static final int ENTITY_NAME = 200;
    static final int INVOICE_ADDRESS = 500;
    static final int INVOICE_REFERENCE = 200;
    static final int CENTRE_NAME = 200;
    static final int MUNICIPALITY = 100;
    static final int REGION = 100;
    static final int AGREEMENT_REFERENCE = 200;
    static final int LEASE_HOLDER = 64;
    static final int COST_REFERENCE = 200;
    static final int ROOM_NAME = 200;
    static final int BUYER_REFERENCE = 200;
    static final int COST_CENTRE = 60;
    static final int INDEX_SERIES = 20;

    private ColumnLimits() {
    }

    static void checkEntity(LegalEntity entity, CentreDocument.EntityDetails details) {
        refuse(entity(new ArrayList<>(), "", entity, details));
    }

    static void checkCentre(Centre centre, CentreProfile profile) {
        refuse(centre(new ArrayList<>(), "", centre, profile));
    }

    static void checkPart(Part part) {
        List<Violation> errors = new ArrayList<>();
        tooLong(errors, "costReference", part.costReference(), COST_REFERENCE);
        tooLong(errors, "name", part.roomName(), ROOM_NAME);
        if (part.value() instanceof CostLine l && l.indexation() != null) {
            tooLong(errors, "indexation.series", l.indexation().series(), INDEX_SERIES);
        }
        refuse(errors);
    }

    /** A whole document, with paths as an import body writes them ({@code centre.services[2].costReference}). */
    static void checkDocument(CentreDocument doc, String root) {
        List<Violation> errors = centre(new ArrayList<>(), root, doc.centre(), doc.profile());
        List<LegalEntity> entities = doc.centre().entities();
        for (int i = 0; i < entities.size(); i++) {
            entity(errors, root + "entities[" + i + "].", entities.get(i), doc.detailsOf(entities.get(i).organisationNumber()));
        }
        for (int i = 0; i < doc.centre().services().size(); i++) {
            tooLong(errors, root + "services[" + i + "].costReference",
                    doc.costReferences().get(doc.centre().services().get(i).id()), COST_REFERENCE);
        }
        refuse(errors);
    }

    private static List<Violation> entity(List<Violation> errors, String path, LegalEntity entity,
                                          CentreDocument.EntityDetails details) {
        tooLong(errors, path + "name", entity.name(), ENTITY_NAME);
        if (details != null) {
            tooLong(errors, path + "invoiceAddress", details.invoiceAddress(), INVOICE_ADDRESS);
            tooLong(errors, path + "invoiceReference", details.invoiceReference(), INVOICE_REFERENCE);
        }
        return errors;
    }

    /** Each entity once, by a valid organisationsnummer, with texts that fit their columns. */
    private static void partyReferences(List<Violation> errors, String path, List<CentreProfile.PartyReference> refs) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            CentreProfile.PartyReference r = refs.get(i);
            String p = path + "partyReferences[" + i + "].";
            if (r.organisationNumber() == null) {
                errors.add(new Violation(p + "organisationNumber", "is required"));
            } else {
                java.util.Optional<String> problem = OrganisationNumber.problemWith(r.organisationNumber());
                if (problem.isPresent()) {
                    errors.add(new Violation(p + "organisationNumber", problem.get()));
                } else if (!seen.add(OrganisationNumber.normalise(r.organisationNumber()))) {
                    errors.add(new Violation(p + "organisationNumber", "names an entity a second time"));
                }
            }
            tooLong(errors, p + "buyerReference", r.buyerReference(), BUYER_REFERENCE);
            tooLong(errors, p + "costCentre", r.costCentre(), COST_CENTRE);
        }
    }

    private static List<Violation> centre(List<Violation> errors, String path, Centre centre, CentreProfile profile) {
        tooLong(errors, path + "name", centre.name(), CENTRE_NAME);
        if (profile != null) {
            tooLong(errors, path + "municipality", profile.municipality(), MUNICIPALITY);
            tooLong(errors, path + "region", profile.region(), REGION);
            tooLong(errors, path + "localAgreement.reference", profile.agreementReference(), AGREEMENT_REFERENCE);
            partyReferences(errors, path, profile.partyReferences());
        }
        if (centre.dedicatedRent() != null) {
            tooLong(errors, path + "dedicatedRent.leaseHolder", centre.dedicatedRent().leaseHolder(), LEASE_HOLDER);
        }
        for (int i = 0; i < centre.costLines().size(); i++) {
            CostLine l = centre.costLines().get(i);
            if (l.indexation() != null) {
                tooLong(errors, path + "costLines[" + i + "].indexation.series", l.indexation().series(), INDEX_SERIES);
            }
        }
        return errors;
    }

    private static void tooLong(List<Violation> errors, String field, String text, int max) {
        if (text != null && text.length() > max) {
            errors.add(new Violation(field, "is at most " + max + " characters, was " + text.length()));
        }
    }

    private static void refuse(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw new Refusal.InvalidValue(errors);
        }
    }
}
