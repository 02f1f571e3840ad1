package se.familycentre.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Violation;
import se.familycentre.statement.EntityInvoicing;

/** A legal entity on its own, as the entity resource reads it: structure first, then its organisationsnummer and name. */
public final class EntityReader {

    static final Set<String> FIELDS = Set.of("organisationNumber", "name", "invoiceAddress", "invoiceReference",
            "paymentTermsDays", "invoicing");
    static final Set<String> INVOICING = Set.of("bankgiro", "plusgiro", "iban", "bic", "vatNumber", "vatTreatment",
            "vatReason", "contact", "peppol", "accounts");
    static final Set<String> CONTACT = Set.of("name", "email", "phone");
    static final Set<String> PEPPOL = Set.of("scheme", "id");
    private static final BigDecimal MAX_TERMS = BigDecimal.valueOf(365);

    private EntityReader() {
    }

    /**
     * An entity and what it wants on its invoices; the organisationsnummer is normalised.
     *
     * @param invoicing how its statements are paid, taxed and posted; null when the body has no
     *                  {@code invoicing} (an update then keeps what is stored)
     */
    public record EntityEntry(LegalEntity entity, CentreDocument.EntityDetails details, EntityInvoicing invoicing) {
    }

    public static EntityEntry read(String body) {
        return read(JsonTree.parseBody(body));
    }

    /** A JSON array of entities, each as {@link #read(String)} reads one (the fixtures' registry). */
    public static List<EntityEntry> readAll(String body) {
        Object value = JsonTree.parseBody(body);
        if (!(value instanceof List<?> list)) {
            throw FormatException.malformed(List.of(new Violation("body", "must be a JSON array of entities")));
        }
        return list.stream().map(EntityReader::read).toList();
    }

    private static EntityEntry read(Object value) {
        JsonFields f = new JsonFields();
        Map<String, Object> m = f.object(value, "", FIELDS);
        if (m == null) {
            throw FormatException.malformed(f.errors());
        }
        String orgNo = f.text(m, "organisationNumber", "");
        String name = f.text(m, "name", "");
        String address = f.multiLineText(m, "invoiceAddress", "");
        String reference = f.text(m, "invoiceReference", "");
        BigDecimal terms = f.decimal(m, "paymentTermsDays", "");
        Raw raw = JsonFields.absent(m, "invoicing") ? null : raw(f, m.get("invoicing"));
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
        EntityInvoicing invoicing = raw == null ? null : invoicing(raw, orgNo == null ? null
                : OrganisationNumber.normalise(orgNo), invalid);
        if (!invalid.isEmpty()) {
            throw new FormatException(FormatException.Kind.OUT_OF_BOUNDS, invalid);
        }
        return new EntityEntry(new LegalEntity(OrganisationNumber.normalise(orgNo), name),
                new CentreDocument.EntityDetails(address, reference, days), invoicing);
    }

    /** The invoicing object's values as given, before their checks. */
    private record Raw(String bankgiro, String plusgiro, String iban, String bic, String vatNumber,
                       EntityInvoicing.VatTreatment vatTreatment, String vatReason, String contactName,
                       String contactEmail, String contactPhone, String peppolScheme, String peppolId,
                       Map<String, String> accounts) {
    }

    private static Raw raw(JsonFields f, Object value) {
        String path = "invoicing";
        Map<String, Object> m = f.object(value, path, INVOICING);
        if (m == null) {
            return null;
        }
        Map<String, Object> contact = JsonFields.absent(m, "contact") ? Map.of()
                : f.object(m.get("contact"), path + ".contact", CONTACT);
        Map<String, Object> peppol = JsonFields.absent(m, "peppol") ? Map.of()
                : f.object(m.get("peppol"), path + ".peppol", PEPPOL);
        Map<String, String> accounts = new java.util.LinkedHashMap<>();
        if (!JsonFields.absent(m, "accounts")) {
            Map<String, Object> a = f.object(m.get("accounts"), path + ".accounts", EntityInvoicing.ACCOUNT_ROLES);
            if (a != null) {
                for (String role : a.keySet()) {
                    String account = f.text(a, role, path + ".accounts");
                    if (account != null) {
                        accounts.put(role, account);
                    }
                }
            }
        }
        return new Raw(f.text(m, "bankgiro", path), f.text(m, "plusgiro", path), f.text(m, "iban", path),
                f.text(m, "bic", path), f.text(m, "vatNumber", path),
                f.enumValue(m, "vatTreatment", path, EntityInvoicing.VatTreatment.class),
                f.multiLineText(m, "vatReason", path),
                contact == null ? null : f.text(contact, "name", path + ".contact"),
                contact == null ? null : f.text(contact, "email", path + ".contact"),
                contact == null ? null : f.text(contact, "phone", path + ".contact"),
                peppol == null ? null : f.text(peppol, "scheme", path + ".peppol"),
                peppol == null ? null : f.text(peppol, "id", path + ".peppol"), accounts);
    }

    /** The checked values: each number's format and check digit, the VAT rules of RULES §5. */
    private static EntityInvoicing invoicing(Raw r, String orgNo, List<Violation> invalid) {
        String bankgiro = checked(r.bankgiro(), "invoicing.bankgiro", PaymentNumbers::problemWithBankgiro,
                PaymentNumbers::normalBankgiro, invalid);
        String plusgiro = checked(r.plusgiro(), "invoicing.plusgiro", PaymentNumbers::problemWithPlusgiro,
                PaymentNumbers::normalPlusgiro, invalid);
        String iban = checked(r.iban(), "invoicing.iban", PaymentNumbers::problemWithIban, PaymentNumbers::normalIban,
                invalid);
        String bic = checked(r.bic(), "invoicing.bic", PaymentNumbers::problemWithBic, t -> t, invalid);
        if (iban != null && bic == null) {
            invalid.add(new Violation("invoicing.bic", "is required with an IBAN"));
        }
        String vat = checked(r.vatNumber(), "invoicing.vatNumber", t -> PaymentNumbers.problemWithVatNumber(t, orgNo),
                t -> t, invalid);
        EntityInvoicing.VatTreatment treatment = r.vatTreatment() == null ? EntityInvoicing.VatTreatment.OUTSIDE_SCOPE
                : r.vatTreatment();
        if (treatment != EntityInvoicing.VatTreatment.OUTSIDE_SCOPE && vat == null && r.vatNumber() == null) {
            invalid.add(new Violation("invoicing.vatNumber", "is required when vatTreatment is " + treatment
                    + " (RULES §5: the statement prints it)"));
        }
        if (treatment == EntityInvoicing.VatTreatment.EXEMPT && (r.vatReason() == null || r.vatReason().isBlank())) {
            invalid.add(new Violation("invoicing.vatReason", "is required when vatTreatment is EXEMPT: the statement "
                    + "prints why no VAT is charged"));
        }
        if (treatment == EntityInvoicing.VatTreatment.STANDARD && r.vatReason() != null) {
            invalid.add(new Violation("invoicing.vatReason", "is only for VAT 0 (OUTSIDE_SCOPE or EXEMPT)"));
        }
        String email = checked(r.contactEmail(), "invoicing.contact.email", PaymentNumbers::problemWithEmail, t -> t,
                invalid);
        String phone = checked(r.contactPhone(), "invoicing.contact.phone", PaymentNumbers::problemWithPhone, t -> t,
                invalid);
        String scheme = r.peppolScheme() == null ? EntityInvoicing.SCHEME_ORGANISATION_NUMBER : r.peppolScheme();
        if (!scheme.matches("\\d{4}")) {
            invalid.add(new Violation("invoicing.peppol.scheme", "is a four-digit ISO 6523 scheme (0007 for an "
                    + "organisationsnummer)"));
        }
        String peppolId = r.peppolId() == null && orgNo != null ? orgNo.replace("-", "") : r.peppolId();
        if (EntityInvoicing.SCHEME_ORGANISATION_NUMBER.equals(scheme) && peppolId != null) {
            if (!peppolId.matches("\\d{10}") || OrganisationNumber.problemWith(peppolId).isPresent()) {
                invalid.add(new Violation("invoicing.peppol.id", "is ten digits with a Luhn check digit under scheme "
                        + "0007 (the organisationsnummer without hyphen)"));
            }
        }
        for (Map.Entry<String, String> a : r.accounts().entrySet()) {
            if (!a.getValue().matches("\\d{4}")) {
                invalid.add(new Violation("invoicing.accounts." + a.getKey(), "is a four-digit BAS account, was \""
                        + a.getValue() + "\""));
            }
        }
        return new EntityInvoicing(bankgiro, plusgiro, iban, bic, vat, treatment, r.vatReason(), r.contactName(),
                email, phone, scheme, peppolId, r.accounts());
    }

    private static String checked(String value, String field, java.util.function.Function<String,
            java.util.Optional<String>> problem, java.util.function.UnaryOperator<String> normal, List<Violation> invalid) {
        if (value == null) {
            return null;
        }
        java.util.Optional<String> p = problem.apply(value);
        if (p.isPresent()) {
            invalid.add(new Violation(field, "is not valid: " + p.get()));
            return null;
        }
        return normal.apply(value);
    }
}
