package se.familycentre.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.access.Actor;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.EntityRegistry;
import se.familycentre.centre.ExpectedVersion;
import se.familycentre.centre.LegalEntityRow;
import se.familycentre.centre.Refusal;
import se.familycentre.format.CentreDocument;
import se.familycentre.format.EntityReader;
import se.familycentre.format.FormatException;
import se.familycentre.statement.EntityInvoicing;

/**
 * The legal entities for administrators (issue 12): the list with their invoicing data, and a form
 * to register one or change one with every value the API's entity resource takes. The form is read
 * by the same reader as the API's JSON, so the refusals are the API's (a Luhn check digit, a
 * bankgiro's format, the VAT rules), shown in Swedish next to their fields with status 422.
 */
@Hidden
@Controller("/admin/organisationer")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AdminEntityPageController {

    static final String PATH = "/admin/organisationer";

    /** The form's account fields, by the posting role they set. */
    static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("receivable", "Kundfordran");
        ACCOUNTS.put("revenue", "Intäkt");
        ACCOUNTS.put("cost", "Kostnad");
        ACCOUNTS.put("payable", "Leverantörsskuld");
        ACCOUNTS.put("vatOutput", "Utgående moms");
        ACCOUNTS.put("vatInput", "Ingående moms");
    }

    /** The database's widths of what the reader does not limit. */
    private static final Map<String, Integer> WIDTHS = Map.of("vatReason", 500, "contactName", 200,
            "contactEmail", 200, "contactPhone", 30, "peppolId", 50);

    private final EntityRegistry registry;
    private final JsonMapper json;

    public AdminEntityPageController(EntityRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String sparad) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, Object> model = Pages.model(gate.admin(), "Organisationer");
        List<LegalEntityRow> rows = registry.list(Pageable.from(0, 1000, Sort.of(Sort.Order.asc("name"))))
                .getContent();
        model.put("entities", rows.stream().map(this::row).toList());
        if (sparad != null) {
            rows.stream().filter(r -> r.organisationNumber().equals(sparad)).findFirst().ifPresent(r ->
                    model.put("notice", "Organisationen " + r.name() + " (" + r.organisationNumber() + ") är sparad."));
        }
        return HttpResponse.ok(new ModelAndView<>("adminEntities", model));
    }

    @Get("/ny")
    public HttpResponse<?> newForm(HttpRequest<?> request) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        return HttpResponse.ok(new ModelAndView<>("adminEntity",
                formModel(gate.admin(), null, values(null, EntityInvoicing.none()), Map.of())));
    }

    @Post("/ny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, @Body Map<String, Object> form) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            EntityReader.EntityEntry entry = read(form, null, errors);
            if (entry != null) {
                LegalEntityRow row = registry.create(entry.entity(), entry.details(), entry.invoicing());
                return AdminPages.redirect(PATH + "?sparad=" + row.organisationNumber());
            }
        } catch (FormatException e) {
            e.errors().forEach(v -> refusal(v, errors));
        } catch (Refusal.Conflict | Refusal.InvalidValue e) {
            e.errors().forEach(v -> refusal(v, errors));
        }
        return AdminPages.refused(HttpStatus.UNPROCESSABLE_ENTITY, "adminEntity",
                formModel(gate.admin(), null, AdminPages.texts(form), errors));
    }

    @Get("/{id}")
    public HttpResponse<?> editForm(HttpRequest<?> request, @PathVariable String id) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        LegalEntityRow row = find(id);
        if (row == null) {
            return AdminPages.notFound(gate.admin());
        }
        return HttpResponse.ok(new ModelAndView<>("adminEntity",
                formModel(gate.admin(), row, values(row, registry.invoicingOf(row.id())), Map.of())));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> update(HttpRequest<?> request, @PathVariable String id, @Body Map<String, Object> form) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        LegalEntityRow row = find(id);
        if (row == null) {
            return AdminPages.notFound(gate.admin());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        Map<String, String> entered = AdminPages.texts(form);
        entered.put("organisationNumber", row.organisationNumber());
        try {
            EntityReader.EntityEntry entry = read(form, row.organisationNumber(), errors);
            String version = AdminPages.value(form, "version");
            if (entry != null) {
                LegalEntityRow changed = registry.update(String.valueOf(row.id()), entry.entity(), entry.details(),
                        entry.invoicing(), version == null || !version.matches("\\d{1,18}") ? ExpectedVersion.NONE
                                : ExpectedVersion.of(Long.parseLong(version)));
                return AdminPages.redirect(PATH + "?sparad=" + changed.organisationNumber());
            }
        } catch (FormatException e) {
            e.errors().forEach(v -> refusal(v, errors));
        } catch (Refusal.Conflict | Refusal.InvalidValue e) {
            e.errors().forEach(v -> refusal(v, errors));
        } catch (Refusal.StaleVersion | Refusal.VersionRequired e) {
            status = HttpStatus.CONFLICT;
            errors.put("name", "Någon annan har ändrat organisationen medan du redigerade. Ladda om sidan och gör "
                    + "ändringen igen.");
        }
        return AdminPages.refused(status, "adminEntity", formModel(gate.admin(), row, entered, errors));
    }

    private LegalEntityRow find(String id) {
        if (!id.matches("\\d{1,18}")) {
            return null;
        }
        try {
            return registry.get(Long.parseLong(id));
        } catch (Refusal.NotFound e) {
            return null;
        }
    }

    private Map<String, Object> formModel(Actor admin, LegalEntityRow row, Map<String, String> values,
                                          Map<String, String> errors) {
        Map<String, Object> model = AdminPages.form(admin, row == null ? "Ny organisation"
                : "Ändra " + row.name(), values, errors);
        model.put("editing", row != null);
        model.put("action", row == null ? PATH + "/ny" : PATH + "/" + row.id());
        model.put("version", row == null ? "" : String.valueOf(row.version()));
        model.put("accounts", ACCOUNTS.entrySet().stream().map(a -> Map.of("id", accountField(a.getKey()),
                "label", a.getValue() + " (standard " + EntityInvoicing.DEFAULT_ACCOUNTS.get(a.getKey()) + ")")).toList());
        model.put("defaultTerms", CentreDocument.DEFAULT_PAYMENT_TERMS_DAYS);
        return model;
    }

    private static String accountField(String role) {
        return "account" + Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }

    /** What the form shows for a stored entity (or a new one). */
    private static Map<String, String> values(LegalEntityRow row, EntityInvoicing i) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("organisationNumber", row == null ? "" : row.organisationNumber());
        m.put("name", row == null ? "" : row.name());
        m.put("invoiceAddress", row == null || row.invoiceAddress() == null ? "" : row.invoiceAddress());
        m.put("invoiceReference", row == null || row.invoiceReference() == null ? "" : row.invoiceReference());
        m.put("paymentTermsDays", row == null ? "" : String.valueOf(row.paymentTermsDays()));
        m.put("bankgiro", text(i.bankgiro()));
        m.put("plusgiro", text(i.plusgiro()));
        m.put("iban", text(i.iban()));
        m.put("bic", text(i.bic()));
        m.put("vatNumber", text(i.vatNumber()));
        m.put("vatTreatment", i.vatTreatment().name());
        m.put("vatReason", text(i.vatReason()));
        m.put("contactName", text(i.contactName()));
        m.put("contactEmail", text(i.contactEmail()));
        m.put("contactPhone", text(i.contactPhone()));
        m.put("peppolScheme", row == null ? "" : text(i.peppolScheme()));
        m.put("peppolId", row == null ? "" : text(i.peppolId()));
        for (String role : ACCOUNTS.keySet()) {
            m.put(accountField(role), row == null ? "" : text(i.accounts().get(role)));
        }
        return m;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * The form as the API's JSON, read by the API's reader. Null with {@code errors} filled when the
     * form itself is refused before that (a value too long for its column).
     */
    private EntityReader.EntityEntry read(Map<String, Object> form, String organisationNumber,
                                          Map<String, String> errors) {
        WIDTHS.forEach((field, width) -> {
            String v = AdminPages.value(form, field);
            if (v != null && v.length() > width) {
                errors.put(field, label(field) + " får vara högst " + width + " tecken.");
            }
        });
        String treatment = AdminPages.value(form, "vatTreatment");
        if (treatment != null && java.util.Arrays.stream(EntityInvoicing.VatTreatment.values())
                .noneMatch(t -> t.name().equals(treatment))) {
            errors.put("vatTreatment", "Välj hur momsen hanteras.");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "organisationNumber", organisationNumber != null ? organisationNumber
                : AdminPages.value(form, "organisationNumber"));
        put(body, "name", AdminPages.value(form, "name"));
        put(body, "invoiceAddress", AdminPages.value(form, "invoiceAddress"));
        put(body, "invoiceReference", AdminPages.value(form, "invoiceReference"));
        put(body, "paymentTermsDays", AdminPages.value(form, "paymentTermsDays"));
        Map<String, Object> invoicing = new LinkedHashMap<>();
        for (String field : List.of("bankgiro", "plusgiro", "iban", "bic", "vatNumber", "vatTreatment", "vatReason")) {
            put(invoicing, field, AdminPages.value(form, field));
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        put(contact, "name", AdminPages.value(form, "contactName"));
        put(contact, "email", AdminPages.value(form, "contactEmail"));
        put(contact, "phone", AdminPages.value(form, "contactPhone"));
        if (!contact.isEmpty()) {
            invoicing.put("contact", contact);
        }
        Map<String, Object> peppol = new LinkedHashMap<>();
        put(peppol, "scheme", AdminPages.value(form, "peppolScheme"));
        put(peppol, "id", AdminPages.value(form, "peppolId"));
        if (!peppol.isEmpty()) {
            invoicing.put("peppol", peppol);
        }
        Map<String, Object> accounts = new LinkedHashMap<>();
        ACCOUNTS.keySet().forEach(role -> put(accounts, role, AdminPages.value(form, accountField(role))));
        if (!accounts.isEmpty()) {
            invoicing.put("accounts", accounts);
        }
        body.put("invoicing", invoicing);
        try {
            return EntityReader.read(json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** The form field a refusal's path names. */
    static String field(String path) {
        String p = path.startsWith("invoicing.") ? path.substring("invoicing.".length()) : path;
        return switch (p) {
            case "contact.name" -> "contactName";
            case "contact.email" -> "contactEmail";
            case "contact.phone" -> "contactPhone";
            case "peppol.scheme" -> "peppolScheme";
            case "peppol.id" -> "peppolId";
            default -> p.startsWith("accounts.") ? accountField(p.substring("accounts.".length()))
                    : p.isEmpty() || p.equals("invoicing") || p.equals("id") ? "name" : p;
        };
    }

    static String label(String field) {
        return switch (field) {
            case "organisationNumber" -> "Organisationsnumret";
            case "name" -> "Namnet";
            case "invoiceAddress" -> "Fakturaadressen";
            case "invoiceReference" -> "Fakturareferensen";
            case "paymentTermsDays" -> "Betalningsvillkoret";
            case "bankgiro" -> "Bankgironumret";
            case "plusgiro" -> "Plusgironumret";
            case "iban" -> "IBAN";
            case "bic" -> "BIC";
            case "vatNumber" -> "Momsregistreringsnumret";
            case "vatTreatment" -> "Momshanteringen";
            case "vatReason" -> "Momstexten";
            case "contactName" -> "Kontaktpersonen";
            case "contactEmail" -> "E-postadressen";
            case "contactPhone" -> "Telefonnumret";
            case "peppolScheme" -> "PEPPOL-schemat";
            case "peppolId" -> "PEPPOL-id:t";
            default -> field.startsWith("account") ? "Kontot" : "Värdet";
        };
    }

    /** A refusal of the reader or the registry, in Swedish, at its field (the first per field). */
    static void refusal(Violation v, Map<String, String> errors) {
        String field = field(v.field());
        errors.putIfAbsent(field, message(field, v.reason()));
    }

    static String message(String field, String reason) {
        String label = label(field);
        if (reason.startsWith("is required with an IBAN")) {
            return "Fyll i BIC när du anger IBAN.";
        }
        if (reason.startsWith("is required when vatTreatment is EXEMPT")) {
            return "Ange skälet till att ingen moms tas ut: avräkningen skriver ut det.";
        }
        if (reason.startsWith("is required when vatTreatment")) {
            return "Fyll i momsregistreringsnumret: avräkningen skriver ut det när moms hanteras.";
        }
        if (reason.startsWith("is only for VAT 0")) {
            return "Momstexten används bara när ingen moms tas ut; töm fältet eller välj en annan momshantering.";
        }
        if (reason.startsWith("is required")) {
            return "Fyll i " + (label.equals(label.toUpperCase(java.util.Locale.ROOT)) ? label
                    : Character.toLowerCase(label.charAt(0)) + label.substring(1)) + ".";
        }
        if (reason.startsWith("is already registered")) {
            return "Det finns redan en organisation med det organisationsnumret.";
        }
        if (reason.startsWith("cannot change")) {
            return "Organisationsnumret kan inte ändras; registrera en ny organisation i stället.";
        }
        if (reason.startsWith("is at most")) {
            return label + " är för långt" + reason.replaceFirst("is at most (\\d+) characters.*", ": högst $1 tecken") + ".";
        }
        if (reason.startsWith("contains the control character")) {
            return label + " innehåller ett otillåtet kontrolltecken.";
        }
        if (reason.contains("is not this entity's")) {
            return "Momsregistreringsnumret hör till ett annat organisationsnummer än organisationens.";
        }
        if (reason.contains("check digit")) {
            return label + " har fel kontrollsiffra (den sista siffran stämmer inte).";
        }
        return switch (field) {
            case "organisationNumber" -> "Skriv organisationsnumret som tio siffror: NNNNNN-NNNN.";
            case "paymentTermsDays" -> "Ange betalningsvillkoret som ett helt antal dagar, 0–365.";
            case "bankgiro" -> "Skriv bankgironumret som 7 eller 8 siffror: NNN-NNNN eller NNNN-NNNN.";
            case "plusgiro" -> "Skriv plusgironumret som 2–8 siffror med den sista efter ett bindestreck, till exempel 12 34 56-7.";
            case "iban" -> "IBAN är en landskod, två kontrollsiffror och kontonumret; ett svenskt IBAN har 24 tecken.";
            case "bic" -> "BIC är 8 eller 11 bokstäver och siffror, till exempel ESSESESS.";
            case "vatNumber" -> "Skriv momsregistreringsnumret som SE, organisationsnumrets tio siffror och 01.";
            case "contactEmail" -> "Skriv en e-postadress som namn@doman.se.";
            case "contactPhone" -> "Skriv telefonnumret med siffror, mellanslag och bindestreck, till exempel 031-365 00 00.";
            case "peppolScheme" -> "PEPPOL-schemat är fyra siffror (0007 för ett organisationsnummer).";
            case "peppolId" -> "Under schema 0007 är PEPPOL-id:t organisationsnumrets tio siffror utan bindestreck.";
            default -> field.startsWith("account") ? "Ange ett fyrsiffrigt BAS-konto, till exempel 1510."
                    : label + " godtas inte.";
        };
    }

    private Map<String, Object> row(LegalEntityRow r) {
        EntityInvoicing i = registry.invoicingOf(r.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("organisationNumber", r.organisationNumber());
        m.put("invoiceAddress", r.invoiceAddress() == null ? "" : r.invoiceAddress());
        m.put("invoiceReference", r.invoiceReference() == null ? "" : r.invoiceReference());
        m.put("paymentTermsDays", r.paymentTermsDays() + " dagar");
        StringBuilder pay = new StringBuilder();
        if (i.bankgiro() != null) {
            pay.append("Bankgiro ").append(i.bankgiro());
        }
        if (i.plusgiro() != null) {
            pay.append(pay.isEmpty() ? "" : ", ").append("Plusgiro ").append(i.plusgiro());
        }
        if (i.iban() != null) {
            pay.append(pay.isEmpty() ? "" : ", ").append("IBAN ").append(i.iban());
        }
        m.put("payment", pay.isEmpty() ? "–" : pay.toString());
        m.put("vat", vat(i.vatTreatment()) + (i.vatNumber() == null ? "" : ", " + i.vatNumber()));
        m.put("peppol", i.peppolId() == null ? "–" : i.peppolScheme() + ":" + i.peppolId());
        return m;
    }

    static String vat(EntityInvoicing.VatTreatment t) {
        return switch (t) {
            case OUTSIDE_SCOPE -> "Utanför momsens tillämpningsområde";
            case EXEMPT -> "Undantagen från moms";
            case STANDARD -> "Momspliktig";
        };
    }
}
