package se.familycentre.statement;

/** A legal entity as a statement prints it: the copy taken when the statement is made. */
public record Party(String organisationNumber, String name, String invoiceAddress, String reference,
                    int paymentTermsDays) {
}
