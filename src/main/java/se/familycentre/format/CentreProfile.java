package se.familycentre.format;

import java.time.LocalDate;
import java.util.List;

/**
 * What describes a centre without bearing on the shares: where it is, when it opened, its local
 * agreement, and what each of its legal entities wants on this centre's statements.
 */
public record CentreProfile(String municipality, String region, LocalDate establishedOn, LocalAgreement localAgreement,
                            List<PartyReference> partyReferences) {

    public static final CentreProfile NONE = new CentreProfile(null, null, null, null);

    public CentreProfile {
        partyReferences = partyReferences == null ? List.of() : List.copyOf(partyReferences);
    }

    public CentreProfile(String municipality, String region, LocalDate establishedOn, LocalAgreement localAgreement) {
        this(municipality, region, establishedOn, localAgreement, List.of());
    }

    /** The local agreement a statement cites, when the centre has one. */
    public record LocalAgreement(String reference, LocalDate from, LocalDate to) {
    }

    /**
     * What one legal entity wants on this centre's statements when it is the debtor: the buyer's
     * reference (referenskod, which Västra Götalandsregionen and Göteborgs Stad require on every
     * invoice) and the cost centre (kostnadsställe) it posts the centre's costs to.
     */
    public record PartyReference(String organisationNumber, String buyerReference, String costCentre) {
    }

    /** The local agreement's reference, or {@code null} where the regional agreement alone applies. */
    public String agreementReference() {
        return localAgreement == null ? null : localAgreement.reference();
    }

    /** The entity's references on this centre (organisationsnummer with or without the hyphen), or none. */
    public PartyReference referencesOf(String organisationNumber) {
        String digits = organisationNumber.replace("-", "");
        return partyReferences.stream().filter(r -> r.organisationNumber().replace("-", "").equals(digits))
                .findFirst().orElse(new PartyReference(organisationNumber, null, null));
    }
}
