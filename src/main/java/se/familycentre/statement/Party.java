package se.familycentre.statement;

/**
 * A legal entity as a statement prints it: the copy taken when the statement is made, so an issued
 * statement keeps the payment details, VAT treatment and references it was issued with.
 *
 * @param reference  the debtor's reference ("Er referens"): the centre's buyer reference for this
 *                   entity (referenskod), else the entity's own invoice reference
 * @param costCentre the cost centre (kostnadsställe) this entity wants on this centre's statements
 * @param invoicing  payment details, VAT treatment, contact, PEPPOL endpoint and accounts; never null
 */
public record Party(String organisationNumber, String name, String invoiceAddress, String reference,
                    int paymentTermsDays, String costCentre, EntityInvoicing invoicing) {

    public Party {
        invoicing = invoicing == null ? EntityInvoicing.none() : invoicing;
    }

    /** A party with no cost centre and no invoicing data (VAT outside scope, the default accounts). */
    public Party(String organisationNumber, String name, String invoiceAddress, String reference,
                 int paymentTermsDays) {
        this(organisationNumber, name, invoiceAddress, reference, paymentTermsDays, null, null);
    }

    /** The entity's organisationsnummer as ten digits, as PEPPOL and SIE write it. */
    public String digits() {
        return organisationNumber.replace("-", "");
    }
}
