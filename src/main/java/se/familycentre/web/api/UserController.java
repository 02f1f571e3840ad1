package se.familycentre.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.access.AccessRefusal;
import se.familycentre.access.Accounts;
import se.familycentre.access.ApiToken;
import se.familycentre.access.ApiTokens;
import se.familycentre.access.Role;

/** Users and API tokens, for administrators. */
@Controller("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
public class UserController {

    private final Accounts accounts;
    private final ApiTokens tokens;

    public UserController(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Serdeable
    public record UserBody(@Nullable String username, @Nullable String displayName, @Nullable String password,
                           @Nullable Set<Role> roles, @Nullable Set<String> entities, @Nullable Boolean disabled,
                           @Nullable Boolean mustChangePassword) {
        Accounts.Changes changes() {
            return new Accounts.Changes(username, displayName, password, roles == null ? null : EnumSet.copyOf(
                    roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles), entities, disabled, mustChangePassword);
        }
    }

    @Serdeable
    public record TokenBody(@Nullable String name, @Nullable Long userId, @Nullable Set<String> entities,
                            @Nullable Boolean mayIssue, @Nullable Integer validDays) {
    }

    @Get("/users")
    @Operation(operationId = "listUsers", summary = "Every user", tags = "Access")
    public Map<String, Object> users() {
        return Map.of("items", accounts.list().stream().map(SessionController::json).toList());
    }

    @Get("/users/{id}")
    @Operation(operationId = "getUser", summary = "One user", tags = "Access")
    public Map<String, Object> user(long id) {
        return SessionController.json(accounts.byId(id).orElseThrow(() -> new AccessRefusal.NotFound("user " + id)));
    }

    @Post("/users")
    @Operation(operationId = "createUser", summary = "Create a user (the password must be changed at the first sign-in "
            + "unless mustChangePassword is false)", tags = "Access")
    public HttpResponse<Map<String, Object>> createUser(@Body UserBody body) {
        var account = accounts.create(body.changes());
        return HttpResponse.created(SessionController.json(account), URI.create("/api/v1/users/" + account.id()));
    }

    @Put("/users/{id}")
    @Operation(operationId = "updateUser", summary = "Change a user's name, roles, entities, password or disabled flag",
            tags = "Access")
    public Map<String, Object> updateUser(long id, @Body UserBody body) {
        if (body.username() != null) {
            accounts.byId(id).filter(a -> a.username().equals(body.username())).orElseThrow(() ->
                    new AccessRefusal.Invalid("a username cannot change", List.of(
                            new se.familycentre.allocation.Violation("username", "cannot change"))));
        }
        return SessionController.json(accounts.update(id, body.changes()));
    }

    @Get("/tokens")
    @Operation(operationId = "listTokens", summary = "Every API token (never the secret)", tags = "Access")
    public Map<String, Object> listTokens() {
        return Map.of("items", tokens.list().stream().map(UserController::json).toList());
    }

    @Post("/tokens")
    @Operation(operationId = "createToken", summary = "Create an API token: the secret is in this answer only",
            tags = "Access")
    public HttpResponse<Map<String, Object>> createToken(HttpRequest<?> request, @Body TokenBody body) {
        ApiToken.Created created = tokens.create(new ApiTokens.Request(body.name(), body.userId(), body.entities(),
                Boolean.TRUE.equals(body.mayIssue()), body.validDays()), Access.actor(request).name());
        Map<String, Object> json = json(created.token());
        json.put("token", created.secret());
        return HttpResponse.created(json, URI.create("/api/v1/tokens/" + created.token().id()))
                .header("Cache-Control", "no-store");
    }

    @Delete("/tokens/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke an API token", tags = "Access")
    public HttpResponse<?> revokeToken(long id) {
        tokens.revoke(id);
        return HttpResponse.noContent();
    }

    static Map<String, Object> json(ApiToken t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("prefix", t.prefix());
        json.put("name", t.name());
        json.put("userId", t.userId());
        json.put("username", t.username());
        json.put("roles", t.userId() == null ? List.of(Role.SYSTEM.name()) : null);
        json.put("entities", List.copyOf(t.entities()));
        json.put("mayIssue", t.mayIssue());
        json.put("expiresAt", t.expiresAt().toString());
        json.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        json.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        json.put("createdBy", t.createdBy());
        json.put("createdAt", t.createdAt().toString());
        return json;
    }
}
