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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.familycentre.access.AccessRefusal;
import se.familycentre.access.Account;
import se.familycentre.access.Accounts;
import se.familycentre.access.Actor;
import se.familycentre.access.Role;
import se.familycentre.access.Scope;
import se.familycentre.centre.CentreRepository;
import se.familycentre.centre.CentreRow;
import se.familycentre.centre.IndexValues;
import se.familycentre.centre.SavedScenarios;
import se.familycentre.web.api.SessionCookies;

/**
 * The web application's door (issue 12): signing in and out with a form, and a start page that
 * shows each role what it works with — a finance officer the centres of its entities, a steering
 * group its saved plans, an administrator the index values and what it administers. Pages are
 * Swedish and server-rendered; signing in sets the same session cookie as the API's sign-in.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class PageController {

    static final String SIGN_IN = "/logga-in";
    static final String PASSWORD = "/byt-losenord";

    private final Accounts accounts;
    private final SessionCookies cookies;
    private final Scope scope;
    private final CentreRepository centres;
    private final SavedScenarios plans;
    private final IndexValues index;

    public PageController(Accounts accounts, SessionCookies cookies, Scope scope, CentreRepository centres,
                          SavedScenarios plans, IndexValues index) {
        this.accounts = accounts;
        this.cookies = cookies;
        this.scope = scope;
        this.centres = centres;
        this.plans = plans;
        this.index = index;
    }

    /** What the sign-in form sends. */
    @Serdeable
    public record SignInForm(@Nullable String username, @Nullable String password) {
    }

    @Get
    public HttpResponse<?> start(HttpRequest<?> request) {
        Optional<Actor> actor = Pages.actor(request);
        if (actor.isEmpty()) {
            return HttpResponse.seeOther(URI.create(SIGN_IN));
        }
        if (se.familycentre.web.api.Access.mustChangePassword(request)) {
            return HttpResponse.seeOther(URI.create(PASSWORD));
        }
        Actor a = actor.get();
        Map<String, Object> model = Pages.model(a, "Startsida");
        if (a.isAdmin() || a.has(Role.FINANCE) || a.has(Role.STEERING)) {
            Set<Long> visible = scope.centreIds(a);
            Pageable byName = Pageable.from(0, 200, Sort.of(Sort.Order.asc("name")));
            List<CentreRow> rows = visible == null ? centres.findAll(byName).getContent()
                    : visible.isEmpty() ? List.of() : centres.findByIdIn(visible, byName).getContent();
            model.put("centres", rows.stream().map(PageController::centre).toList());
        }
        if (a.isAdmin() || a.has(Role.STEERING) || a.has(Role.FINANCE)) {
            model.put("plans", plans.list(scope.organisationNumbers(a), 0, 200).items().stream()
                    .map(PageController::plan).toList());
        }
        if (a.isAdmin()) {
            List<Map<String, Object>> series = new ArrayList<>();
            index.bySeries().forEach((name, entries) -> {
                IndexValues.Entry last = entries.get(entries.size() - 1);
                series.add(Map.of("name", name, "lastYear", last.year(),
                        "lastValue", Pages.decimal(last.october()), "count", entries.size()));
            });
            model.put("indexSeries", series);
        }
        return HttpResponse.ok(new ModelAndView<>("start", model));
    }

    @Get(SIGN_IN)
    public HttpResponse<?> signInPage(HttpRequest<?> request) {
        if (Pages.actor(request).isPresent()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        return HttpResponse.ok(new ModelAndView<>("login", Pages.anonymous("Logga in")));
    }

    @Post(SIGN_IN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        Map<String, Object> model = Pages.anonymous("Logga in");
        model.put("username", form.username() == null ? "" : form.username());
        List<Map<String, String>> errors = new ArrayList<>();
        if (form.username() == null || form.username().isBlank()) {
            errors.add(Pages.error("username", "Fyll i ditt användarnamn."));
        }
        if (form.password() == null || form.password().isEmpty()) {
            errors.add(Pages.error("password", "Fyll i ditt lösenord."));
        }
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        if (errors.isEmpty()) {
            try {
                Account account = accounts.authenticate(form.username().trim(), form.password(), true);
                return HttpResponse.seeOther(URI.create("/")).cookie(cookies.signedIn(request, account));
            } catch (AccessRefusal.LockedOut e) {
                status = HttpStatus.TOO_MANY_REQUESTS;
                errors.add(Pages.error("password", "För många misslyckade inloggningar. Försök igen efter "
                        + Pages.time(e.until()) + "."));
            } catch (AccessRefusal e) {
                status = HttpStatus.UNAUTHORIZED;
                errors.add(Pages.error("password", "Fel användarnamn eller lösenord."));
            }
        }
        model.put("errors", errors);
        errors.forEach(e -> model.put("error_" + e.get("field"), e.get("message")));
        return HttpResponse.status(status).body(new ModelAndView<>("login", model));
    }

    /** What the password form sends. */
    @Serdeable
    public record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword,
                               @Nullable String repeatPassword) {
    }

    @Get(PASSWORD)
    public HttpResponse<?> passwordPage(HttpRequest<?> request) {
        Optional<Actor> actor = Pages.actor(request);
        if (actor.isEmpty()) {
            return HttpResponse.seeOther(URI.create(SIGN_IN));
        }
        Map<String, Object> model = Pages.model(actor.get(), "Byt lösenord");
        model.put("required", se.familycentre.web.api.Access.mustChangePassword(request));
        model.put("minLength", se.familycentre.access.Passwords.MIN_LENGTH);
        return HttpResponse.ok(new ModelAndView<>("password", model));
    }

    @Post(PASSWORD)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> changePassword(HttpRequest<?> request, @Body PasswordForm form) {
        Optional<Actor> actor = Pages.actor(request);
        if (actor.isEmpty() || actor.get().kind() != Actor.Kind.USER) {
            return HttpResponse.seeOther(URI.create(SIGN_IN));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        if (form.newPassword() != null && !form.newPassword().equals(form.repeatPassword())) {
            errors.add(Pages.error("repeatPassword", "Lösenorden är inte lika."));
        } else {
            try {
                Account account = accounts.changePassword(actor.get().id(), form.currentPassword(), form.newPassword());
                return HttpResponse.seeOther(URI.create("/")).cookie(cookies.signedIn(request, account));
            } catch (AccessRefusal.Invalid e) {
                e.errors().forEach(v -> errors.add(Pages.error(v.field(), passwordReason(v.field(), v.reason()))));
            }
        }
        Map<String, Object> model = Pages.model(actor.get(), "Byt lösenord");
        model.put("required", se.familycentre.web.api.Access.mustChangePassword(request));
        model.put("minLength", se.familycentre.access.Passwords.MIN_LENGTH);
        model.put("errors", errors);
        errors.forEach(e -> model.put("error_" + e.get("field"), e.get("message")));
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("password", model));
    }

    /** The account's refusal of a new password, in Swedish. */
    static String passwordReason(String field, String reason) {
        if (field.equals("currentPassword")) {
            return reason.equals("is required") ? "Fyll i ditt nuvarande lösenord." : "Det nuvarande lösenordet stämmer inte.";
        }
        if (reason.equals("is required")) {
            return "Fyll i ett nytt lösenord.";
        }
        if (reason.startsWith("must have at least")) {
            return "Det nya lösenordet måste ha minst " + se.familycentre.access.Passwords.MIN_LENGTH + " tecken.";
        }
        if (reason.startsWith("must differ")) {
            return "Det nya lösenordet måste skilja sig från det nuvarande.";
        }
        return "Det nya lösenordet är för långt.";
    }

    @Post("/logga-ut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signOut(HttpRequest<?> request) {
        Pages.actor(request).filter(a -> a.kind() == Actor.Kind.USER).ifPresent(a -> accounts.signOut(a.id()));
        return HttpResponse.seeOther(URI.create(SIGN_IN)).cookie(cookies.signedOut(request));
    }

    private static Map<String, Object> centre(CentreRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id());
        m.put("name", row.name());
        m.put("municipality", row.municipality() == null ? "" : row.municipality());
        m.put("establishedOn", row.establishedOn() == null ? "" : row.establishedOn().toString());
        return m;
    }

    private static Map<String, Object> plan(SavedScenarios.Saved s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("updatedAt", Pages.time(s.updatedAt().toInstant()));
        m.put("decided", s.centreId() != null);
        return m;
    }
}
