package se.familycentre.format;

import java.time.LocalDate;

/** What describes a centre without bearing on the shares: where it is, when it opened, its local agreement. */
public record CentreProfile(String municipality, String region, LocalDate establishedOn, LocalAgreement localAgreement) {

    public static final CentreProfile NONE = new CentreProfile(null, null, null, null);

    /** The local agreement a statement cites, when the centre has one. */
    public record LocalAgreement(String reference, LocalDate from, LocalDate to) {
    }

    /** The local agreement's reference, or {@code null} where the regional agreement alone applies. */
    public String agreementReference() {
        return localAgreement == null ? null : localAgreement.reference();
    }
}
