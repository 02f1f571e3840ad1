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
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import se.familycentre.access.Actor;
import se.familycentre.access.Role;
import se.familycentre.access.Scope;
import se.familycentre.allocation.AmountChange;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.CentreValidator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.PoolRule;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.ServiceType;
import se.familycentre.allocation.Sek;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.CentreImport;
import se.familycentre.centre.CentreParts;
import se.familycentre.centre.CentreRow;
import se.familycentre.centre.CentreStore;
import se.familycentre.centre.ExpectedVersion;
import se.familycentre.centre.LegalEntityRepository;
import se.familycentre.centre.LegalEntityRow;
import se.familycentre.centre.Refusal;
import se.familycentre.format.CentreDocument;
import se.familycentre.format.CentreReader;
import se.familycentre.format.CentreWriter;
import se.familycentre.format.FormatException;
import se.familycentre.format.PartKind;
import se.familycentre.format.PartReader;
import se.familycentre.statement.SwedishFormat;
import se.familycentre.statement.SwedishTerms;
import se.familycentre.web.api.CentreController;
import se.familycentre.web.api.CentrePartsController;
import se.familycentre.web.page.CentreEditForms.Group;
import se.familycentre.web.page.CentreEditForms.Input;
import se.familycentre.web.page.CentreEditForms.Option;

/**
 * Creating and editing a centre with forms (issue 12), for finance officers of the centre's
 * entities and administrators; a steering group sees the same forms read only. Each section is a
 * small form of its own — name and dates, one service, one room, the coordinator, one cost line
 * with its dated changes and indexation, the premises and joint rules — and saves through the same
 * domain path as the JSON API: the format's reader, the rules' checks, then the store with the
 * version the form was opened at (the API's If-Match). A refusal is shown at the input its path
 * names, in Swedish, with status 422; nothing is saved and what was typed stays.
 */
@Hidden
@Controller("/centraler")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class CentreEditPageController {

    /** The sections of parts, by the Swedish word in their address. */
    private static final Map<String, PartKind> KINDS = Map.of("verksamheter", PartKind.SERVICES,
            "lokaler", PartKind.ROOMS, "samordnare", PartKind.COORDINATORS, "kostnader", PartKind.COST_LINES);
    private static final String NEW = "ny";
    /** The four base services of a new centre: their ids and types. */
    private static final List<ServiceType> BASE = List.of(ServiceType.MIDWIFE_CLINIC, ServiceType.CHILD_HEALTH,
            ServiceType.OPEN_PRESCHOOL, ServiceType.SOCIAL_SERVICES);
    private static final List<String> BASE_IDS = List.of("bmm", "bvc", "of", "soc");
    /** The pools whose rule a centre chooses (the coordinator's is always equal shares). */
    private static final List<Pool> RULE_POOLS = List.of(Pool.PREMISES, Pool.JOINT);

    private final Scope scope;
    private final CentreStore store;
    private final CentreParts parts;
    private final CentreImport importer;
    private final LegalEntityRepository entities;
    private final JsonMapper json;

    public CentreEditPageController(Scope scope, CentreStore store, CentreParts parts, CentreImport importer,
                                    LegalEntityRepository entities, JsonMapper json) {
        this.scope = scope;
        this.store = store;
        this.parts = parts;
        this.importer = importer;
        this.entities = entities;
        this.json = json;
    }

    // ---- who may -----------------------------------------------------------

    /** The signed-in person allowed here, or the answer for one who is not. */
    private record Gate(Actor actor, HttpResponse<?> refusal) {
    }

    /**
     * As the API: finance officers of the centre's entities and administrators change it, a steering
     * group of them reads it; anyone else, or a centre outside the person's entities, is a 404.
     */
    private Gate gate(HttpRequest<?> request, Long centreId, boolean write) {
        Optional<Actor> actor = Pages.actor(request);
        if (actor.isEmpty()) {
            return new Gate(null, HttpResponse.seeOther(URI.create(PageController.SIGN_IN)));
        }
        if (se.familycentre.web.api.Access.mustChangePassword(request)) {
            return new Gate(null, HttpResponse.seeOther(URI.create(PageController.PASSWORD)));
        }
        Actor a = actor.get();
        boolean reads = a.isAdmin() || a.has(Role.FINANCE) || a.has(Role.STEERING);
        if (!reads || centreId != null && (!scope.seesCentre(a, centreId) || !exists(centreId))) {
            return new Gate(null, notFound(a));
        }
        if (write && !a.mayEditCentres()) {
            Map<String, Object> model = Pages.model(a, "Du kan inte ändra familjecentralen");
            model.put("centreId", centreId);
            return new Gate(null, HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(new ModelAndView<>("centre-edit-forbidden", model)));
        }
        return new Gate(a, null);
    }

    private boolean exists(long centreId) {
        try {
            store.centre(centreId);
            return true;
        } catch (Refusal.NotFound e) {
            return false;
        }
    }

    private static HttpResponse<?> notFound(Actor a) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("notfound", Pages.model(a, "Hittades inte")));
    }

    // ---- the overview ------------------------------------------------------

    @Get("/{id}/redigera")
    public HttpResponse<?> overview(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String sparat) {
        Gate gate = gate(request, id, false);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        CentreDocument doc = store.document(id);
        Centre c = doc.centre();
        Map<String, Object> model = Pages.model(gate.actor(), "Ändra " + c.name());
        model.put("id", id);
        model.put("name", c.name());
        model.put("canEdit", gate.actor().mayEditCentres());
        model.put("saved", sparat != null);
        Map<String, Object> profile = CentreWriter.document(doc);
        model.put("municipality", profile.getOrDefault("municipality", "–"));
        model.put("region", profile.getOrDefault("region", "–"));
        model.put("establishedOn", profile.getOrDefault("establishedOn", "–"));
        model.put("agreement", doc.profile() == null || doc.profile().localAgreement() == null ? "–"
                : agreement(doc.profile().localAgreement()));
        model.put("services", c.services().stream().map(s -> {
            Map<String, Object> m = row(id, "verksamheter", s.id(), s.name() == null ? s.id() : s.name());
            m.put("type", SwedishTerms.serviceType(s.type()));
            m.put("entity", entityName(c, s.entity()));
            m.put("range", range(s.from(), s.to()));
            m.put("coLocated", s.coLocated() ? "Ja" : "Nej");
            m.put("dedicated", SwedishFormat.decimal(dedicatedArea(c, s.id())) + "\u00a0m²");
            return m;
        }).toList());
        model.put("rooms", c.rooms().stream().map(r -> {
            Map<String, Object> m = row(id, "lokaler", r.id(), doc.roomNames().getOrDefault(r.id(), r.id()));
            m.put("type", SwedishTerms.roomType(r.type()));
            m.put("area", SwedishFormat.decimal(r.area()) + "\u00a0m²");
            m.put("use", r.service() == null ? "Gemensam" : "Egen: " + serviceName(c, r.service()));
            return m;
        }).toList());
        model.put("coordinators", c.coordinators().stream().map(k -> {
            Map<String, Object> m = row(id, "samordnare", k.id(), k.name() == null ? k.id() : k.name());
            m.put("employer", serviceName(c, k.employer()));
            m.put("salary", history(k.monthlySalary(), k.salaryChanges(), " i månaden"));
            m.put("fte", SwedishFormat.percent(k.ftePercent()) + k.fteChanges().stream()
                    .map(p -> "; från " + p.from() + ": " + SwedishFormat.percent(p.percent())).reduce("", String::concat));
            return m;
        }).toList());
        model.put("costLines", c.costLines().stream().map(l -> {
            Map<String, Object> m = row(id, "kostnader", l.id(), l.name() == null ? l.id() : l.name());
            m.put("pool", l.pool() == null ? "" : SwedishTerms.pool(l.pool()));
            m.put("payer", serviceName(c, l.payer()));
            String per = l.periodicity() == null ? "" : " " + CentreEditForms.periodicity(l.periodicity().name());
            m.put("amounts", history(l.amount(), l.changes(), per));
            m.put("indexed", l.indexation() == null ? "Nej" : "Ja, " + l.indexation().series() + " bas "
                    + l.indexation().baseYear());
            return m;
        }).toList());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Pool p : Pool.values()) {
            List<String> texts = new ArrayList<>();
            for (PoolRule r : c.rulesInForce(p)) {
                StringBuilder t = new StringBuilder(r.from() == null ? "Från start: " : "Från " + r.from() + ": ");
                t.append(SwedishTerms.ruleKind(r.rule()));
                if (!r.percentages().isEmpty()) {
                    t.append(" (");
                    List<String> shares = new ArrayList<>();
                    r.percentages().forEach((k, v) -> shares.add(serviceName(c, k) + " " + SwedishFormat.percent(v)));
                    t.append(String.join(", ", shares)).append(')');
                }
                texts.add(t.toString());
            }
            rules.add(Map.of("pool", SwedishTerms.pool(p), "rules", texts));
        }
        model.put("rules", rules);
        return HttpResponse.ok(new ModelAndView<>("centre-edit", model));
    }

    private static Map<String, Object> row(long id, String kind, String key, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("name", name);
        m.put("href", "/centraler/" + id + "/redigera/" + kind + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        return m;
    }

    /** {@code 8 250,00 kr per månad; från 2025-04-01: 9 000,00 kr per månad}. */
    private static String history(javax.money.MonetaryAmount first, List<AmountChange> changes, String per) {
        StringBuilder text = new StringBuilder(first == null ? "–" : SwedishFormat.amount(Sek.decimal(first).setScale(2,
                java.math.RoundingMode.HALF_UP)) + per);
        for (AmountChange ch : changes) {
            text.append("; från ").append(SwedishFormat.date(ch.from())).append(": ")
                    .append(SwedishFormat.amount(Sek.decimal(ch.amount()).setScale(2, java.math.RoundingMode.HALF_UP)))
                    .append(per);
        }
        return text.toString();
    }

    private static String agreement(se.familycentre.format.CentreProfile.LocalAgreement a) {
        return (a.reference() == null ? "" : a.reference() + ", ") + range(a.from(), a.to());
    }

    private static String range(java.time.LocalDate from, java.time.LocalDate to) {
        if (from == null && to == null) {
            return "hela tiden";
        }
        return (from == null ? "" : "från " + SwedishFormat.date(from)) + (from != null && to != null ? " " : "")
                + (to == null ? "" : "till " + SwedishFormat.date(to));
    }

    private static BigDecimal dedicatedArea(Centre c, String serviceId) {
        return c.rooms().stream().filter(r -> serviceId.equals(r.service())).map(Room::area)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ---- name and dates ------------------------------------------------------

    @Get("/{id}/redigera/uppgifter")
    public HttpResponse<?> profile(HttpRequest<?> request, @PathVariable long id) {
        Gate gate = gate(request, id, false);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        CentreDocument doc = store.document(id);
        Map<String, String> values = CentreEditForms.flatten(profileOf(doc));
        return form(gate.actor(), id, doc, Section.PROFILE, null, values, Map.of(), null,
                store.centre(id).version(), HttpStatus.OK);
    }

    @Post("/{id}/redigera/uppgifter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveProfile(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Gate gate = gate(request, id, true);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        CentreDocument doc = store.document(id);
        Map<String, Object> body = profileOf(doc);
        for (String key : List.of("name", "municipality", "region", "establishedOn")) {
            putText(body, key, form.get(key));
        }
        Map<String, Object> agreement = new LinkedHashMap<>();
        putText(agreement, "reference", form.get("localAgreement-reference"));
        putText(agreement, "from", form.get("localAgreement-from"));
        putText(agreement, "to", form.get("localAgreement-to"));
        if (agreement.isEmpty()) {
            body.remove("localAgreement");
        } else {
            body.put("localAgreement", agreement);
        }
        return saveCentre(gate.actor(), id, doc, Section.PROFILE, body, form, Map.of());
    }

    // ---- rules ---------------------------------------------------------------

    @Get("/{id}/redigera/regler")
    public HttpResponse<?> rules(HttpRequest<?> request, @PathVariable long id) {
        Gate gate = gate(request, id, false);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        CentreDocument doc = store.document(id);
        Map<String, Object> profile = profileOf(doc);
        Map<String, String> values = CentreEditForms.flatten(profile);
        for (Pool p : RULE_POOLS) {
            List<PoolRule> stored = doc.centre().rules().getOrDefault(p, List.of());
            values.put("rules-" + p + "-rows", String.valueOf(stored.size() + 1));
            values.putIfAbsent("rules-" + p + "-0-rule", "EQUAL");
        }
        return form(gate.actor(), id, doc, Section.RULES, null, values, Map.of(), null, store.centre(id).version(),
                HttpStatus.OK);
    }

    @Post("/{id}/redigera/regler")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveRules(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        Gate gate = gate(request, id, true);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        CentreDocument doc = store.document(id);
        Map<String, Object> body = profileOf(doc);
        @SuppressWarnings("unchecked")
        Map<String, Object> rules = new LinkedHashMap<>((Map<String, Object>) body.getOrDefault("rules", Map.of()));
        Map<String, String> remap = new LinkedHashMap<>();
        for (Pool p : RULE_POOLS) {
            List<Object> list = new ArrayList<>();
            int rows = rows(form, "rules-" + p + "-rows");
            for (int k = 0; k < rows; k++) {
                String prefix = "rules-" + p + "-" + k + "-";
                String rule = blankToNull(form.get(prefix + "rule"));
                String from = blankToNull(form.get(prefix + "from"));
                if (k > 0 && rule == null && from == null) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                putText(r, "from", from);
                putText(r, "rule", rule);
                if ("PERCENT".equals(rule)) {
                    Map<String, Object> percentages = new LinkedHashMap<>();
                    for (Service s : doc.centre().services()) {
                        String v = CentreEditForms.number(form.get(prefix + "percentages-" + s.id()));
                        if (v != null) {
                            percentages.put(s.id(), v);
                        }
                    }
                    r.put("percentages", percentages);
                }
                remap.put("rules." + p + "[" + list.size() + "]", "rules." + p + "[" + k + "]");
                list.add(r);
            }
            if (list.isEmpty()) {
                rules.remove(p.name());
            } else {
                rules.put(p.name(), list);
            }
        }
        body.put("rules", rules);
        String holder = blankToNull(form.get("dedicatedRent-leaseHolder"));
        String rent = CentreEditForms.number(form.get("dedicatedRent-rentPerSquareMetreYear"));
        if (holder == null && rent == null) {
            body.remove("dedicatedRent");
        } else {
            Map<String, Object> r = new LinkedHashMap<>();
            putText(r, "leaseHolder", holder);
            putText(r, "rentPerSquareMetreYear", rent);
            body.put("dedicatedRent", r);
        }
        return saveCentre(gate.actor(), id, doc, Section.RULES, body, form, remap);
    }

    /** The centre's profile in the format, without its parts: what the API's PUT /centres/{id} takes. */
    private static Map<String, Object> profileOf(CentreDocument doc) {
        Map<String, Object> full = CentreWriter.document(doc);
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : List.of("name", "municipality", "region", "establishedOn", "localAgreement",
                "partyReferences", "rules", "dedicatedRent")) {
            if (full.containsKey(key)) {
                m.put(key, full.get(key));
            }
        }
        return m;
    }

    /** As the API's update of a centre: read by the format, the rules checked in the centre as it would be, stored at the version. */
    private HttpResponse<?> saveCentre(Actor actor, long id, CentreDocument stored, Section section,
                                       Map<String, Object> body, Map<String, String> form, Map<String, String> remap) {
        try {
            if (body.get("name") == null) {
                throw new Refusal.InvalidValue(List.of(new Violation("name", "is required")));
            }
            ExpectedVersion expected = version(form);
            CentreDocument doc = CentreReader.readCentre(write(body));
            Centre s = stored.centre();
            Centre tentative = new Centre(doc.centre().name(), s.entities(), s.services(), s.rooms(),
                    doc.centre().rules(), s.coordinators(), s.costLines(), doc.centre().dedicatedRent());
            CentreController.refuseRules(tentative, v -> true);
            store.updateCentre(id, doc.centre(), doc.profile(), expected);
            return saved(id);
        } catch (FormatException e) {
            return refused(actor, id, stored, section, null, form, e.errors(), remap, HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (Refusal e) {
            return refusal(actor, id, stored, section, null, form, e, remap);
        }
    }

    // ---- the parts -------------------------------------------------------------

    @Get("/{id}/redigera/{kind}/{key}")
    public HttpResponse<?> part(HttpRequest<?> request, @PathVariable long id, @PathVariable String kind,
                                @PathVariable String key) {
        PartKind k = KINDS.get(kind);
        boolean isNew = NEW.equals(key);
        Gate gate = gate(request, id, isNew);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        if (k == null) {
            return notFound(gate.actor());
        }
        CentreDocument doc = store.document(id);
        Map<String, String> values;
        Long version = null;
        if (isNew) {
            values = new LinkedHashMap<>();
            if (k == PartKind.COORDINATORS) {
                values.put("ftePercent", "100");
            }
            if (k == PartKind.COST_LINES) {
                values.put("indexation-series", "KPI");
                values.put("indexation-share", "100");
                values.put("indexation-floor", "true");
            }
        } else {
            Optional<Map<String, Object>> written = written(doc, k, key);
            if (written.isEmpty()) {
                return notFound(gate.actor());
            }
            values = CentreEditForms.flatten(written.get());
            if (written.get().containsKey("indexation")) {
                values.put("indexation-on", "true");
            }
            if (k == PartKind.COST_LINES) {
                // the format's defaults for a clause, so ticking "indexed" agrees to the standard one
                values.putIfAbsent("indexation-series", "KPI");
                values.putIfAbsent("indexation-share", "100");
                values.putIfAbsent("indexation-floor", "true");
            }
            version = parts.version(id, k, key).orElse(null);
        }
        for (String list : changeLists(k)) {
            int existing = 0;
            while (values.containsKey(list + "-" + existing + "-from")) {
                existing++;
            }
            values.put(list + "-rows", String.valueOf(existing + 1));
        }
        return form(gate.actor(), id, doc, Section.of(k), isNew ? null : key, values, Map.of(), null, version,
                HttpStatus.OK);
    }

    @Post("/{id}/redigera/{kind}/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> savePart(HttpRequest<?> request, @PathVariable long id, @PathVariable String kind,
                                    @PathVariable String key, @Body Map<String, String> form) {
        PartKind k = KINDS.get(kind);
        boolean isNew = NEW.equals(key);
        Gate gate = gate(request, id, true);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        if (k == null) {
            return notFound(gate.actor());
        }
        CentreDocument stored = store.document(id);
        if (!isNew && written(stored, k, key).isEmpty()) {
            return notFound(gate.actor());
        }
        Map<String, String> remap = new LinkedHashMap<>();
        Map<String, Object> body = switch (k) {
            case SERVICES -> serviceBody(form);
            case ROOMS -> roomBody(form);
            case COORDINATORS -> coordinatorBody(form, remap);
            case COST_LINES -> costLineBody(form, remap);
        };
        if (!isNew) {
            body.put("id", key);
        }
        Section section = Section.of(k);
        try {
            ExpectedVersion expected = isNew ? ExpectedVersion.NONE : version(form);
            PartReader.Part part = PartReader.read(write(body), k, isNew ? null : key);
            CentrePartsController.refuseInvalid(stored.centre(), part);
            parts.put(id, part, expected, isNew);
            return saved(id);
        } catch (FormatException e) {
            return refused(gate.actor(), id, stored, section, isNew ? null : key, form, e.errors(), remap,
                    HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (Refusal e) {
            return refusal(gate.actor(), id, stored, section, isNew ? null : key, form, e, remap);
        }
    }

    private static Optional<Map<String, Object>> written(CentreDocument doc, PartKind kind, String key) {
        Centre c = doc.centre();
        return switch (kind) {
            case SERVICES -> c.services().stream().filter(s -> s.id().equals(key))
                    .map(s -> CentreWriter.service(s, doc.costReferences().get(s.id()))).findFirst();
            case ROOMS -> c.rooms().stream().filter(r -> r.id().equals(key))
                    .map(r -> CentreWriter.room(r, doc.roomNames().get(r.id()))).findFirst();
            case COORDINATORS -> c.coordinators().stream().filter(x -> x.id().equals(key))
                    .map(CentreWriter::coordinator).findFirst();
            case COST_LINES -> c.costLines().stream().filter(l -> l.id().equals(key))
                    .map(CentreWriter::costLine).findFirst();
        };
    }

    private static List<String> changeLists(PartKind kind) {
        return switch (kind) {
            case COORDINATORS -> List.of("salaryChanges", "fteChanges", "onCostChanges");
            case COST_LINES -> List.of("changes");
            default -> List.of();
        };
    }

    private static Map<String, Object> serviceBody(Map<String, String> f) {
        Map<String, Object> m = new LinkedHashMap<>();
        putText(m, "id", f.get("id"));
        putText(m, "type", f.get("type"));
        putText(m, "entity", f.get("entity"));
        putText(m, "name", f.get("name"));
        putText(m, "from", f.get("from"));
        putText(m, "to", f.get("to"));
        m.put("coLocated", checked(f, "coLocated"));
        String shares = blankToNull(f.get("sharesPremises"));
        if (shares != null) {
            m.put("sharesPremises", Boolean.valueOf(shares));
        }
        if ("OTHER".equals(f.get("type"))) {
            List<String> pools = new ArrayList<>();
            for (Pool p : List.of(Pool.PREMISES, Pool.JOINT)) {
                if (checked(f, "pools-" + p)) {
                    pools.add(p.name());
                }
            }
            m.put("pools", pools);
        }
        putText(m, "costReference", f.get("costReference"));
        return m;
    }

    private static Map<String, Object> roomBody(Map<String, String> f) {
        Map<String, Object> m = new LinkedHashMap<>();
        putText(m, "id", f.get("id"));
        putText(m, "type", f.get("type"));
        putText(m, "name", f.get("name"));
        putText(m, "area", CentreEditForms.number(f.get("area")));
        putText(m, "service", f.get("service"));
        putText(m, "from", f.get("from"));
        putText(m, "to", f.get("to"));
        return m;
    }

    private static Map<String, Object> coordinatorBody(Map<String, String> f, Map<String, String> remap) {
        Map<String, Object> m = new LinkedHashMap<>();
        putText(m, "id", f.get("id"));
        putText(m, "name", f.get("name"));
        putText(m, "employer", f.get("employer"));
        putText(m, "from", f.get("from"));
        putText(m, "to", f.get("to"));
        putText(m, "monthlySalary", CentreEditForms.number(f.get("monthlySalary")));
        changes(f, m, "salaryChanges", "amount", remap);
        putText(m, "ftePercent", CentreEditForms.number(f.get("ftePercent")));
        changes(f, m, "fteChanges", "percent", remap);
        putText(m, "onCostPercent", CentreEditForms.number(f.get("onCostPercent")));
        changes(f, m, "onCostChanges", "percent", remap);
        for (String key : List.of("competenceDevelopmentPerYear", "itPerYear", "otherPerYear")) {
            putText(m, key, CentreEditForms.number(f.get(key)));
        }
        return m;
    }

    private static Map<String, Object> costLineBody(Map<String, String> f, Map<String, String> remap) {
        Map<String, Object> m = new LinkedHashMap<>();
        putText(m, "id", f.get("id"));
        putText(m, "name", f.get("name"));
        putText(m, "pool", f.get("pool"));
        putText(m, "payer", f.get("payer"));
        putText(m, "periodicity", f.get("periodicity"));
        putText(m, "amount", CentreEditForms.number(f.get("amount")));
        putText(m, "from", f.get("from"));
        putText(m, "to", f.get("to"));
        putText(m, "date", f.get("date"));
        putText(m, "borneBy", f.get("borneBy"));
        changes(f, m, "changes", "amount", remap);
        if (checked(f, "indexation-on")) {
            Map<String, Object> x = new LinkedHashMap<>();
            putText(x, "series", f.get("indexation-series"));
            String year = blankToNull(f.get("indexation-baseYear"));
            if (year != null) {
                x.put("baseYear", year.matches("\\d{1,9}") ? (Object) Integer.valueOf(year) : year);
            }
            putText(x, "share", CentreEditForms.number(f.get("indexation-share")));
            x.put("floor", checked(f, "indexation-floor"));
            m.put("indexation", x);
        }
        return m;
    }

    /** The dated changes of a list: a row left blank is no change (so clearing a row removes it). */
    private static void changes(Map<String, String> f, Map<String, Object> into, String list, String value,
                                Map<String, String> remap) {
        List<Object> changes = new ArrayList<>();
        int rows = rows(f, list + "-rows");
        for (int k = 0; k < rows; k++) {
            String from = blankToNull(f.get(list + "-" + k + "-from"));
            String v = CentreEditForms.number(f.get(list + "-" + k + "-" + value));
            if (from == null && v == null) {
                continue;
            }
            Map<String, Object> ch = new LinkedHashMap<>();
            putText(ch, "from", from);
            putText(ch, value, v);
            remap.put(list + "[" + changes.size() + "]", list + "[" + k + "]");
            changes.add(ch);
        }
        if (!changes.isEmpty()) {
            into.put(list, changes);
        }
    }

    // ---- a new centre --------------------------------------------------------

    @Get("/ny")
    public HttpResponse<?> newCentre(HttpRequest<?> request) {
        Gate gate = gate(request, null, true);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, LegalEntityRow> mine = entitiesOf(gate.actor());
        if (mine.size() == 1) {
            // a person of one organisation: every service is its, until it changes one
            for (int k = 0; k < BASE.size(); k++) {
                values.put("services-" + k + "-entity", mine.keySet().iterator().next());
            }
        }
        return newForm(gate.actor(), values, List.of(), HttpStatus.OK);
    }

    @Post("/ny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> createCentre(HttpRequest<?> request, @Body Map<String, String> form) {
        Gate gate = gate(request, null, true);
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        Map<String, LegalEntityRow> mine = entitiesOf(gate.actor());
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> centre = new LinkedHashMap<>();
        for (String key : List.of("name", "municipality", "region", "establishedOn")) {
            putText(centre, key, form.get(key));
        }
        for (String key : List.of("name", "municipality", "establishedOn")) {
            if (!centre.containsKey(key)) {
                violations.add(new Violation(key, "is required"));
            }
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        List<Object> services = new ArrayList<>();
        for (int k = 0; k < BASE.size(); k++) {
            String entity = blankToNull(form.get("services-" + k + "-entity"));
            LegalEntityRow row = entity == null ? null : mine.get(entity);
            if (entity == null) {
                violations.add(new Violation("services[" + k + "].entity", "is required"));
            } else if (row == null) {
                violations.add(new Violation("services[" + k + "].entity", "not one of yours"));
            } else {
                chosen.putIfAbsent(row.organisationNumber(), Map.of("organisationNumber", row.organisationNumber(),
                        "name", row.name()));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", BASE_IDS.get(k));
            s.put("type", BASE.get(k).name());
            putText(s, "entity", entity);
            putText(s, "name", form.get("services-" + k + "-name"));
            s.put("coLocated", true);
            services.add(s);
        }
        try {
            if (!violations.isEmpty()) {
                throw new Refusal.InvalidValue(violations);
            }
            centre.put("entities", new ArrayList<>(chosen.values()));
            centre.put("services", services);
            CentreReader.ImportRequest read = CentreReader.readImport(write(Map.of("centre", centre)));
            List<Violation> rules = CentreValidator.validate(read.document().centre());
            if (!rules.isEmpty()) {
                throw new Refusal.RefusedByRules(rules);
            }
            CentreRow row = importer.importDocument(read.document(), "centre.");
            return HttpResponse.seeOther(URI.create("/centraler/" + row.id() + "/redigera?sparat=ny"));
        } catch (FormatException e) {
            return newForm(gate.actor(), form, e.errors(), HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (Refusal e) {
            List<Violation> errors = e.errors().isEmpty() ? List.of(new Violation("name", e.getMessage())) : e.errors();
            return newForm(gate.actor(), form, errors, e instanceof Refusal.Conflict ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<?> newForm(Actor actor, Map<String, String> values, List<Violation> violations, HttpStatus status) {
        List<Option> entityOptions = new ArrayList<>();
        entityOptions.add(new Option("", "– välj organisation –"));
        entitiesOf(actor).values().forEach(e -> entityOptions.add(new Option(e.organisationNumber(),
                e.name() + " (" + e.organisationNumber() + ")")));
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("Familjecentralen", null, List.of(CentreEditForms.text("name", "Namn"),
                CentreEditForms.text("municipality", "Kommun"), CentreEditForms.text("region", "Region (frivilligt)"),
                CentreEditForms.date("establishedOn", "Startdatum"))));
        for (int k = 0; k < BASE.size(); k++) {
            String type = SwedishTerms.serviceType(BASE.get(k));
            groups.add(new Group(type, null, List.of(
                    CentreEditForms.select("services-" + k + "-entity", "Organisation (huvudman)", entityOptions),
                    CentreEditForms.text("services-" + k + "-name", "Verksamhetens namn (frivilligt)"))));
        }
        Map<String, Object> model = Pages.model(actor, "Ny familjecentral");
        model.put("heading", "Ny familjecentral");
        model.put("lead", "Börja med namn, kommun, startdatum och de fyra grundverksamheterna med deras huvudmän. "
                + "Lokaler, samordnare, kostnader och fördelningsregler lägger du till efteråt.");
        model.put("back", "/");
        model.put("backText", "Startsida");
        model.put("action", "/centraler/ny");
        model.put("submit", "Skapa familjecentralen");
        model.put("hidden", Map.of());
        model.put("version", null);
        model.put("readOnly", false);
        model.put("history", null);
        putErrors(model, groups, values, violations, Map.of(), "centre.");
        return HttpResponse.status(status).body(new ModelAndView<>("centre-edit-form", model));
    }

    /** The entities a person may give a new centre's services: its own; an administrator any registered. */
    private Map<String, LegalEntityRow> entitiesOf(Actor actor) {
        Map<String, LegalEntityRow> map = new LinkedHashMap<>();
        List<LegalEntityRow> rows = actor.isAdmin()
                ? entities.findAll(Pageable.from(0, 500, Sort.of(Sort.Order.asc("name")))).getContent()
                : actor.entityIds().stream().map(entities::findById).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(LegalEntityRow::name)).toList();
        rows.forEach(r -> map.put(r.organisationNumber(), r));
        return map;
    }

    // ---- rendering a form -------------------------------------------------------

    /** The sections, with their titles and buttons. */
    enum Section {
        PROFILE("Namn och datum", "Spara namn och datum"),
        RULES("Fördelningsregler", "Spara fördelningsreglerna"),
        SERVICE("Verksamhet", "Spara verksamheten"),
        ROOM("Lokal", "Spara lokalen"),
        COORDINATOR("Samordnare", "Spara samordnaren"),
        COST_LINE("Kostnad", "Spara kostnaden");

        final String title;
        final String submit;

        Section(String title, String submit) {
            this.title = title;
            this.submit = submit;
        }

        static Section of(PartKind kind) {
            return switch (kind) {
                case SERVICES -> SERVICE;
                case ROOMS -> ROOM;
                case COORDINATORS -> COORDINATOR;
                case COST_LINES -> COST_LINE;
            };
        }

        /** The part in the definite form: {@code samordnaren}. */
        String definite() {
            return submit.substring("Spara ".length());
        }

        String path() {
            return switch (this) {
                case PROFILE -> "uppgifter";
                case RULES -> "regler";
                case SERVICE -> "verksamheter";
                case ROOM -> "lokaler";
                case COORDINATOR -> "samordnare";
                case COST_LINE -> "kostnader";
            };
        }
    }

    private HttpResponse<?> form(Actor actor, long id, CentreDocument doc, Section section, String key,
                                 Map<String, String> values, Map<String, String> remap, List<Violation> violations,
                                 Long version, HttpStatus status) {
        Centre c = doc.centre();
        boolean isPart = section != Section.PROFILE && section != Section.RULES;
        String what = key == null ? null : written(doc, kindOf(section), key).map(m -> String.valueOf(
                m.getOrDefault("name", key))).orElse(key);
        String heading = isPart ? (key == null ? "Ny " + section.title.toLowerCase(java.util.Locale.ROOT)
                : section.title + ": " + what) : section.title;
        Map<String, Object> model = Pages.model(actor, heading + " – " + c.name());
        model.put("heading", heading);
        model.put("centreName", c.name());
        model.put("back", "/centraler/" + id + "/redigera");
        model.put("backText", "Tillbaka till " + c.name());
        model.put("action", "/centraler/" + id + "/redigera/" + section.path()
                + (isPart ? "/" + (key == null ? NEW : URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")) : ""));
        model.put("submit", section.submit);
        model.put("version", version);
        model.put("readOnly", !actor.mayEditCentres());
        model.put("lead", lead(section, c, key));
        model.put("history", section == Section.COST_LINE && key != null ? costHistory(c, key) : null);
        model.put("deleteHref", isPart && key != null && actor.mayEditCentres() ? model.get("action") + "/ta-bort" : null);
        model.put("deleteText", "Ta bort " + section.definite());
        List<Group> groups = groups(section, c, key == null, values);
        Map<String, String> hidden = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.endsWith("-rows")) {
                hidden.put(k, v);
            }
        });
        model.put("hidden", hidden);
        putErrors(model, groups, values, violations == null ? List.of() : violations, remap, "");
        return HttpResponse.status(status).body(new ModelAndView<>("centre-edit-form", model));
    }

    private static PartKind kindOf(Section section) {
        return switch (section) {
            case SERVICE -> PartKind.SERVICES;
            case ROOM -> PartKind.ROOMS;
            case COORDINATOR -> PartKind.COORDINATORS;
            default -> PartKind.COST_LINES;
        };
    }

    private static String lead(Section section, Centre c, String key) {
        return switch (section) {
            case PROFILE -> "Familjecentralens namn, kommun, startdatum och det lokala samverkansavtalets giltighet.";
            case RULES -> "Hur gemensamma lokaler och gemensamma aktiviteter fördelas. Den första regeln gäller från "
                    + "start; en ny regel gäller från sitt datum. Samordnarens kostnad delas alltid lika.";
            case SERVICE -> "En verksamhet i familjecentralen och dess huvudman." + (key == null ? ""
                    : " Egna lokaler: " + SwedishFormat.decimal(dedicatedArea(c, key)) + "\u00a0m² (ändras under Lokaler).");
            case ROOM -> "En lokal: gemensam eller en verksamhets egen.";
            case COORDINATOR -> "Samordnarens anställning och kostnader. Ändringar gäller från sitt datum; "
                    + "det som gällde före ligger kvar.";
            case COST_LINE -> "En kostnad i en pool. För att ändra beloppet från ett datum: fyll i "
                    + "”ny ändring från ett datum” — det tidigare beloppet gäller fram till dess.";
        };
    }

    /** A cost line's amounts over time, for the table above its form. */
    private static List<Map<String, String>> costHistory(Centre c, String key) {
        CostLine l = c.costLines().stream().filter(x -> x.id().equals(key)).findFirst().orElse(null);
        if (l == null || l.amount() == null) {
            return null;
        }
        String per = l.periodicity() == null ? "" : " " + CentreEditForms.periodicity(l.periodicity().name());
        List<Map<String, String>> rows = new ArrayList<>();
        String start = l.periodicity() != null && l.periodicity().name().equals("ONCE")
                ? (l.date() == null ? "" : SwedishFormat.date(l.date()))
                : l.from() == null ? "Från start" : "Från " + SwedishFormat.date(l.from());
        rows.add(Map.of("when", start, "amount", money(l.amount()) + per));
        for (AmountChange ch : l.changes()) {
            rows.add(Map.of("when", "Från " + SwedishFormat.date(ch.from()), "amount", money(ch.amount()) + per));
        }
        if (l.to() != null) {
            rows.add(Map.of("when", "Efter " + SwedishFormat.date(l.to()), "amount", "upphör"));
        }
        return rows;
    }

    private static String money(javax.money.MonetaryAmount amount) {
        return SwedishFormat.amount(Sek.decimal(amount).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    /** The fieldsets of a section's form; rows of dated changes as many as the values say. */
    private List<Group> groups(Section section, Centre c, boolean isNew, Map<String, String> values) {
        List<Option> services = new ArrayList<>();
        c.services().forEach(s -> services.add(new Option(s.id(), s.name() == null ? s.id() : s.name())));
        List<Option> baseServices = new ArrayList<>();
        c.services().stream().filter(s -> s.type() != null && s.type().isBase())
                .forEach(s -> baseServices.add(new Option(s.id(), s.name() == null ? s.id() : s.name())));
        List<Group> groups = new ArrayList<>();
        Input id = CentreEditForms.text("id", "Id (kort nyckel, till exempel hyra)")
                .hint("Får inte ändras efteråt; används i exporter och fakturaunderlag.");
        switch (section) {
            case PROFILE -> {
                groups.add(new Group("Familjecentralen", null, List.of(CentreEditForms.text("name", "Namn"),
                        CentreEditForms.text("municipality", "Kommun"), CentreEditForms.text("region", "Region"),
                        CentreEditForms.date("establishedOn", "Startdatum"))));
                groups.add(new Group("Lokalt samverkansavtal", null, List.of(
                        CentreEditForms.text("localAgreement-reference", "Avtalets beteckning"),
                        CentreEditForms.date("localAgreement-from", "Gäller från"),
                        CentreEditForms.date("localAgreement-to", "Gäller till och med"))));
            }
            case RULES -> {
                for (Pool p : RULE_POOLS) {
                    int rows = rows(values, "rules-" + p + "-rows");
                    for (int k = 0; k < rows; k++) {
                        String prefix = "rules-" + p + "-" + k + "-";
                        List<Input> inputs = new ArrayList<>();
                        if (k > 0) {
                            inputs.add(CentreEditForms.date(prefix + "from", "Gäller från"));
                        }
                        inputs.add(CentreEditForms.select(prefix + "rule", "Fördelningsgrund", CentreEditForms.ruleKinds(k > 0)));
                        for (Service s : c.services()) {
                            if (s.canBeMemberOf(p)) {
                                inputs.add(CentreEditForms.percent(prefix + "percentages-" + s.id(), "Procent för "
                                        + (s.name() == null ? s.id() : s.name())).hint("Bara för fördelningsgrunden Procent"));
                            }
                        }
                        String legend = SwedishTerms.pool(p) + ": " + (k == 0 ? "regel från start"
                                : k == rows - 1 ? "ny regel från ett datum (frivilligt)" : "regel " + (k + 1));
                        groups.add(new Group(legend, null, inputs));
                    }
                }
                List<Option> holders = new ArrayList<>();
                holders.add(new Option("", "– ingen hyresvidarefakturering –"));
                holders.addAll(services);
                groups.add(new Group("Hyra för verksamheternas egna lokaler", null, List.of(
                        CentreEditForms.select("dedicatedRent-leaseHolder", "Hyresgäst (den verksamhet som betalar hyran)", holders),
                        CentreEditForms.amount("dedicatedRent-rentPerSquareMetreYear", "Hyra per m² och år"))));
            }
            case SERVICE -> {
                List<Input> inputs = new ArrayList<>();
                if (isNew) {
                    inputs.add(id);
                }
                List<Option> entityOptions = new ArrayList<>();
                entityOptions.add(new Option("", "– välj organisation –"));
                Set<String> seen = new LinkedHashSet<>();
                c.entities().forEach(e -> {
                    if (seen.add(e.organisationNumber())) {
                        entityOptions.add(new Option(e.organisationNumber(), e.name() + " (" + e.organisationNumber() + ")"));
                    }
                });
                entities.findAll(Pageable.from(0, 500, Sort.of(Sort.Order.asc("name")))).getContent().forEach(e -> {
                    if (seen.add(e.organisationNumber())) {
                        entityOptions.add(new Option(e.organisationNumber(), e.name() + " (" + e.organisationNumber() + ")"));
                    }
                });
                List<Option> types = new ArrayList<>(CentreEditForms.serviceTypes());
                inputs.addAll(List.of(CentreEditForms.text("name", "Namn"),
                        CentreEditForms.select("type", "Typ", types),
                        CentreEditForms.select("entity", "Huvudman (juridisk person)", entityOptions),
                        CentreEditForms.date("from", "Deltar från (tomt: från start)"),
                        CentreEditForms.date("to", "Deltar till och med (tomt: tills vidare)"),
                        CentreEditForms.checkbox("coLocated", "Samlokaliserad i familjecentralen"),
                        CentreEditForms.select("sharesPremises", "Delar de gemensamma lokalerna", List.of(
                                new Option("", "Som samlokaliseringen"), new Option("true", "Ja"), new Option("false", "Nej"))),
                        CentreEditForms.text("costReference", "Kostnadsställe (frivilligt)")));
                groups.add(new Group("Verksamheten", null, inputs));
                groups.add(new Group("Pooler för en övrig aktör", "Bara för typen Övrig aktör; grundverksamheterna "
                        + "ingår i poolerna genom sin typ.", List.of(
                        CentreEditForms.checkbox("pools-PREMISES", SwedishTerms.pool(Pool.PREMISES)),
                        CentreEditForms.checkbox("pools-JOINT", SwedishTerms.pool(Pool.JOINT)))));
            }
            case ROOM -> {
                List<Input> inputs = new ArrayList<>();
                if (isNew) {
                    inputs.add(id);
                }
                List<Option> use = new ArrayList<>();
                use.add(new Option("", "Gemensam"));
                services.forEach(o -> use.add(new Option(o.value(), "Egen: " + o.label())));
                inputs.addAll(List.of(CentreEditForms.text("name", "Namn"),
                        CentreEditForms.select("type", "Typ", CentreEditForms.roomTypes()),
                        new Input("area", "Yta (m²)", "percent", "Kvadratmeter, till exempel 12,5", List.of()),
                        CentreEditForms.select("service", "Används av", use),
                        CentreEditForms.date("from", "Finns från (tomt: från start)"),
                        CentreEditForms.date("to", "Finns till och med (tomt: tills vidare)")));
                groups.add(new Group("Lokalen", null, inputs));
            }
            case COORDINATOR -> {
                List<Input> inputs = new ArrayList<>();
                if (isNew) {
                    inputs.add(id);
                }
                List<Option> employers = new ArrayList<>();
                employers.add(new Option("", "– välj arbetsgivare –"));
                employers.addAll(baseServices);
                inputs.addAll(List.of(CentreEditForms.text("name", "Namn"),
                        CentreEditForms.select("employer", "Anställd av", employers),
                        CentreEditForms.date("from", "Anställd från (tomt: från start)"),
                        CentreEditForms.date("to", "Anställd till och med (tomt: tills vidare)")));
                groups.add(new Group("Anställningen", null, inputs));
                groups.add(new Group("Lön", null, List.of(CentreEditForms.amount("monthlySalary", "Månadslön från start"))));
                changeGroups(groups, values, "salaryChanges", "amount", "Lön", "Ny månadslön");
                groups.add(new Group("Tjänstgöringsgrad", null, List.of(CentreEditForms.percent("ftePercent", "Tjänstgöringsgrad från start (%)"))));
                changeGroups(groups, values, "fteChanges", "percent", "Tjänstgöringsgrad", "Ny tjänstgöringsgrad (%)");
                groups.add(new Group("Personalomkostnadspålägg", null, List.of(CentreEditForms.percent("onCostPercent", "PO-pålägg från start (%)"))));
                changeGroups(groups, values, "onCostChanges", "percent", "PO-pålägg", "Nytt PO-pålägg (%)");
                groups.add(new Group("Övriga kostnader per år", null, List.of(
                        CentreEditForms.amount("competenceDevelopmentPerYear", "Kompetensutveckling per år"),
                        CentreEditForms.amount("itPerYear", "IT per år"),
                        CentreEditForms.amount("otherPerYear", "Övrigt per år"))));
            }
            case COST_LINE -> {
                List<Input> inputs = new ArrayList<>();
                if (isNew) {
                    inputs.add(id);
                }
                List<Option> payers = new ArrayList<>();
                payers.add(new Option("", "– välj verksamhet –"));
                payers.addAll(services);
                List<Option> bearers = new ArrayList<>();
                bearers.add(new Option("", "Ingen – kostnaden delas"));
                bearers.addAll(services);
                List<Option> pools = new ArrayList<>();
                pools.add(new Option("", "– välj pool –"));
                pools.addAll(CentreEditForms.pools(false));
                List<Option> periods = new ArrayList<>();
                periods.add(new Option("", "– välj –"));
                periods.addAll(CentreEditForms.periodicities());
                inputs.addAll(List.of(CentreEditForms.text("name", "Namn"),
                        CentreEditForms.select("pool", "Kostnadspool", pools),
                        CentreEditForms.select("payer", "Betalas av", payers),
                        CentreEditForms.select("periodicity", "Belopp per", periods),
                        CentreEditForms.amount("amount", "Belopp från start"),
                        CentreEditForms.date("from", "Gäller från (tomt: från start)"),
                        CentreEditForms.date("to", "Gäller till och med (tomt: tills vidare)"),
                        CentreEditForms.date("date", "Datum (bara för en engångskostnad)"),
                        CentreEditForms.select("borneBy", "Bärs helt av", bearers)));
                groups.add(new Group("Kostnaden", null, inputs));
                changeGroups(groups, values, "changes", "amount", "Belopp", "Nytt belopp");
                groups.add(new Group("Indexering", "Beloppen anges i basårets prisnivå och räknas upp med indexserien.",
                        List.of(CentreEditForms.checkbox("indexation-on", "Kostnaden indexeras"),
                                CentreEditForms.text("indexation-series", "Indexserie (till exempel KPI)"),
                                new Input("indexation-baseYear", "Basår", "number", "Fyra siffror, till exempel 2024", List.of()),
                                CentreEditForms.percent("indexation-share", "Indexerad andel (%)"),
                                CentreEditForms.checkbox("indexation-floor", "Aldrig under basbeloppet (golv)"))));
            }
            default -> {
            }
        }
        return groups;
    }

    /** One fieldset per dated change, the last one blank for a new change. */
    private static void changeGroups(List<Group> groups, Map<String, String> values, String list, String value,
                                     String what, String valueLabel) {
        int rows = rows(values, list + "-rows");
        for (int k = 0; k < rows; k++) {
            boolean last = k == rows - 1 && blankToNull(values.get(list + "-" + k + "-from")) == null
                    && blankToNull(values.get(list + "-" + k + "-" + value)) == null;
            Input input = value.equals("amount") ? CentreEditForms.amount(list + "-" + k + "-" + value, valueLabel)
                    : CentreEditForms.percent(list + "-" + k + "-" + value, valueLabel);
            groups.add(new Group(last ? what + ": ny ändring från ett datum (frivilligt)" : what + ": ändring " + (k + 1),
                    last ? null : "Töm båda fälten för att ta bort ändringen.",
                    List.of(CentreEditForms.date(list + "-" + k + "-from", "Gäller från"), input)));
        }
    }

    /**
     * Puts the values, each refusal at its input ({@code fe}) and all in the summary ({@code errors}).
     * A path the form has no input for is shown at the nearest input its path begins with, else the first.
     */
    private static void putErrors(Map<String, Object> model, List<Group> groups, Map<String, String> values,
                                  List<Violation> violations, Map<String, String> remap, String root) {
        List<String> ids = groups.stream().flatMap(g -> g.inputs().stream()).map(Input::id).toList();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<Map<String, String>> errors = new ArrayList<>();
        for (Violation v : violations) {
            String path = v.field().startsWith(root) ? v.field().substring(root.length()) : v.field();
            for (Map.Entry<String, String> r : remap.entrySet()) {
                if (path.equals(r.getKey()) || path.startsWith(r.getKey() + ".")) {
                    path = r.getValue() + path.substring(r.getKey().length());
                    break;
                }
            }
            for (String id : inputsOf(path, ids, values)) {
                String message = v.reason().equals("not one of yours") ? "Välj en av dina organisationer."
                        : CentreEditForms.swedish(id, v.reason());
                if (!fieldErrors.containsKey(id)) {
                    fieldErrors.put(id, message);
                    errors.add(Pages.error(id, message));
                } else if (!fieldErrors.get(id).contains(message)) {
                    fieldErrors.put(id, fieldErrors.get(id) + " " + message);
                    errors.add(Pages.error(id, message));
                }
            }
        }
        List<Map<String, Object>> fieldsets = new ArrayList<>();
        for (Group g : groups) {
            Map<String, Object> fs = new LinkedHashMap<>();
            fs.put("legend", g.legend());
            fs.put("hint", g.hint());
            fs.put("inputs", g.inputs().stream().map(i -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", i.id());
                m.put("label", i.label());
                m.put("kind", i.kind());
                m.put("hint", i.hint());
                m.put("hintId", i.hintId());
                String value = values.get(i.id());
                m.put("value", value == null ? "" : value);
                m.put("checked", "true".equals(value) || "on".equals(value));
                m.put("options", i.options().stream().map(o -> Map.of("value", o.value(), "label", o.label(),
                        "selected", o.value().equals(value == null ? "" : value))).toList());
                String error = fieldErrors.get(i.id());
                m.put("error", error);
                m.put("errorId", i.id() + "-fel");
                String describedBy = ((i.hintId() == null ? "" : i.hintId()) + (error == null ? "" : " " + i.id() + "-fel")).trim();
                m.put("describedBy", describedBy.isEmpty() ? null : describedBy);
                return m;
            }).toList());
            fieldsets.add(fs);
        }
        model.put("fieldsets", fieldsets);
        model.put("errors", errors);
    }

    /** The inputs a refusal's path concerns: its own, each named in a list ("pool, periodicity and amount"), or the nearest. */
    private static List<String> inputsOf(String path, List<String> ids, Map<String, String> values) {
        if (path.contains(" and ") || path.contains(", ")) {
            List<String> named = new ArrayList<>();
            for (String p : path.split(",\\s*|\\s+and\\s+")) {
                String id = CentreEditForms.inputId(p.trim());
                if (ids.contains(id) && blankToNull(values.get(id)) == null) {
                    named.add(id);
                }
            }
            if (!named.isEmpty()) {
                return named;
            }
        }
        String id = CentreEditForms.inputId(path);
        while (!id.isEmpty()) {
            if (ids.contains(id)) {
                return List.of(id);
            }
            for (String candidate : ids) {
                if (candidate.startsWith(id + "-")) {
                    return List.of(candidate);
                }
            }
            int dash = id.lastIndexOf('-');
            id = dash < 0 ? "" : id.substring(0, dash);
        }
        return ids.isEmpty() ? List.of() : List.of(ids.get(0));
    }

    // ---- deleting a part ----------------------------------------------------------------

    /** The confirmation before a part is deleted: what goes, and what to do instead to end it from a date. */
    @Get("/{id}/redigera/{kind}/{key}/ta-bort")
    public HttpResponse<?> confirmDelete(HttpRequest<?> request, @PathVariable long id, @PathVariable String kind,
                                         @PathVariable String key) {
        Deletable d = deletable(request, id, kind, key);
        if (d.refusal() != null) {
            return d.refusal();
        }
        return deletePage(d.actor(), id, d.doc(), d.kind(), key, parts.version(id, d.kind(), key).orElse(null), null,
                HttpStatus.OK);
    }

    /** Who deletes which part of which centre; or the answer to send instead (sign-in, 403, the 404 page). */
    private record Deletable(Actor actor, CentreDocument doc, PartKind kind, HttpResponse<?> refusal) {
    }

    private Deletable deletable(HttpRequest<?> request, long id, String kind, String key) {
        PartKind k = KINDS.get(kind);
        Gate gate = gate(request, id, true);
        if (gate.refusal() != null) {
            return new Deletable(gate.actor(), null, k, gate.refusal());
        }
        CentreDocument doc = store.document(id);
        if (k == null || NEW.equals(key) || written(doc, k, key).isEmpty()) {
            return new Deletable(gate.actor(), doc, k, notFound(gate.actor()));
        }
        return new Deletable(gate.actor(), doc, k, null);
    }

    /**
     * Deletes the part at the version the confirmation was read at. A service other parts still name, a
     * change to an invoiced quarter, a part changed since, or a centre the rules refuse without it, is
     * said in Swedish on the confirmation, and nothing is deleted.
     */
    @Post("/{id}/redigera/{kind}/{key}/ta-bort")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> delete(HttpRequest<?> request, @PathVariable long id, @PathVariable String kind,
                                  @PathVariable String key, @Nullable @Body Map<String, String> form) {
        Deletable d = deletable(request, id, kind, key);
        if (d.refusal() != null) {
            return d.refusal();
        }
        Actor actor = d.actor();
        CentreDocument doc = d.doc();
        PartKind k = d.kind();
        Map<String, String> values = form == null ? Map.of() : form;
        Long version = parseVersion(values.get("version"));
        try {
            parts.delete(id, k, key, version(values));
            return saved(id);
        } catch (Refusal.NotFound e) {
            return notFound(actor);
        } catch (Refusal.StaleVersion | Refusal.VersionRequired e) {
            return deletePage(actor, id, doc, k, key, parts.version(id, k, key).orElse(null),
                    List.of("Någon annan har ändrat uppgifterna sedan du öppnade sidan, så inget togs bort. "
                            + "Se efter att det fortfarande är rätt, och ta bort igen."), HttpStatus.CONFLICT);
        } catch (Refusal.IssuedPeriod e) {
            String periods = String.join(", ", e.errors().stream().map(v -> v.field().replace("period ", "")).toList());
            return deletePage(actor, id, doc, k, key, version,
                    List.of("Borttagningen skulle ändra kvartal som redan är fakturerade (" + periods + "), så inget "
                            + "togs bort. Kreditera fakturorna först, eller avsluta delen från ett senare datum."),
                    HttpStatus.CONFLICT);
        } catch (Refusal.Conflict e) {
            List<String> uses = new ArrayList<>();
            uses.add("Verksamheten används fortfarande av andra delar av familjecentralen, så inget togs bort. "
                    + "Ändra eller ta bort dem först, eller låt verksamheten sluta delta med ett slutdatum (Till):");
            e.errors().forEach(v -> uses.add(use(doc.centre(), v)));
            return deletePage(actor, id, doc, k, key, version, uses, HttpStatus.CONFLICT);
        } catch (Refusal e) {
            List<String> rules = new ArrayList<>();
            rules.add("Utan den här delen godtar reglerna inte familjecentralen, så inget togs bort:");
            e.errors().forEach(v -> rules.add(CentreEditForms.swedish(v.field(), v.reason())));
            return deletePage(actor, id, doc, k, key, version, rules, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<?> deletePage(Actor actor, long id, CentreDocument doc, PartKind kind, String key, Long version,
                                       List<String> refusal, HttpStatus status) {
        Centre c = doc.centre();
        Section section = Section.of(kind);
        String name = written(doc, kind, key).map(m -> String.valueOf(m.getOrDefault("name", key))).orElse(key);
        String path = "/centraler/" + id + "/redigera/" + section.path() + "/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
        Map<String, Object> model = Pages.model(actor, "Ta bort " + name + " – " + c.name());
        model.put("heading", "Ta bort " + section.title.toLowerCase(java.util.Locale.ROOT) + ": " + name);
        model.put("back", path);
        model.put("backText", "Tillbaka till " + section.definite());
        model.put("action", path + "/ta-bort");
        model.put("version", version);
        model.put("lead", switch (kind) {
            case SERVICES -> "Verksamheten " + name + " tas bort ur " + c.name() + " från start, som om den aldrig "
                    + "deltagit. Ska den sluta delta från ett visst datum, ange i stället det som Till på verksamheten.";
            case ROOMS -> "Lokalen " + name + " tas bort ur " + c.name() + " från start.";
            case COORDINATORS -> "Samordnaren " + name + " tas bort ur " + c.name() + " med sina löne- och "
                    + "tjänstgöringsändringar. Slutar samordnaren ett visst datum, ange i stället det som Till.";
            case COST_LINES -> "Kostnaden " + name + " tas bort ur " + c.name() + " med sina daterade ändringar. "
                    + "Upphör kostnaden från ett datum, ange i stället det som Till på kostnaden.";
        });
        model.put("refusal", refusal);
        model.put("errors", refusal == null ? List.of() : List.of(Pages.error("ta-bort", refusal.get(0))));
        return HttpResponse.status(status).body(new ModelAndView<>("centre-part-delete", model));
    }

    /** What still names a service, in Swedish: the part that names it, by its name where it has one. */
    private static String use(Centre c, Violation v) {
        java.util.regex.Matcher m = USE.matcher(v.field());
        if (!m.matches()) {
            return v.field();
        }
        int i = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        return switch (m.group(1)) {
            case "coordinators" -> "samordnaren " + (i < c.coordinators().size() ? c.coordinators().get(i).id() : "")
                    + " är anställd av verksamheten";
            case "costLines" -> "kostnaden " + (i < c.costLines().size() ? c.costLines().get(i).name() : "")
                    + (v.field().endsWith(".payer") ? " betalas av verksamheten" : " bärs av verksamheten");
            case "rooms" -> "lokalen " + (i < c.rooms().size() ? c.rooms().get(i).id() : "") + " hör till verksamheten";
            case "dedicatedRent" -> "verksamheten står för hyresavtalet för egna lokaler";
            default -> "fördelningsregeln för " + SwedishTerms.pool(Pool.valueOf(m.group(1).substring("rules.".length())))
                    .toLowerCase(java.util.Locale.ROOT) + " har en procentsats för verksamheten";
        };
    }

    private static final java.util.regex.Pattern USE = java.util.regex.Pattern.compile(
            "^(coordinators|costLines|rooms|dedicatedRent|rules\\.(?:PREMISES|JOINT|COORDINATOR))(?:\\[(\\d+)])?.*$");

    // ---- answers after saving or a refusal --------------------------------------------

    private static HttpResponse<?> saved(long id) {
        return HttpResponse.seeOther(URI.create("/centraler/" + id + "/redigera?sparat=1"));
    }

    private HttpResponse<?> refused(Actor actor, long id, CentreDocument doc, Section section, String key,
                                    Map<String, String> form, List<Violation> violations, Map<String, String> remap,
                                    HttpStatus status) {
        Map<String, String> values = new TreeMap<>(form);
        Long version = parseVersion(form.get("version"));
        return form(actor, id, doc, section, key, values, remap, violations, version, status);
    }

    /** A refusal of the registry: the rules' and values' at their inputs (422), a stale version or issued period (409). */
    private HttpResponse<?> refusal(Actor actor, long id, CentreDocument doc, Section section, String key,
                                    Map<String, String> form, Refusal e, Map<String, String> remap) {
        if (e instanceof Refusal.NotFound) {
            return notFound(actor);
        }
        if (e instanceof Refusal.StaleVersion || e instanceof Refusal.VersionRequired) {
            HttpResponse<?> r = refused(actor, id, doc, section, key, form, List.of(), remap, HttpStatus.CONFLICT);
            Map<String, Object> model = model(r);
            String message = "Någon annan har ändrat uppgifterna sedan du öppnade formuläret, så inget sparades. "
                    + "Hämta de aktuella uppgifterna och gör din ändring igen.";
            model.put("stale", message);
            model.put("errors", List.of(Pages.error("aktuella", message)));
            return r;
        }
        if (e instanceof Refusal.IssuedPeriod) {
            HttpResponse<?> r = refused(actor, id, doc, section, key, form, List.of(), remap, HttpStatus.CONFLICT);
            Map<String, Object> model = model(r);
            String periods = String.join(", ", e.errors().stream().map(v -> v.field().replace("period ", "")).toList());
            String message = "Ändringen skulle ändra kvartal som redan är fakturerade (" + periods + "), så inget "
                    + "sparades. Kreditera fakturorna först, eller låt ändringen gälla från ett senare datum.";
            model.put("stale", null);
            model.put("errors", List.of(Pages.error("formular", message)));
            return r;
        }
        HttpStatus status = e instanceof Refusal.Conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        List<Violation> violations = e.errors().isEmpty() ? List.of(new Violation("", e.getMessage())) : e.errors();
        return refused(actor, id, doc, section, key, form, violations, remap, status);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(HttpResponse<?> response) {
        return ((ModelAndView<Map<String, Object>>) response.body()).getModel().orElseThrow();
    }

    private static ExpectedVersion version(Map<String, String> form) {
        Long version = parseVersion(form.get("version"));
        return version == null ? ExpectedVersion.NONE : ExpectedVersion.of(version);
    }

    private static Long parseVersion(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- small helpers --------------------------------------------------------------

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putText(Map<String, Object> m, String key, String value) {
        String v = blankToNull(value);
        if (v == null) {
            m.remove(key);
        } else {
            m.put(key, v);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean checked(Map<String, String> form, String key) {
        String v = form.get(key);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    private static int rows(Map<String, String> values, String key) {
        try {
            int n = Integer.parseInt(values.getOrDefault(key, "1").trim());
            return Math.max(1, Math.min(n, 50));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String entityName(Centre c, String organisationNumber) {
        return c.entities().stream().filter(e -> e.organisationNumber().equals(organisationNumber)).findFirst()
                .map(e -> e.name() + " (" + organisationNumber + ")").orElse(String.valueOf(organisationNumber));
    }

    private static String serviceName(Centre c, String id) {
        if (id == null) {
            return "";
        }
        return c.services().stream().filter(s -> s.id().equals(id)).findFirst()
                .map(s -> s.name() == null ? s.id() : s.name()).orElse(id);
    }
}
