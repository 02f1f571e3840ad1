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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import se.familycentre.access.Actor;
import se.familycentre.access.Role;
import se.familycentre.access.Scope;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.ServiceType;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.ExpectedVersion;
import se.familycentre.centre.LegalEntityRepository;
import se.familycentre.centre.Refusal;
import se.familycentre.centre.SavedScenarios;
import se.familycentre.centre.Scenarios;
import se.familycentre.format.FormatException;
import se.familycentre.format.ScenarioCsv;
import se.familycentre.format.ScenarioReader;
import se.familycentre.invoicing.FollowUp;
import se.familycentre.scenario.DecisionBasis;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.ScenarioReport;
import se.familycentre.scenario.ScenarioRun;
import se.familycentre.statement.SwedishFormat;
import se.familycentre.statement.SwedishTerms;
import se.familycentre.web.page.CentreEditForms.Option;

/**
 * The steering group's budget simulator (issue 12, item 4): a form for a planned centre with defaults
 * that compute, its results per year and party with the frames exceeded, the warnings, a chart and the
 * rule and service comparisons; saved plans to open, copy, delete and compare; the decision basis and
 * CSV; and the follow-up of a decided plan. The form becomes the JSON plan the API reads, and is
 * computed by the same domain beans as {@code POST /api/v1/scenarios/compute}. Roles and scope are the
 * API's: STEERING, FINANCE and ADMIN compute and read, STEERING and ADMIN save, change, copy and delete;
 * a plan none of whose parties is the person's is a 404.
 */
@Hidden
@Controller("/simulering")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class ScenarioPageController {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final List<Option> POOLS = Stream.of(Pool.PREMISES, Pool.JOINT, Pool.COORDINATOR)
            .map(p -> new Option(p.name(), SwedishTerms.pool(p))).toList();
    static final String BASE = "/simulering";

    private final Scope scope;
    private final Scenarios scenarios;
    private final SavedScenarios saved;
    private final FollowUp followUp;
    private final DecisionBasis decisionBasis;
    private final LegalEntityRepository entities;
    private final SimulatorDefaults defaults;

    public ScenarioPageController(Scope scope, Scenarios scenarios, SavedScenarios saved, FollowUp followUp,
                                  DecisionBasis decisionBasis, LegalEntityRepository entities, SimulatorDefaults defaults) {
        this.scope = scope;
        this.scenarios = scenarios;
        this.saved = saved;
        this.followUp = followUp;
        this.decisionBasis = decisionBasis;
        this.entities = entities;
        this.defaults = defaults;
    }

    /** Who may come in, or the answer to send instead. */
    private record Gate(Actor actor, HttpResponse<?> refusal) {
    }

    private Gate gate(HttpRequest<?> request, boolean write) {
        Optional<Actor> actor = Pages.actor(request);
        if (actor.isEmpty()) {
            return new Gate(null, HttpResponse.seeOther(URI.create(PageController.SIGN_IN)));
        }
        if (se.familycentre.web.api.Access.mustChangePassword(request)) {
            return new Gate(null, HttpResponse.seeOther(URI.create(PageController.PASSWORD)));
        }
        Actor a = actor.get();
        boolean reads = a.isAdmin() || a.has(Role.STEERING) || a.has(Role.FINANCE);
        if (!reads) {
            return new Gate(a, refused(a, HttpStatus.FORBIDDEN, "Ingen behörighet",
                    "Budgetsimuleringen är till för styrgrupper, ekonomer och administratörer."));
        }
        if (write && !mayWrite(a)) {
            return new Gate(a, refused(a, HttpStatus.FORBIDDEN, "Ingen behörighet",
                    "Bara styrgruppen kan spara, ändra, kopiera och ta bort planer. Du kan beräkna och läsa dem."));
        }
        return new Gate(a, null);
    }

    private static boolean mayWrite(Actor a) {
        return a.isAdmin() || a.has(Role.STEERING);
    }

    private static HttpResponse<?> refused(Actor a, HttpStatus status, String title, String message) {
        Map<String, Object> model = Pages.model(a, title);
        model.put("message", message);
        return HttpResponse.status(status).body(new ModelAndView<>("simulering-fel", model));
    }

    private static HttpResponse<?> notFound(Actor a) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("notfound", Pages.model(a, "Hittades inte")));
    }

    // ------------------------------------------------------------------ the form and its results

    @Get
    public HttpResponse<?> form(HttpRequest<?> request) {
        Gate g = gate(request, false);
        if (g.refusal() != null) {
            return g.refusal();
        }
        ScenarioForm form = ScenarioForm.defaults(defaults.plan(), own(g.actor()), LocalDate.now(SWEDEN));
        Map<String, Object> model = formModel(g.actor(), "Budgetsimulering", form, List.of(), null);
        return HttpResponse.ok(new ModelAndView<>("simulering", model));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> compute(HttpRequest<?> request, @Nullable @Body Map<String, String> body) {
        Gate g = gate(request, false);
        if (g.refusal() != null) {
            return g.refusal();
        }
        return page(g.actor(), new ScenarioForm(body == null ? Map.of() : body), false);
    }

    /**
     * The rule and service comparisons of the form's plan. The results page asks for them with htmx
     * once it has loaded ({@code HX-Request}), and gets them as a fragment: they take several times the
     * plan's computing, and the plan's own figures need not wait for them. Without script the page's
     * button posts the form here and gets the whole page, plan and comparisons.
     */
    @Post("/jamforelser")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> comparisons(HttpRequest<?> request, @Nullable @Body Map<String, String> body) {
        Gate g = gate(request, false);
        if (g.refusal() != null) {
            return g.refusal();
        }
        ScenarioForm form = new ScenarioForm(body == null ? Map.of() : body);
        if (!"true".equals(request.getHeaders().get("HX-Request"))) {
            return page(g.actor(), form, true);
        }
        Computed c = computed(form, true);
        String html = c.errors().isEmpty() ? ScenarioResultsHtml.comparisons(ScenarioResults.comparisons(c.report()))
                : ScenarioResultsHtml.comparisonsRefused();
        return HttpResponse.ok(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
    }

    /** The form with its plan's results, the comparisons with them or asked for by the page. */
    private HttpResponse<?> page(Actor actor, ScenarioForm form, boolean withComparisons) {
        Computed c = computed(form, withComparisons);
        SavedScenarios.Saved plan = openedPlan(form, actor);
        Map<String, Object> model = formModel(actor, plan == null ? "Budgetsimulering" : plan.name(), form, c.errors(), plan);
        if (!c.errors().isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("simulering", model));
        }
        results(model, c);
        return HttpResponse.ok(new ModelAndView<>("simulering", model));
    }

    @Post(value = "/beslutsunderlag.pdf", produces = {"application/pdf", MediaType.TEXT_HTML})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> pdf(HttpRequest<?> request, @Nullable @Body Map<String, String> body) {
        return export(request, body, true);
    }

    @Post(value = "/resultat.csv", produces = {"text/csv", MediaType.TEXT_HTML})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> csv(HttpRequest<?> request, @Nullable @Body Map<String, String> body) {
        return export(request, body, false);
    }

    private HttpResponse<?> export(HttpRequest<?> request, Map<String, String> body, boolean pdf) {
        Gate g = gate(request, false);
        if (g.refusal() != null) {
            return g.refusal();
        }
        ScenarioForm form = new ScenarioForm(body == null ? Map.of() : body);
        Computed c = computed(form, true);
        if (!c.errors().isEmpty()) {
            Map<String, Object> model = formModel(g.actor(), "Budgetsimulering", form, c.errors(), openedPlan(form, g.actor()));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>("simulering", model));
        }
        if (pdf) {
            return HttpResponse.ok(decisionBasis.render(c.report(), LocalDate.now(SWEDEN)))
                    .contentType(MediaType.of("application/pdf"))
                    .header("Content-Disposition", "inline; filename=\"beslutsunderlag.pdf\"");
        }
        return HttpResponse.ok(ScenarioCsv.write(c.report())).contentType(MediaType.of("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"scenario.csv\"");
    }

    /**
     * The form's plan computed, or the refusals, each at its input.
     *
     * @param result the plan's figures
     * @param report the plan with its comparisons, when they were asked for
     */
    private record Computed(ScenarioForm.Plan plan, Scenario scenario, ScenarioRun.Result result,
                            ScenarioReport report, List<Map<String, String>> errors) {
    }

    private Computed computed(ScenarioForm form, boolean withComparisons) {
        ScenarioForm.Plan plan = form.toPlan();
        List<Map<String, String>> errors = new ArrayList<>(plan.errors());
        Scenario scenario = null;
        ScenarioRun.Result result = null;
        ScenarioReport report = null;
        try {
            scenario = ScenarioReader.read(plan.json());
            if (errors.isEmpty() && withComparisons) {
                report = scenarios.report(scenario);
                result = report.plan();
            } else if (errors.isEmpty()) {
                result = Scenarios.computed(scenarios.compute(scenario));
            }
        } catch (FormatException e) {
            errors.addAll(fieldErrors(e.errors(), plan));
        } catch (Refusal e) {
            errors.addAll(fieldErrors(e.errors(), plan));
        }
        return new Computed(plan, scenario, result, report, distinct(errors));
    }

    private static List<Map<String, String>> fieldErrors(List<Violation> violations, ScenarioForm.Plan plan) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (Violation v : violations) {
            String field = ScenarioForm.fieldOf(v.field(), plan);
            errors.add(Pages.error(field, ScenarioForm.swedish(field, v.reason())));
        }
        return errors;
    }

    /** One message a field: the first. */
    private static List<Map<String, String>> distinct(List<Map<String, String>> errors) {
        Map<String, Map<String, String>> byField = new LinkedHashMap<>();
        for (Map<String, String> e : errors) {
            byField.putIfAbsent(e.get("field"), e);
        }
        return new ArrayList<>(byField.values());
    }

    /** The saved plan the form was opened from, if the person sees it. */
    private SavedScenarios.Saved openedPlan(ScenarioForm form, Actor actor) {
        String id = form.get("planId").trim();
        if (!id.matches("\\d{1,18}")) {
            return null;
        }
        try {
            return saved.get(Long.parseLong(id), scope.organisationNumbers(actor));
        } catch (Refusal.NotFound e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ saved plans

    @Post("/spara")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, @Nullable @Body Map<String, String> body) {
        Gate g = gate(request, true);
        if (g.refusal() != null) {
            return g.refusal();
        }
        ScenarioForm form = new ScenarioForm(body == null ? Map.of() : body);
        ScenarioForm.Plan plan = form.toPlan();
        List<Map<String, String>> errors = new ArrayList<>(plan.errors());
        if (errors.isEmpty()) {
            try {
                SavedScenarios.Saved s = saved.create(ScenarioReader.read(plan.json()), plan.json(),
                        scope.organisationNumbers(g.actor()));
                return HttpResponse.seeOther(URI.create(BASE + "/planer/" + s.id() + "?sparad=1"));
            } catch (FormatException e) {
                errors.addAll(fieldErrors(e.errors(), plan));
            } catch (Refusal e) {
                errors.addAll(fieldErrors(e.errors(), plan));
            }
        }
        Map<String, Object> model = formModel(g.actor(), "Budgetsimulering", form, distinct(errors), null);
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("simulering", model));
    }

    @Get("/planer")
    public HttpResponse<?> plans(HttpRequest<?> request) {
        Gate g = gate(request, false);
        if (g.refusal() != null) {
            return g.refusal();
        }
        Map<String, Object> model = Pages.model(g.actor(), "Sparade budgetplaner");
        model.put("plans", list(g.actor()));
        model.put("mayWrite", mayWrite(g.actor()));
        return HttpResponse.ok(new ModelAndView<>("simulering-planer", model));
    }

    private List<Map<String, Object>> list(Actor actor) {
        return saved.list(scope.organisationNumbers(actor), 0, 200).items().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name());
            m.put("version", s.version());
            m.put("parties", String.join(", ", s.parties()));
            m.put("updatedAt", Pages.time(s.updatedAt().toInstant()));
            m.put("updatedBy", s.updatedBy() == null ? "" : s.updatedBy());
            m.put("decided", s.centreId() != null);
            m.put("centreId", s.centreId());
            return m;
        }).toList();
    }

    @Get("/planer/{id}")
    public HttpResponse<?> open(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String sparad) {
        Gate g = gate(request, false);
        if (g.refusal() != null) {
            return g.refusal();
        }
        SavedScenarios.Saved s;
        try {
            s = saved.get(id, scope.organisationNumbers(g.actor()));
        } catch (Refusal.NotFound e) {
            return notFound(g.actor());
        }
        ScenarioForm form = ScenarioForm.of(ScenarioReader.tree(s.plan()));
        form.values.put("planId", String.valueOf(s.id()));
        form.values.put("version", String.valueOf(s.version()));
        Computed c = computed(form, false);
        Map<String, Object> model = formModel(g.actor(), s.name(), form, c.errors(), s);
        if (sparad != null) {
            model.put("notice", "Planen är sparad.");
        }
        if (c.errors().isEmpty()) {
            results(model, c);
        }
        return HttpResponse.ok(new ModelAndView<>("simulering", model));
    }

    @Post("/planer/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> update(HttpRequest<?> request, @PathVariable long id, @Nullable @Body Map<String, String> body) {
        Gate g = gate(request, true);
        if (g.refusal() != null) {
            return g.refusal();
        }
        Set<String> mine = scope.organisationNumbers(g.actor());
        ScenarioForm form = new ScenarioForm(body == null ? Map.of() : body);
        ScenarioForm.Plan plan = form.toPlan();
        List<Map<String, String>> errors = new ArrayList<>(plan.errors());
        SavedScenarios.Saved current;
        try {
            current = saved.get(id, mine);
        } catch (Refusal.NotFound e) {
            return notFound(g.actor());
        }
        if (errors.isEmpty()) {
            try {
                String version = form.get("version").trim();
                ExpectedVersion expected = version.matches("\\d{1,18}") ? ExpectedVersion.of(Long.parseLong(version))
                        : ExpectedVersion.NONE;
                saved.update(id, ScenarioReader.read(plan.json()), plan.json(), expected, mine);
                return HttpResponse.seeOther(URI.create(BASE + "/planer/" + id + "?sparad=1"));
            } catch (Refusal.NotFound e) {
                return notFound(g.actor());
            } catch (Refusal.Conflict e) {
                return refused(g.actor(), HttpStatus.CONFLICT, "Planen kan inte ändras", decided(current));
            } catch (Refusal.StaleVersion | Refusal.VersionRequired e) {
                return refused(g.actor(), HttpStatus.CONFLICT, "Planen har ändrats",
                        "Någon annan har ändrat planen sedan du öppnade den. Öppna den igen och gör om ändringen.");
            } catch (FormatException e) {
                errors.addAll(fieldErrors(e.errors(), plan));
            } catch (Refusal e) {
                errors.addAll(fieldErrors(e.errors(), plan));
            }
        }
        Map<String, Object> model = formModel(g.actor(), current.name(), form, distinct(errors), current);
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("simulering", model));
    }

    private static String decided(SavedScenarios.Saved s) {
        return "Planen " + s.name() + " är beslutad och har blivit familjecentral " + s.centreId()
                + ". Den är budgeten som utfallet följs upp mot, så den kan inte ändras eller tas bort. "
                + "Kopiera den för att planera vidare.";
    }

    @Post("/planer/{id}/kopiera")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> copy(HttpRequest<?> request, @PathVariable long id, @Nullable @Body Map<String, String> body) {
        Gate g = gate(request, true);
        if (g.refusal() != null) {
            return g.refusal();
        }
        String name = body == null ? null : body.get("copyName");
        try {
            SavedScenarios.Saved copy = saved.copy(id, name == null || name.isBlank() ? null : name.trim(),
                    scope.organisationNumbers(g.actor()));
            return HttpResponse.seeOther(URI.create(BASE + "/planer/" + copy.id() + "?sparad=1"));
        } catch (Refusal.NotFound e) {
            return notFound(g.actor());
        } catch (Refusal e) {
            return refused(g.actor(), HttpStatus.UNPROCESSABLE_ENTITY, "Planen kan inte kopieras",
                    "Kopian godtas inte: " + e.errors().stream().map(v -> ScenarioForm.swedish(v.field(), v.reason()))
                            .reduce((x, y) -> x + " " + y).orElse(""));
        }
    }

    @Get("/planer/{id}/ta-bort")
    public HttpResponse<?> confirmDelete(HttpRequest<?> request, @PathVariable long id) {
        Gate g = gate(request, true);
        if (g.refusal() != null) {
            return g.refusal();
        }
        SavedScenarios.Saved s;
        try {
            s = saved.get(id, scope.organisationNumbers(g.actor()));
        } catch (Refusal.NotFound e) {
            return notFound(g.actor());
        }
        if (s.centreId() != null) {
            return refused(g.actor(), HttpStatus.CONFLICT, "Planen kan inte tas bort", decided(s));
        }
        Map<String, Object> model = Pages.model(g.actor(), "Ta bort planen");
        model.put("id", s.id());
        model.put("name", s.name());
        model.put("version", s.version());
        return HttpResponse.ok(new ModelAndView<>("simulering-ta-bort", model));
    }

    @Post("/planer/{id}/ta-bort")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> delete(HttpRequest<?> request, @PathVariable long id, @Nullable @Body Map<String, String> body) {
        Gate g = gate(request, true);
        if (g.refusal() != null) {
            return g.refusal();
        }
        Set<String> mine = scope.organisationNumbers(g.actor());
        String version = body == null || body.get("version") == null ? "" : body.get("version").trim();
        try {
            SavedScenarios.Saved s = saved.get(id, mine);
            try {
                saved.delete(id, version.matches("\\d{1,18}") ? ExpectedVersion.of(Long.parseLong(version))
                        : ExpectedVersion.NONE, mine);
            } catch (Refusal.Conflict e) {
                return refused(g.actor(), HttpStatus.CONFLICT, "Planen kan inte tas bort", decided(s));
            }
            return HttpResponse.seeOther(URI.create(BASE + "/planer"));
        } catch (Refusal.NotFound e) {
            return notFound(g.actor());
        } catch (Refusal.StaleVersion | Refusal.VersionRequired e) {
            return refused(g.actor(), HttpStatus.CONFLICT, "Planen har ändrats",
                    "Någon annan har ändrat planen sedan du öppnade den. Öppna listan igen och försök på nytt.");
        }
    }

    @Get("/jamfor")
    public HttpResponse<?> compare(HttpRequest<?> request, @Nullable @QueryValue String a, @Nullable @QueryValue String b) {
        Gate g = gate(request, false);
        if (g.refusal() != null) {
            return g.refusal();
        }
        Map<String, Object> model = Pages.model(g.actor(), "Jämför planer");
        model.put("plans", list(g.actor()));
        model.put("a", a == null ? "" : a);
        model.put("b", b == null ? "" : b);
        List<Map<String, String>> errors = new ArrayList<>();
        if (a == null || !a.matches("\\d{1,18}")) {
            errors.add(Pages.error("a", "Välj plan A."));
        }
        if (b == null || !b.matches("\\d{1,18}")) {
            errors.add(Pages.error("b", "Välj plan B."));
        }
        if (!errors.isEmpty()) {
            model.put("errors", a == null && b == null ? List.of() : errors);
            errors.forEach(e -> model.put("error_" + e.get("field"), e.get("message")));
            return HttpResponse.status(a == null && b == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("simulering-jamfor", model));
        }
        Set<String> mine = scope.organisationNumbers(g.actor());
        SavedScenarios.Saved first;
        SavedScenarios.Saved second;
        try {
            first = saved.get(Long.parseLong(a), mine);
            second = saved.get(Long.parseLong(b), mine);
        } catch (Refusal.NotFound e) {
            return notFound(g.actor());
        }
        try {
            ScenarioRun.Result ra = scenarios.report(ScenarioReader.read(first.plan())).plan();
            ScenarioRun.Result rb = scenarios.report(ScenarioReader.read(second.plan())).plan();
            model.put("nameA", first.name());
            model.put("nameB", second.name());
            model.put("idA", first.id());
            model.put("idB", second.id());
            model.put("rangeA", SwedishFormat.date(ra.scenario().start()) + " – " + SwedishFormat.date(ra.scenario().end()));
            model.put("rangeB", SwedishFormat.date(rb.scenario().start()) + " – " + SwedishFormat.date(rb.scenario().end()));
            model.put("rows", ScenarioResults.compare(ra, rb));
        } catch (FormatException | Refusal e) {
            return refused(g.actor(), HttpStatus.UNPROCESSABLE_ENTITY, "Planerna kan inte jämföras",
                    "En av planerna kan inte beräknas. Öppna den för att se vad som behöver rättas.");
        }
        return HttpResponse.ok(new ModelAndView<>("simulering-jamfor", model));
    }

    @Get("/planer/{id}/uppfoljning")
    public HttpResponse<?> followUp(HttpRequest<?> request, @PathVariable long id) {
        Gate g = gate(request, false);
        if (g.refusal() != null) {
            return g.refusal();
        }
        FollowUp.Report report;
        try {
            report = followUp.of(id, scope.organisationNumbers(g.actor()));
        } catch (Refusal.NotFound e) {
            return notFound(g.actor());
        } catch (Refusal.Conflict e) {
            return refused(g.actor(), HttpStatus.CONFLICT, "Ingen uppföljning ännu",
                    "Planen är inte beslutad: den har inte blivit en familjecentral, så det finns inget utfall att följa upp.");
        }
        Map<String, Object> model = Pages.model(g.actor(), "Uppföljning: " + report.plan().name());
        model.put("id", id);
        model.put("name", report.plan().name());
        model.put("centreId", report.centreId());
        model.put("decidedOn", SwedishFormat.date(report.decidedOn()));
        model.put("years", report.years().stream().map(y -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", y.period().from().getYear());
            m.put("range", SwedishFormat.date(y.period().from()) + " – " + SwedishFormat.date(y.period().to()));
            m.put("refused", y.allocationRefused().stream().map(v -> v.field() + ": " + v.reason()).toList());
            m.put("rows", y.entities().stream().map(e -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", (e.name() == null ? "" : e.name() + " ") + "(" + e.organisationNumber() + ")");
                r.put("budget", SwedishFormat.amount(e.budget().total()));
                r.put("allocated", e.allocated() == null ? "kan inte beräknas" : SwedishFormat.amount(e.allocated().total()));
                r.put("allocatedLessBudget", e.allocated() == null ? "–"
                        : ScenarioResults.signed(e.allocated().total().subtract(e.budget().total())));
                r.put("quarters", e.invoicedQuarters().isEmpty() ? "inga ännu" : String.join(", ", e.invoicedQuarters()));
                r.put("invoicedNet", SwedishFormat.amount(e.invoicedNet()));
                r.put("budgetNet", SwedishFormat.amount(e.budgetNetInvoiced()));
                r.put("netLessBudget", ScenarioResults.signed(e.invoicedNet().subtract(e.budgetNetInvoiced())));
                return r;
            }).toList());
            return m;
        }).toList());
        return HttpResponse.ok(new ModelAndView<>("simulering-uppfoljning", model));
    }

    // ------------------------------------------------------------------ the form's model

    /** The person's own legal entities, by name; none for an administrator, who acts for all. */
    private List<LegalEntity> own(Actor actor) {
        Set<String> mine = scope.organisationNumbers(actor);
        if (mine == null) {
            return List.of();
        }
        List<LegalEntity> out = new ArrayList<>();
        for (String org : new TreeSet<>(mine)) {
            out.add(entities.findByOrganisationNumber(org).map(r -> new LegalEntity(r.organisationNumber(), r.name()))
                    .orElse(new LegalEntity(org, org)));
        }
        out.sort(java.util.Comparator.comparing(e -> e.name() == null ? "" : e.name()));
        return out;
    }

    private List<Map<String, String>> offered(Actor actor) {
        Set<String> mine = scope.organisationNumbers(actor);
        List<LegalEntity> list;
        if (mine == null) {
            list = entities.findAll(Pageable.from(0, 200, Sort.of(Sort.Order.asc("name")))).getContent().stream()
                    .map(r -> new LegalEntity(r.organisationNumber(), r.name())).toList();
        } else {
            list = own(actor);
        }
        return list.stream().map(e -> Map.of("org", e.organisationNumber(), "name", e.name() == null ? "" : e.name()))
                .toList();
    }

    private Map<String, Object> formModel(Actor actor, String title, ScenarioForm form, List<Map<String, String>> errors,
                                          SavedScenarios.Saved plan) {
        Map<String, Object> model = Pages.model(actor, title);
        Map<String, String> fe = new LinkedHashMap<>();
        errors.forEach(e -> fe.putIfAbsent(e.get("field"), e.get("message")));
        model.put("errors", errors);
        model.put("fe", fe);
        model.put("planErrors", errors.stream().filter(e -> e.get("field").equals("planen")).map(e -> e.get("message")).toList());
        model.put("v", form.values);
        model.put("mayWrite", mayWrite(actor));
        model.put("offered", offered(actor));
        List<Option> parties = new ArrayList<>();
        for (int i = 0; i < form.parties(); i++) {
            String org = form.get("party-" + i + "-org").trim();
            String name = form.get("party-" + i + "-name").trim();
            parties.add(new Option(String.valueOf(i), "Part " + (i + 1)
                    + (org.isEmpty() && name.isEmpty() ? " (inte ifylld)" : ": " + name + (org.isEmpty() ? "" : " (" + org + ")"))));
        }
        List<Option> services = new ArrayList<>();
        for (int i = 0; i < form.services(); i++) {
            services.add(new Option(String.valueOf(i), serviceLabel(form, i)));
        }
        model.put("serviceLegends", services.stream().map(Option::label).toList());
        List<Option> payers = new ArrayList<>();
        payers.add(new Option("", "Samordnarens arbetsgivare"));
        payers.addAll(services);
        List<Option> costPayers = new ArrayList<>();
        costPayers.add(new Option("", "Lokalbetalaren eller samordnarens arbetsgivare"));
        costPayers.addAll(services);
        model.put("fields", SimulatorFormHtml.blocks(form, fe, new SimulatorFormHtml.Choices(CentreEditForms.serviceTypes(),
                parties, payers, costPayers, CentreEditForms.roomTypes(), CentreEditForms.ruleKinds(false), POOLS, services)));
        if (plan != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", plan.id());
            p.put("name", plan.name());
            p.put("version", plan.version());
            p.put("decided", plan.centreId() != null);
            p.put("centreId", plan.centreId());
            p.put("pdf", "/api/v1/scenarios/" + plan.id() + "/decision-basis.pdf");
            p.put("csv", "/api/v1/scenarios/" + plan.id() + "/result.csv");
            p.put("followUp", BASE + "/planer/" + plan.id() + "/uppfoljning");
            p.put("decidedText", plan.centreId() == null ? "" : decided(plan));
            model.put("plan", p);
            model.put("formAction", BASE);
        }
        return model;
    }

    private static String serviceLabel(ScenarioForm form, int i) {
        String name = form.get("service-" + i + "-name").trim();
        String id = form.get("service-" + i + "-id").trim();
        String type = form.get("service-" + i + "-type");
        String typeName;
        try {
            typeName = SwedishTerms.serviceType(ServiceType.valueOf(type));
        } catch (RuntimeException e) {
            typeName = "Verksamhet";
        }
        return (name.isEmpty() ? typeName : name) + (id.isEmpty() ? "" : " (" + id + ")");
    }

    /**
     * The results into the model: {@code result} for the heading and {@code resultHtml}, the plan's
     * tables and the comparisons or the place the page loads them into. The chart's data is JSON
     * that cannot close the script element it sits in.
     */
    private static void results(Map<String, Object> model, Computed c) {
        Map<String, Object> result = ScenarioResults.of(c.result());
        String chartJson = ScenarioForm.write(result.get("chart")).replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026");
        model.put("result", result);
        model.put("resultHtml", ScenarioResultsHtml.of(result, chartJson) + (c.report() == null
                ? ScenarioResultsHtml.comparisonsToLoad(BASE + "/jamforelser")
                : ScenarioResultsHtml.comparisons(ScenarioResults.comparisons(c.report()))));
    }
}
