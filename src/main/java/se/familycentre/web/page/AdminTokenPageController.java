package se.familycentre.web.page;

import io.micronaut.core.annotation.Nullable;
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
import se.familycentre.access.ApiToken;
import se.familycentre.access.ApiTokens;
import se.familycentre.access.Role;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.EntityRegistry;

/**
 * API tokens for administrators (issue 12): the list (never a secret), a form that creates one —
 * acting for a user, or for itself as {@code SYSTEM} for legal entities, as {@link ApiTokens} allows —
 * whose answer shows the secret this once (status 201, not a redirect, and not stored by the
 * browser's cache), and revocation after a confirmation.
 */
@Hidden
@Controller("/admin/tokens")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class AdminTokenPageController {

    static final String PATH = "/admin/tokens";
    private static final int DEFAULT_DAYS = 365;

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final EntityRegistry registry;

    public AdminTokenPageController(ApiTokens tokens, Accounts accounts, EntityRegistry registry) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.registry = registry;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String aterkallad) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, Object> model = model(gate.admin(), blank(), Set.of(), Map.of());
        if (aterkallad != null) {
            tokens.list().stream().filter(t -> String.valueOf(t.id()).equals(aterkallad)).findFirst().ifPresent(t ->
                    model.put("notice", "Token " + t.name() + " (" + t.prefix() + "…) är återkallad och gäller inte längre."));
        }
        return HttpResponse.ok(new ModelAndView<>("adminTokens", model));
    }

    /**
     * Creates a token and shows its secret on the answer itself (201): it is not kept, so no redirect can
     * show it. The form's one-time key ({@code nyckel}) makes a reload or a second click create nothing
     * more: it answers 409 naming the token the form made.
     */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, @Body Map<String, Object> form) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> entities = new LinkedHashSet<>(AdminPages.values(form, "entities"));
        String user = AdminPages.value(form, "userId");
        Long userId = null;
        if (user != null) {
            if (user.matches("\\d{1,18}")) {
                userId = Long.parseLong(user);
            } else {
                errors.put("userId", "Välj en användare i listan, eller ingen för en systemtoken.");
            }
        }
        String days = AdminPages.value(form, "validDays");
        Integer validDays = null;
        if (days != null) {
            if (days.matches("\\d{1,4}")) {
                validDays = Integer.parseInt(days);
            } else {
                errors.put("validDays", "Ange giltighetstiden som ett helt antal dagar, 1–730.");
            }
        }
        boolean mayIssue = "true".equals(AdminPages.value(form, "mayIssue"));
        if (errors.isEmpty()) {
            try {
                ApiToken.Created created = tokens.create(new ApiTokens.Request(AdminPages.value(form, "name"), userId,
                        entities, mayIssue, validDays), gate.admin().name(), AdminPages.value(form, "nyckel"));
                Map<String, Object> model = Pages.model(gate.admin(), "API-token skapad");
                model.put("token", row(created.token(), OffsetDateTime.now(ZoneOffset.UTC)));
                model.put("secret", created.secret());
                return HttpResponse.status(HttpStatus.CREATED)
                        .body(new ModelAndView<>("adminTokenCreated", model))
                        .header("Cache-Control", "no-store");
            } catch (AccessRefusal.Invalid e) {
                e.errors().forEach(v -> errors.putIfAbsent(v.field(), message(v)));
            } catch (AccessRefusal.AlreadyCreated e) {
                Map<String, Object> model = model(gate.admin(), blank(), Set.of(), Map.of());
                model.put("notice", "Formuläret har redan skapat token " + e.token().name() + " (" + e.token().prefix()
                        + "…), och ingen ny skapades. Nyckeln visades en gång, när den skapades, och visas inte igen; "
                        + "kopierades den inte, återkalla den och skapa en ny.");
                return AdminPages.refused(HttpStatus.CONFLICT, "adminTokens", model);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>(AdminPages.texts(form));
        values.putIfAbsent("userId", "");
        values.put("mayIssue", mayIssue);
        return AdminPages.refused(HttpStatus.UNPROCESSABLE_ENTITY, "adminTokens",
                model(gate.admin(), values, entities, errors));
    }

    @Get("/{id}/aterkalla")
    public HttpResponse<?> confirm(HttpRequest<?> request, @PathVariable String id) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Optional<ApiToken> token = find(id);
        if (token.isEmpty()) {
            return AdminPages.notFound(gate.admin());
        }
        Map<String, Object> model = Pages.model(gate.admin(), "Återkalla API-token");
        model.put("token", row(token.get(), OffsetDateTime.now(ZoneOffset.UTC)));
        model.put("revoked", token.get().revokedAt() != null);
        return HttpResponse.ok(new ModelAndView<>("adminTokenRevoke", model));
    }

    @Post("/{id}/aterkalla")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> revoke(HttpRequest<?> request, @PathVariable String id) {
        AdminPages.Gate gate = AdminPages.gate(request);
        if (gate.refused()) {
            return gate.refusal();
        }
        Optional<ApiToken> token = find(id);
        if (token.isEmpty()) {
            return AdminPages.notFound(gate.admin());
        }
        tokens.revoke(token.get().id());
        return AdminPages.redirect(PATH + "?aterkallad=" + token.get().id());
    }

    private Optional<ApiToken> find(String id) {
        return id.matches("\\d{1,18}") ? tokens.byId(Long.parseLong(id)) : Optional.empty();
    }

    /** An empty form, with a one-time key of its own. */
    private static Map<String, Object> blank() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "");
        values.put("userId", "");
        values.put("validDays", String.valueOf(DEFAULT_DAYS));
        values.put("mayIssue", false);
        values.put("nyckel", java.util.UUID.randomUUID().toString());
        return values;
    }

    private Map<String, Object> model(Actor admin, Map<String, Object> values, Set<String> entities,
                                      Map<String, String> errors) {
        Map<String, Object> model = AdminPages.form(admin, "API-tokens", values, errors);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<ApiToken> all = new ArrayList<>(tokens.list());
        java.util.Collections.reverse(all);
        model.put("tokens", all.stream().map(t -> row(t, now)).toList());
        List<Map<String, Object>> users = new ArrayList<>();
        for (Account a : accounts.list()) {
            users.add(Map.of("id", String.valueOf(a.id()), "label", a.displayName() + " (" + a.username() + "; "
                    + String.join(", ", AdminUserPageController.roles(a.roles())).toLowerCase(java.util.Locale.ROOT)
                    + (a.disabled() ? "; inaktiverad" : "") + ")", "system", a.roles().contains(Role.SYSTEM)));
        }
        model.put("users", users);
        model.put("entityBoxes", AdminUserPageController.entityBoxes(registry, entities));
        return model;
    }

    private static Map<String, Object> row(ApiToken t, OffsetDateTime now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("prefix", t.prefix() + "…");
        m.put("owner", t.userId() == null ? "System: " + String.join(", ", t.entities()) : t.username());
        m.put("mayIssue", t.mayIssue() ? "Ja" : "Nej");
        m.put("created", AdminPages.time(t.createdAt()) + " av " + t.createdBy());
        m.put("expires", AdminPages.time(t.expiresAt()));
        m.put("lastUsed", t.lastUsedAt() == null ? "Aldrig" : AdminPages.time(t.lastUsedAt()));
        boolean revoked = t.revokedAt() != null;
        boolean expired = !t.expiresAt().isAfter(now);
        m.put("status", revoked ? "Återkallad " + AdminPages.time(t.revokedAt()) : expired ? "Utgången" : "Aktiv");
        m.put("active", !revoked && !expired);
        return m;
    }

    static String message(Violation v) {
        return switch (v.field()) {
            case "name" -> "Ge token ett namn som säger vilket system som använder den (högst 200 tecken).";
            case "validDays" -> "Ange giltighetstiden som ett helt antal dagar, 1–730.";
            case "userId" -> "Användaren finns inte; välj en i listan.";
            default -> AdminUserPageController.message(v);
        };
    }
}
