package se.familycentre.web.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
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
@SecurityRequirement(name = "apiToken")
@SecurityRequirement(name = "signInCookie")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "401", description = "No valid credentials: none, a wrong password, a disabled user, an unknown, expired or revoked token, an ended session (…:unauthenticated)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@ApiResponse(responseCode = "403", description = "The principal's role does not reach the action, a cross-site request with the session cookie, or a password that must be changed first (…:forbidden, …:cross-site-request, …:password-change-required)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@ApiResponse(responseCode = "429", description = "HTTP Basic for an account locked after repeated failed sign-ins; Retry-After says when to try again (…:locked-out)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
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
    @ApiResponse(responseCode = "200", description = "Every user",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "UserList")))
    @Operation(operationId = "listUsers", summary = "Every user", tags = "Access")
    public Map<String, Object> users() {
        return Map.of("items", accounts.list().stream().map(SessionController::json).toList());
    }

    @Get("/users/{id}")
    @ApiResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Principal")))
    @ApiResponse(responseCode = "404", description = "No such user or token (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @Operation(operationId = "getUser", summary = "One user", tags = "Access")
    public Map<String, Object> user(long id) {
        return SessionController.json(accounts.byId(id).orElseThrow(() -> new AccessRefusal.NotFound("user " + id)));
    }

    @Post("/users")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "UserWrite")))
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Principal")))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON, a wrong type or an unknown property (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "A value is refused: a password too short, a username taken, an unknown entity (…:invalid-value)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @Operation(operationId = "createUser", summary = "Create a user (the password must be changed at the first sign-in "
            + "unless mustChangePassword is false)", tags = "Access")
    public HttpResponse<Map<String, Object>> createUser(@Body UserBody body) {
        var account = accounts.create(body.changes());
        return HttpResponse.created(SessionController.json(account), URI.create("/api/v1/users/" + account.id()));
    }

    @Put("/users/{id}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "UserWrite")))
    @ApiResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Principal")))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON, a wrong type or an unknown property (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such user or token (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "A value is refused: a password too short, a username taken, an unknown entity (…:invalid-value)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
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
    @ApiResponse(responseCode = "200", description = "Every token, without secrets",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "TokenList")))
    @Operation(operationId = "listTokens", summary = "Every API token (never the secret)", tags = "Access")
    public Map<String, Object> listTokens() {
        return Map.of("items", tokens.list().stream().map(UserController::json).toList());
    }

    @Post("/tokens")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "TokenWrite")))
    @ApiResponse(responseCode = "201", description = "Created: the secret is in token, this once",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Token")))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON, a wrong type or an unknown property (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "A value is refused: a password too short, a username taken, an unknown entity (…:invalid-value)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
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
    @ApiResponse(responseCode = "204", description = "Revoked (or revoked already)")
    @ApiResponse(responseCode = "404", description = "No such user or token (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
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
