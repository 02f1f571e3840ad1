package se.familycentre.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.LegalEntityRow;

/** The JSON of a legal entity on its own: structure (400), then the organisationsnummer and the name (422). */
final class EntityFormat {

    static final Set<String> FIELDS = Set.of("organisationNumber", "name", "invoiceAddress", "invoiceReference",
            "paymentTermsDays");

    private EntityFormat() {
    }

    static LegalEntityRow read(String body) {
        JsonFields f = new JsonFields();
        Map<String, Object> m = f.object(CentreFormat.parseBody(body), "", FIELDS);
        if (m == null) {
            throw ProblemException.malformed(f.errors());
        }
        String orgNo = f.text(m, "organisationNumber", "");
        String name = f.text(m, "name", "");
        String address = f.text(m, "invoiceAddress", "");
        String reference = f.text(m, "invoiceReference", "");
        java.math.BigDecimal terms = f.decimal(m, "paymentTermsDays", "");
        if (!f.errors().isEmpty()) {
            throw ProblemException.malformed(f.errors());
        }
        List<Violation> invalid = new ArrayList<>();
        if (orgNo == null) {
            invalid.add(new Violation("organisationNumber", "is required"));
        } else {
            OrganisationNumber.problemWith(orgNo).ifPresent(p ->
                    invalid.add(new Violation("organisationNumber", "is not a valid organisationsnummer: " + p)));
        }
        if (name == null || name.isBlank()) {
            invalid.add(new Violation("name", "is required"));
        }
        tooLong(invalid, "name", name, 200);
        tooLong(invalid, "invoiceAddress", address, 500);
        tooLong(invalid, "invoiceReference", reference, 200);
        int days = 30;
        if (terms != null) {
            if (terms.scale() > 0 && terms.stripTrailingZeros().scale() > 0 || terms.signum() < 0
                    || terms.compareTo(java.math.BigDecimal.valueOf(365)) > 0) {
                invalid.add(new Violation("paymentTermsDays", "is a whole number of days from 0 to 365, was "
                        + terms.toPlainString()));
            } else {
                days = terms.intValue();
            }
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        return new LegalEntityRow(null, OrganisationNumber.normalise(orgNo), name, address, reference, days, null);
    }

    /** The columns' lengths: a longer text is a 422, never a database error (500). */
    static void tooLong(List<Violation> invalid, String field, String text, int max) {
        if (text != null && text.length() > max) {
            invalid.add(new Violation(field, "is at most " + max + " characters, was " + text.length()));
        }
    }
}
