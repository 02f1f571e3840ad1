package se.familycentre.web.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.centre.Allocations;
import se.familycentre.centre.Refusal;
import se.familycentre.format.CentreReader;

/** The stateless calculator: a whole centre and a period in, every share out. Nothing is stored. */
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
@Controller("/api/v1/allocations")
public class AllocationController {

    private final Allocations allocator;

    public AllocationController(Allocations allocator) {
        this.allocator = allocator;
    }

    /** Pure computation, no database: it runs on the event loop instead of waiting for a worker thread. */
    @Post
    @NonBlocking
    @Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "calculate", summary = "Computes a centre's period without storing anything", tags = "Allocations")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "A period and a whole centre, e.g. a fixture",
        content = {
            @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "AllocationRequest")),
            // the calculator reads the body as JSON whatever its Content-Type says
            @Content(mediaType = "*/*", schema = @Schema(ref = OpenApiRefs.SCHEMAS + "AllocationRequest"))})
    @ApiResponse(responseCode = "200", description = "Every line's total and shares, why, each service's totals, the flows between legal entities",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Allocation")))
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The rules refuse it, a part lacks what the rules need, or a value is out of bounds (…:invalid-centre, …:incomplete-part, …:invalid-value, …:nothing-to-invoice, …:not-creditable, …:idempotency-key-reused)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<byte[]> allocate(@Body byte[] body) {
        CentreReader.AllocationRequest request = CentreReader.readRequest(body);
        // indexed lines are priced with the index values the database holds (Allocations)
        AllocationOutcome outcome = allocator.allocate(request.centre(), request.period());
        if (outcome instanceof AllocationOutcome.Refused refused) {
            throw new Refusal.RefusedByRules(CentreReader.inRequest(refused.violations()));
        }
        return HttpResponse.ok(AllocationJson.write(((AllocationOutcome.Allocated) outcome).allocation(),
                request.centre())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
