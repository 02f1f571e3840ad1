package se.familycentre.web.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.access.AccessRefusal;
import se.familycentre.access.Account;
import se.familycentre.access.Accounts;
import se.familycentre.access.Actor;

/**
 * Signing in and out for people: {@code POST /api/v1/session} checks the password and sets the
 * session cookie (a signed JWT: {@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} over
 * TLS, expiring after {@code familycentre.security.session}); {@code DELETE} signs out everywhere;
 * {@code PUT /password} changes the password.
 */
@Controller("/api/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionController {

    private final Accounts accounts;
    private final SessionCookies cookies;

    public SessionController(Accounts accounts, SessionCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    @Serdeable
    public record SignIn(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    public record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "SignIn")))
    @ApiResponse(responseCode = "200", description = "Signed in; Set-Cookie FC_SESSION carries the session",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Principal")))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON, a wrong type or an unknown property (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "Unknown user, wrong password or disabled user (…:unauthenticated)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Locked after repeated failures; Retry-After says when to try again (…:locked-out)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @Operation(operationId = "signIn", summary = "Sign in with username and password; sets the session cookie",
            tags = "Access")
    public HttpResponse<Map<String, Object>> signIn(HttpRequest<?> request, @Body SignIn body) {
        Account account = accounts.authenticate(body.username(), body.password(), true);
        Cookie cookie = cookies.signedIn(request, account);
        Map<String, Object> json = json(account);
        json.put("expiresAt", OffsetDateTime.now(ZoneOffset.UTC).plus(cookies.lifetime()).withNano(0).toString());
        return HttpResponse.ok(json).cookie(cookie);
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "signInCookie")
    @SecurityRequirement(name = "apiToken")
    @SecurityRequirement(name = "basicAuth")
    @ApiResponse(responseCode = "200", description = "The user or token",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Principal")))
    @ApiResponse(responseCode = "401", description = "Not signed in (…:unauthenticated)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @Operation(operationId = "currentPrincipal", summary = "Who the request acts as", tags = "Access")
    public Map<String, Object> current(HttpRequest<?> request) {
        Actor actor = Access.actor(request);
        if (actor.kind() == Actor.Kind.USER) {
            return json(accounts.byId(actor.id()).orElseThrow(AccessRefusal.BadCredentials::new));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "token");
        json.put("name", actor.name());
        json.put("roles", actor.roles().stream().map(Enum::name).sorted().toList());
        json.put("mayIssue", actor.mayIssue());
        return json;
    }

    @Delete
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "signInCookie")
    @SecurityRequirement(name = "apiToken")
    @SecurityRequirement(name = "basicAuth")
    @ApiResponse(responseCode = "204", description = "Signed out; the cookie is cleared and every session of the user ends")
    @ApiResponse(responseCode = "401", description = "Not signed in (…:unauthenticated)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A cross-site request with the session cookie (…:cross-site-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @Operation(operationId = "signOut", summary = "Sign out: every session of the user ends", tags = "Access")
    public MutableHttpResponse<?> signOut(HttpRequest<?> request) {
        Actor actor = Access.actor(request);
        if (actor.kind() == Actor.Kind.USER) {
            accounts.signOut(actor.id());
        }
        return HttpResponse.noContent().cookie(cookies.signedOut(request));
    }

    @Put("/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "signInCookie")
    @SecurityRequirement(name = "apiToken")
    @SecurityRequirement(name = "basicAuth")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "PasswordChange")))
    @ApiResponse(responseCode = "200", description = "Changed; a new session cookie is set",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Principal")))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON, a wrong type or an unknown property (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "Not signed in (…:unauthenticated)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "A token has no password, or a cross-site request (…:forbidden, …:cross-site-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The current password is wrong or the new one too short (…:invalid-value)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @Operation(operationId = "changePassword", summary = "Change one's own password; other sessions end",
            tags = "Access")
    public HttpResponse<Map<String, Object>> changePassword(HttpRequest<?> request, @Body PasswordChange body) {
        Actor actor = Access.actor(request);
        if (actor.kind() != Actor.Kind.USER) {
            throw new AccessRefusal.Forbidden("a token has no password");
        }
        Account account = accounts.changePassword(actor.id(), body.currentPassword(), body.newPassword());
        // the change ended every session, this one too: sign it in again under the new epoch
        return signIn(request, new SignIn(account.username(), body.newPassword()));
    }

    static Map<String, Object> json(Account a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "user");
        json.put("id", a.id());
        json.put("username", a.username());
        json.put("displayName", a.displayName());
        json.put("roles", a.roles().stream().map(Enum::name).sorted().toList());
        json.put("entities", List.copyOf(a.entities()));
        json.put("disabled", a.disabled());
        json.put("mustChangePassword", a.mustChangePassword());
        json.put("lastSignInAt", a.lastSignInAt() == null ? null : a.lastSignInAt().toString());
        json.put("createdAt", a.createdAt().toString());
        return json;
    }
}
