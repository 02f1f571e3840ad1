package se.familycentre.web.api;

import java.time.LocalDate;

/** What describes a centre without bearing on the shares: where it is, when it opened, its local agreement. */
public record CentreProfile(String municipality, String region, LocalDate establishedOn, LocalAgreement localAgreement) {

    /** The local agreement a statement cites, when the centre has one. */
    public record LocalAgreement(String reference, LocalDate from, LocalDate to) {
    }
}
