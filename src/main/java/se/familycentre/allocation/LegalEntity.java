package se.familycentre.allocation;

/**
 * A legal entity (region, municipality, private health centre) that runs one
 * or more services. Its organisationsnummer is kept as given and checked by
 * {@link CentreValidator}; {@link OrganisationNumber} is the checked value.
 */
public record LegalEntity(String organisationNumber, String name) {
}
