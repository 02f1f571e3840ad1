package se.familycentre.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Violation;

/** A legal entity on its own, as the entity resource reads it: structure first, then its organisationsnummer and name. */
public final class EntityReader {

    static final Set<String> FIELDS = Set.of("organisationNumber", "name", "invoiceAddress", "invoiceReference",
            "paymentTermsDays");
    private static final BigDecimal MAX_TERMS = BigDecimal.valueOf(365);

    private EntityReader() {
    }

    /** An entity and what it wants on its invoices; the organisationsnummer is normalised. */
    public record EntityEntry(LegalEntity entity, CentreDocument.EntityDetails details) {
    }

    public static EntityEntry read(String body) {
        JsonFields f = new JsonFields();
        Map<String, Object> m = f.object(JsonTree.parseBody(body), "", FIELDS);
        if (m == null) {
            throw FormatException.malformed(f.errors());
        }
        String orgNo = f.text(m, "organisationNumber", "");
        String name = f.text(m, "name", "");
        String address = f.multiLineText(m, "invoiceAddress", "");
        String reference = f.text(m, "invoiceReference", "");
        BigDecimal terms = f.decimal(m, "paymentTermsDays", "");
        if (!f.errors().isEmpty()) {
            throw FormatException.malformed(f.errors());
        }
        List<Violation> invalid = new ArrayList<>(f.refused());
        if (orgNo == null) {
            invalid.add(new Violation("organisationNumber", "is required"));
        } else {
            OrganisationNumber.problemWith(orgNo).ifPresent(p ->
                    invalid.add(new Violation("organisationNumber", "is not a valid organisationsnummer: " + p)));
        }
        if (name == null || name.isBlank()) {
            invalid.add(new Violation("name", "is required"));
        }
        Integer days = null;
        if (terms != null) {
            if (terms.stripTrailingZeros().scale() > 0 || terms.signum() < 0 || terms.compareTo(MAX_TERMS) > 0) {
                invalid.add(new Violation("paymentTermsDays", "is a whole number of days from 0 to 365, was "
                        + terms.toPlainString()));
            } else {
                days = terms.intValue();
            }
        }
        if (!invalid.isEmpty()) {
            throw new FormatException(FormatException.Kind.OUT_OF_BOUNDS, invalid);
        }
        return new EntityEntry(new LegalEntity(OrganisationNumber.normalise(orgNo), name),
                new CentreDocument.EntityDetails(address, reference, days));
    }
}
