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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.familycentre.access.AccessRefusal;
import se.familycentre.access.Account;
import se.familycentre.access.Accounts;
import se.familycentre.access.Actor;
import se.familycentre.access.Passwords;
import se.familycentre.access.Role;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.EntityRegistry;
import se.familycentre.centre.LegalEntityRow;

/**
 * The users for administrators (issue 12): who they are, their roles and legal entities, whether
 * they may sign in; creating one with an initial password, changing roles, entities and the name,
 * setting a new password, and deactivating or reactivating. The same {@link Accounts} as the API's
 * user resource does the work and refuses what it refuses, in Swedish next to the field.
 */
@Hidden
@Controller("/admin/anvandare")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AdminUserPageController {

    static final String PATH = "/admin/anvandare";

    private final Accounts accounts;
    private final EntityRegistry registry;

    public AdminUserPageController(Accounts accounts, EntityRegistry registry) {
        this.accounts = accounts;
        this.registry = registry;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String sparad) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, String> names = entityNames(registry);
        Map<String, Object> model = Pages.model(gate.admin(), "Användare");
        List<Account> all = accounts.list();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        model.put("users", all.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("username", a.username());
            m.put("name", a.displayName());
            m.put("roles", roles(a.roles()));
            m.put("entities", a.entities().stream().sorted().map(o -> names.getOrDefault(o, o) + " (" + o + ")")
                    .toList());
            m.put("status", status(a, now));
            m.put("disabled", a.disabled());
            m.put("lastSignIn", a.lastSignInAt() == null ? "Aldrig" : AdminPages.time(a.lastSignInAt()));
            return m;
        }).toList());
        if (sparad != null) {
            all.stream().filter(a -> String.valueOf(a.id()).equals(sparad)).findFirst().ifPresent(a ->
                    model.put("notice", "Användaren " + a.username() + " är sparad"
                            + (a.disabled() ? " och inaktiverad." : ".")));
        }
        return HttpResponse.ok(new ModelAndView<>("adminUsers", model));
    }

    @Get("/ny")
    public HttpResponse<?> newForm(HttpRequest<?> request) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("username", "");
        values.put("displayName", "");
        values.put("mustChangePassword", true);
        return HttpResponse.ok(new ModelAndView<>("adminUser", model(gate.admin(), null, values, Set.of(), Set.of(),
                Map.of())));
    }

    @Post("/ny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, @Body Map<String, Object> form) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> roles = roles(form, errors);
        Set<String> entities = new LinkedHashSet<>(AdminPages.values(form, "entities"));
        boolean mustChange = "true".equals(AdminPages.value(form, "mustChangePassword"));
        if (errors.isEmpty()) {
            try {
                String password = form.get("password") == null ? null : form.get("password").toString();
                Account created = accounts.create(new Accounts.Changes(AdminPages.value(form, "username"),
                        AdminPages.value(form, "displayName"), password == null || password.isEmpty() ? null : password,
                        roles, entities, false, mustChange));
                return AdminPages.redirect(PATH + "?sparad=" + created.id());
            } catch (AccessRefusal.Invalid e) {
                e.errors().forEach(v -> errors.putIfAbsent(field(v), message(v)));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>(AdminPages.texts(form));
        values.remove("password");
        values.put("mustChangePassword", mustChange);
        return AdminPages.refused(HttpStatus.UNPROCESSABLE_ENTITY, "adminUser",
                model(gate.admin(), null, values, roles, entities, errors));
    }

    @Get("/{id}")
    public HttpResponse<?> editForm(HttpRequest<?> request, @PathVariable String id) {
        return withAccount(request, id, (admin, a) -> HttpResponse.ok(new ModelAndView<>("adminUser",
                model(admin, a, stored(a), a.roles(), a.entities(), Map.of()))));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> update(HttpRequest<?> request, @PathVariable String id, @Body Map<String, Object> form) {
        return withAccount(request, id, (admin, a) -> update(admin, a, form));
    }

    private HttpResponse<?> update(Actor admin, Account a, Map<String, Object> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> roles = roles(form, errors);
        Set<String> entities = new LinkedHashSet<>(AdminPages.values(form, "entities"));
        if (self(admin, a) && !roles.contains(Role.ADMIN)) {
            errors.putIfAbsent("roles", "Du kan inte ta bort din egen administratörsroll; be en annan administratör.");
        }
        String displayName = form.get("displayName") == null ? "" : form.get("displayName").toString();
        if (errors.isEmpty()) {
            try {
                String password = form.get("password") == null ? null : form.get("password").toString();
                accounts.update(a.id(), new Accounts.Changes(null, displayName,
                        password == null || password.isEmpty() ? null : password, roles, entities, null, null));
                return AdminPages.redirect(PATH + "?sparad=" + a.id());
            } catch (AccessRefusal.Invalid e) {
                e.errors().forEach(v -> errors.putIfAbsent(field(v), message(v)));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>(AdminPages.texts(form));
        values.remove("password");
        values.put("username", a.username());
        return AdminPages.refused(HttpStatus.UNPROCESSABLE_ENTITY, "adminUser",
                model(admin, a, values, roles, entities, errors));
    }

    /** Lifts a lockout after wrong passwords before it runs out (the user asked, the administrator knows them). */
    @Post("/{id}/las-upp")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> unlock(HttpRequest<?> request, @PathVariable String id) {
        return withAccount(request, id, (admin, a) -> {
            accounts.unlock(a.id());
            return AdminPages.redirect(PATH + "?sparad=" + a.id());
        });
    }

    @Post("/{id}/inaktivera")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> deactivate(HttpRequest<?> request, @PathVariable String id) {
        return setDisabled(request, id, true);
    }

    @Post("/{id}/aktivera")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> reactivate(HttpRequest<?> request, @PathVariable String id) {
        return setDisabled(request, id, false);
    }

    /** The user's state as the list says it: inactive, locked out after wrong passwords (until when), or active. */
    static String status(Account a, OffsetDateTime now) {
        if (a.disabled()) {
            return "Inaktiverad";
        }
        if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
            return "Låst till " + AdminPages.time(a.lockedUntil()) + " efter för många felaktiga lösenord";
        }
        return a.mustChangePassword() ? "Aktiv, måste byta lösenord" : "Aktiv";
    }

    private HttpResponse<?> setDisabled(HttpRequest<?> request, String id, boolean disabled) {
        return withAccount(request, id, (admin, a) -> {
            if (disabled && self(admin, a)) {
                return AdminPages.refused(HttpStatus.UNPROCESSABLE_ENTITY, "adminUser", model(admin, a, stored(a),
                        a.roles(), a.entities(), Map.of("inaktivera", "Du kan inte inaktivera dig själv.")));
            }
            accounts.update(a.id(), new Accounts.Changes(null, null, null, null, null, disabled, null));
            return AdminPages.redirect(PATH + "?sparad=" + a.id());
        });
    }

    /** The administrator's answer about the user the path names: the sign-in or 404 page when there is none. */
    private HttpResponse<?> withAccount(HttpRequest<?> request, String id,
                                        java.util.function.BiFunction<Actor, Account, HttpResponse<?>> answer) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Optional<Account> account = find(id);
        return account.isEmpty() ? AdminPages.notFound(gate.admin()) : answer.apply(gate.admin(), account.get());
    }

    /** The user's name fields as stored, for the form. */
    private static Map<String, Object> stored(Account a) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("username", a.username());
        values.put("displayName", a.displayName());
        return values;
    }

    private static boolean self(Actor admin, Account a) {
        return admin.kind() == Actor.Kind.USER && admin.id() == a.id();
    }

    private Optional<Account> find(String id) {
        return id.matches("\\d{1,18}") ? accounts.byId(Long.parseLong(id)) : Optional.empty();
    }

    private Map<String, Object> model(Actor admin, Account account, Map<String, Object> values, Set<Role> roles,
                                      Set<String> entities, Map<String, String> errors) {
        Map<String, Object> model = AdminPages.form(admin, account == null ? "Ny användare"
                : "Ändra " + account.username(), values, errors);
        model.put("editing", account != null);
        model.put("action", account == null ? PATH + "/ny" : PATH + "/" + account.id());
        if (account != null) {
            model.put("id", account.id());
            model.put("disabled", account.disabled());
            model.put("self", self(admin, account));
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            boolean locked = !account.disabled() && account.lockedUntil() != null && account.lockedUntil().isAfter(now);
            model.put("locked", locked ? status(account, now) : null);
        }
        model.put("minLength", Passwords.MIN_LENGTH);
        List<Map<String, Object>> roleBoxes = new ArrayList<>();
        for (Role r : Role.values()) {
            roleBoxes.add(Map.of("value", r.name(), "id", "role-" + r.name(), "label", roleLabel(r),
                    "checked", roles.contains(r)));
        }
        model.put("roleBoxes", roleBoxes);
        model.put("entityBoxes", entityBoxes(registry, entities));
        return model;
    }

    /** A checkbox per registered legal entity, by name; those given are ticked. */
    static List<Map<String, Object>> entityBoxes(EntityRegistry registry, Set<String> ticked) {
        List<Map<String, Object>> boxes = new ArrayList<>();
        for (LegalEntityRow e : registry.list(Pageable.from(0, 1000, Sort.of(Sort.Order.asc("name")))).getContent()) {
            boxes.add(Map.of("value", e.organisationNumber(), "id", "entity-" + e.organisationNumber(),
                    "label", e.name() + " (" + e.organisationNumber() + ")", "checked",
                    ticked.contains(e.organisationNumber())));
        }
        return boxes;
    }

    static Map<String, String> entityNames(EntityRegistry registry) {
        Map<String, String> names = new LinkedHashMap<>();
        registry.list(Pageable.from(0, 1000)).getContent().forEach(e -> names.put(e.organisationNumber(), e.name()));
        return names;
    }

    private static Set<Role> roles(Map<String, Object> form, Map<String, String> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String v : AdminPages.values(form, "roles")) {
            try {
                roles.add(Role.valueOf(v));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("roles", "Välj roller bland dem som finns.");
            }
        }
        return roles;
    }

    static List<String> roles(Set<Role> roles) {
        return roles.stream().sorted().map(AdminUserPageController::roleLabel).toList();
    }

    static String roleLabel(Role r) {
        return switch (r) {
            case ADMIN -> "Administratör";
            case FINANCE -> "Ekonom";
            case STEERING -> "Styrgrupp";
            case SYSTEM -> "System";
        };
    }

    /** The form field of an account's refusal: the roles' and entities' groups have their first box's id. */
    private static String field(Violation v) {
        return v.field();
    }

    static String message(Violation v) {
        String r = v.reason();
        return switch (v.field()) {
            case "username" -> r.startsWith("is taken") ? "Användarnamnet är upptaget; välj ett annat."
                    : r.startsWith("cannot change") ? "Användarnamnet kan inte ändras."
                    : "Ange ett användarnamn med 2–100 tecken: bokstäverna a–z, siffror eller . _ @ -";
            case "displayName" -> "Fyll i namnet.";
            case "password" -> r.startsWith("is required") ? "Fyll i ett startlösenord."
                    : r.startsWith("must have at least") ? "Lösenordet måste ha minst " + Passwords.MIN_LENGTH + " tecken."
                    : "Lösenordet är för långt: högst " + Passwords.MAX_BYTES + " byte.";
            case "roles" -> "Välj minst en roll.";
            case "entities" -> r.startsWith("names ")
                    ? "Organisationen " + r.substring(6).replaceFirst(",.*", "") + " är inte registrerad."
                    : r.startsWith("must be empty") ? "En token som agerar som en användare får användarens "
                    + "organisationer; välj inga organisationer här."
                    : "Välj de organisationer som systemtoken ska agera för.";
            default -> "Värdet godtas inte.";
        };
    }
}
