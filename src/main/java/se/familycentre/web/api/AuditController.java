package se.familycentre.web.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import se.familycentre.access.Scope;
import io.micronaut.http.HttpRequest;
import io.micronaut.data.model.Page;
import java.util.List;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import se.familycentre.centre.AuditEventRepository;
import se.familycentre.centre.AuditEventRow;

/** The audit log: every change, newest first, optionally for one centre. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "apiToken")
@SecurityRequirement(name = "signInCookie")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "401", description = "No valid credentials: none, a wrong password, a disabled user, an unknown, expired or revoked token, an ended session (…:unauthenticated)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@ApiResponse(responseCode = "403", description = "The principal's role does not reach the action, a cross-site request with the session cookie, or a password that must be changed first (…:forbidden, …:cross-site-request, …:password-change-required)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@ApiResponse(responseCode = "429", description = "HTTP Basic for an account locked after repeated failed sign-ins; Retry-After says when to try again (…:locked-out)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@Controller("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditController {

    private final AuditEventRepository events;
    private final Scope scope;

    public AuditController(AuditEventRepository events, Scope scope) {
        this.events = events;
        this.scope = scope;
    }

    @Get
    @Operation(operationId = "listAudit", summary = "Every change: what, when, by whom; newest first unless sorted", tags = "Audit")
    @ApiResponse(responseCode = "200", description = "A page of audit events",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "AuditPage")))
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @Parameter(name = "page", in = ParameterIn.QUERY, ref = "#/components/parameters/page")
    @Parameter(name = "size", in = ParameterIn.QUERY, ref = "#/components/parameters/size")
    @Parameter(name = "sort", in = ParameterIn.QUERY, ref = "#/components/parameters/sortAudit")
    public Map<String, Object> list(@Parameter(hidden = true) HttpRequest<?> request,
                                    @Nullable @QueryValue Long centreId, @Parameter(hidden = true) Pageable pageable) {
        Pageable p = Pageables.sorted(pageable.getSort().isSorted() ? pageable
                        : Pageable.from(pageable.getNumber(), pageable.getSize(), Sort.of(Sort.Order.desc("id"))),
                "id", Set.of("id", "occurredAt"));
        // outside an administrator's view: only the events of the principal's centres
        Set<Long> visible = scope.centreIds(Access.actor(request));
        Set<Long> wanted = visible == null ? (centreId == null ? null : Set.of(centreId))
                : centreId == null ? visible : visible.contains(centreId) ? Set.of(centreId) : Set.of();
        Page<AuditEventRow> page = wanted == null ? events.findAll(p)
                : wanted.isEmpty() ? Page.of(List.of(), p, 0L)
                : wanted.size() == 1 ? events.findByCentreId(wanted.iterator().next(), p)
                : events.findByCentreIdIn(wanted, p);
        return Pageables.page(page, AuditController::json);
    }

    private static Map<String, Object> json(AuditEventRow e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.occurredAt().toString());
        m.put("by", e.actor());
        m.put("action", e.action());
        m.put("resourceType", e.resourceType());
        m.put("resourceId", e.resourceId());
        if (e.centreId() != null) {
            m.put("centreId", e.centreId());
        }
        if (e.summary() != null) {
            m.put("summary", e.summary());
        }
        return m;
    }
}
