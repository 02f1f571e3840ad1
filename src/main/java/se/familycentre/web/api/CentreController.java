package se.familycentre.web.api;

import se.familycentre.access.AccessRefusal;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import se.familycentre.access.Scope;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.familycentre.allocation.AllocationOutcome;
import se.familycentre.centre.Allocations;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.CentreValidator;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.CentreImport;
import se.familycentre.centre.CentreRepository;
import se.familycentre.centre.CentreRow;
import se.familycentre.centre.CentreStore;
import se.familycentre.centre.Refusal;
import se.familycentre.format.CentreDocument;
import se.familycentre.format.CentreReader;
import se.familycentre.format.CentreWriter;
import se.familycentre.format.PeriodReader;

/**
 * Stored centres: their profile, rules and rent recharge; the allocation of any
 * period from what is stored; export and import in the calculator's format.
 */
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
@Controller("/api/v1/centres")
@Produces(MediaType.APPLICATION_JSON)
public class CentreController {

    private final CentreStore store;
    private final CentreImport importer;
    private final CentreRepository centres;
    private final Allocations allocator;

    private final Scope scope;

    public CentreController(CentreStore store, CentreImport importer, CentreRepository centres, Allocations allocator,
                            Scope scope) {
        this.scope = scope;
        this.store = store;
        this.importer = importer;
        this.centres = centres;
        this.allocator = allocator;
    }

    @Get
    @Operation(operationId = "listCentres", summary = "Stored centres, paged and sorted (sort by id, name, municipality, region, establishedOn)", tags = "Centres")
    @ApiResponse(responseCode = "200", description = "A page of centres",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentrePage")))
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
    @Parameter(name = "sort", in = ParameterIn.QUERY, ref = "#/components/parameters/sortCentres")
    public Map<String, Object> list(@Parameter(hidden = true) HttpRequest<?> request,
                                    @Parameter(hidden = true) Pageable pageable) {
        Pageable sorted = Pageables.sorted(pageable, "name",
                Set.of("id", "name", "municipality", "region", "establishedOn"));
        Set<Long> visible = scope.centreIds(Access.actor(request));
        Page<CentreRow> page = visible == null ? centres.findAll(sorted)
                : visible.isEmpty() ? Page.of(List.of(), sorted, 0L) : centres.findByIdIn(visible, sorted);
        return Pageables.page(page, CentreController::summary);
    }

    @Get("/{id}")
    @Operation(operationId = "getCentre", summary = "A centre's profile, local agreement, rules and rent recharge", tags = "Centres")
    @ApiResponse(responseCode = "200", description = "The centre", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentreProfile")))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> get(long id) {
        CentreRow row = store.centre(id);
        return withEtag(HttpResponse.ok(profile(row, store.document(id))), row.version());
    }

    @Post
    @Operation(operationId = "createCentre", summary = "Creates a centre from its profile (parts are added under /api/v1/centres/{id}/…)", tags = "Centres")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The centre's profile in the centre format, without entities, services, rooms, coordinators or cost lines",
        content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Centre")))
    @ApiResponse(responseCode = "201", description = "The new centre", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string")), @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The new resource", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentreProfile")))
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The rules refuse it, a part lacks what the rules need, or a value is out of bounds (…:invalid-centre, …:incomplete-part, …:invalid-value, …:nothing-to-invoice, …:not-creditable, …:idempotency-key-reused)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "415", description = "The body's media type is not read here (…:unsupported-media-type)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> create(@Body String body) {
        CentreDocument doc = profileOnly(CentreReader.readCentre(body));
        // a new centre has no services yet: its rules are checked except for the services they name
        refuseRules(doc.centre(), v -> !v.reason().startsWith("no service of the centre has id"));
        CentreRow row = store.createCentre(doc.centre(), doc.profile());
        return withEtag(HttpResponse.created(profile(row, store.document(row.id())),
                URI.create("/api/v1/centres/" + row.id())), row.version());
    }

    @Put("/{id}")
    @Operation(operationId = "updateCentre", summary = "Updates a centre's profile, rules and rent recharge", tags = "Centres")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The centre's profile in the centre format, without parts",
        content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Centre")))
    @ApiResponse(responseCode = "200", description = "The centre", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentreProfile")))
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Conflicts with stored data or with standing statements (…:conflict, …:issued-period, …:already-issued, …:already-credited, …:idempotency-key-in-progress)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "412", description = "If-Match names no current version (…:stale-version)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The rules refuse it, a part lacks what the rules need, or a value is out of bounds (…:invalid-centre, …:incomplete-part, …:invalid-value, …:nothing-to-invoice, …:not-creditable, …:idempotency-key-reused)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing or * (…:version-required); the answer names the current ETag",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "415", description = "The body's media type is not read here (…:unsupported-media-type)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> update(long id, @Body String body,
                                                    @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        CentreDocument doc = profileOnly(CentreReader.readCentre(body));
        Centre stored = store.document(id).centre();
        Centre tentative = new Centre(doc.centre().name(), stored.entities(), stored.services(), stored.rooms(),
                doc.centre().rules(), stored.coordinators(), stored.costLines(), doc.centre().dedicatedRent());
        refuseRules(tentative, v -> true);
        CentreRow row = store.updateCentre(id, doc.centre(), doc.profile(), ETags.ifMatch(ifMatch));
        return withEtag(HttpResponse.ok(profile(row, store.document(id))), row.version());
    }

    @Delete("/{id}")
    @Operation(operationId = "deleteCentre", summary = "Deletes a centre", tags = "Centres")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Conflicts with stored data or with standing statements (…:conflict, …:issued-period, …:already-issued, …:already-credited, …:idempotency-key-in-progress)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "412", description = "If-Match names no current version (…:stale-version)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing or * (…:version-required); the answer names the current ETag",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Void> delete(long id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        store.deleteCentre(id, ETags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    /** The same answer as POST /api/v1/allocations, from the stored data, through the same engine. */
    @Get("/{id}/allocation")
    @Operation(operationId = "centreAllocation", summary = "The calculation from stored data, through the same engine", tags = "Allocations")
    @ApiResponse(responseCode = "200", description = "As POST /api/v1/allocations answers",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Allocation")))
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The rules refuse it, a part lacks what the rules need, or a value is out of bounds (…:invalid-centre, …:incomplete-part, …:invalid-value, …:nothing-to-invoice, …:not-creditable, …:idempotency-key-reused)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<byte[]> allocation(long id, @Parameter(description = "A quarter, e.g. 2025-Q1 (or from and to)", schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$")) @Nullable @QueryValue String period,
                                         @Parameter(description = "The first day (with to, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String from, @Parameter(description = "The last day (with from, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String to) {
        Period p = PeriodReader.fromQuery(period, from, to);
        CentreDocument doc = store.document(id);
        AllocationOutcome outcome = allocator.allocate(doc.centre(), p);
        if (outcome instanceof AllocationOutcome.Refused refused) {
            throw new Refusal.RefusedByRules(CentreReader.inRequest(refused.violations()));
        }
        return HttpResponse.ok(AllocationJson.write(((AllocationOutcome.Allocated) outcome).allocation(), doc.centre()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The centre with all its dated history in the calculator's format; with a period, ready to post to /allocations. */
    @Get("/{id}/export")
    @Operation(operationId = "exportCentre", summary = "The centre with its dated history in the calculator's format; with a period, ready to post to /api/v1/allocations", tags = "Centres")
    @ApiResponse(responseCode = "200", description = "The centre document",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentreDocument")))
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The rules refuse it, a part lacks what the rules need, or a value is out of bounds (…:invalid-centre, …:incomplete-part, …:invalid-value, …:nothing-to-invoice, …:not-creditable, …:idempotency-key-reused)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public Map<String, Object> export(long id, @Parameter(description = "A quarter, e.g. 2025-Q1 (or from and to)", schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$")) @Nullable @QueryValue String period,
                                      @Parameter(description = "The first day (with to, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String from, @Parameter(description = "The last day (with from, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String to) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (period != null || from != null || to != null) {
            Period p = PeriodReader.fromQuery(period, from, to);
            m.put("period", Period.isQuarter(p.label()) ? p.label() : Map.of("from", p.from().toString(), "to", p.to().toString()));
        }
        m.put("centre", CentreWriter.document(store.document(id)));
        return m;
    }

    /** Stores a centre document (the fixtures' and the export's format); its period, if any, must compute. */
    @Post("/import")
    @Operation(operationId = "importCentre", summary = "Stores a centre document (the fixtures' and the export's format); its period, if any, must compute", tags = "Centres")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "A centre document, e.g. a fixture",
        content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentreDocument")))
    @ApiResponse(responseCode = "201", description = "The new centre", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string")), @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The new resource", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentreProfile")))
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Conflicts with stored data or with standing statements (…:conflict, …:issued-period, …:already-issued, …:already-credited, …:idempotency-key-in-progress)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The rules refuse it, a part lacks what the rules need, or a value is out of bounds (…:invalid-centre, …:incomplete-part, …:invalid-value, …:nothing-to-invoice, …:not-creditable, …:idempotency-key-reused)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "415", description = "The body's media type is not read here (…:unsupported-media-type)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> importCentre(@Parameter(hidden = true) HttpRequest<?> http,
                                                          @Body String body) {
        CentreReader.ImportRequest request = CentreReader.readImport(body);
        // a finance officer imports only a centre one of its entities takes part in (else it could not see it)
        Set<String> mine = scope.organisationNumbers(Access.actor(http));
        if (mine != null && request.document().centre().services().stream().noneMatch(sv -> mine.contains(sv.entity()))) {
            throw new AccessRefusal.Forbidden("an imported centre must have a service of one of the principal's "
                    + "legal entities");
        }
        List<Violation> violations = new ArrayList<>(CentreReader.inRequest(CentreValidator.validate(request.document().centre())));
        if (violations.isEmpty() && request.period() != null) {
            AllocationOutcome outcome = allocator.allocate(request.document().centre(), request.period());
            if (outcome instanceof AllocationOutcome.Refused refused) {
                violations.addAll(CentreReader.inRequest(refused.violations()));
            }
        }
        if (!violations.isEmpty()) {
            throw new Refusal.RefusedByRules(violations);
        }
        CentreRow row = importer.importDocument(request.document(), "centre.");
        return withEtag(HttpResponse.created(profile(row, store.document(row.id())),
                URI.create("/api/v1/centres/" + row.id())), row.version());
    }

    /** A centre's rules and rent recharge by the rules (RULES §2, §3); other parts are checked on their own. */
    public static void refuseRules(Centre centre, java.util.function.Predicate<Violation> relevant) {
        List<Violation> violations = CentreValidator.validate(centre).stream()
                .filter(v -> v.field().startsWith("rules") || v.field().startsWith("dedicatedRent"))
                .filter(relevant).toList();
        if (!violations.isEmpty()) {
            throw new Refusal.RefusedByRules(violations);
        }
    }

    private static CentreDocument profileOnly(CentreDocument doc) {
        Centre c = doc.centre();
        List<Violation> parts = new ArrayList<>();
        if (!c.entities().isEmpty()) {
            parts.add(new Violation("entities", "entities are registered under /api/v1/entities"));
        }
        if (!c.services().isEmpty()) {
            parts.add(new Violation("services", "services are added under /api/v1/centres/{id}/services"));
        }
        if (!c.rooms().isEmpty()) {
            parts.add(new Violation("rooms", "rooms are added under /api/v1/centres/{id}/rooms"));
        }
        if (!c.coordinators().isEmpty()) {
            parts.add(new Violation("coordinators", "coordinators are added under /api/v1/centres/{id}/coordinators"));
        }
        if (!c.costLines().isEmpty()) {
            parts.add(new Violation("costLines", "cost lines are added under /api/v1/centres/{id}/cost-lines"));
        }
        if (c.name() == null || c.name().isBlank()) {
            parts.add(new Violation("name", "is required"));
        }
        if (!parts.isEmpty()) {
            throw new Refusal.InvalidValue(parts);
        }
        return doc;
    }

    static Map<String, Object> summary(CentreRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id());
        CentreWriter.put(m, "name", row.name());
        CentreWriter.put(m, "municipality", row.municipality());
        CentreWriter.put(m, "region", row.region());
        CentreWriter.put(m, "establishedOn", row.establishedOn());
        m.put("version", row.version());
        return m;
    }

    private static Map<String, Object> profile(CentreRow row, CentreDocument doc) {
        Map<String, Object> m = summary(row);
        Map<String, Object> full = CentreWriter.document(doc);
        for (String key : List.of("localAgreement", "partyReferences", "rules", "dedicatedRent")) {
            if (full.containsKey(key)) {
                m.put(key, full.get(key));
            }
        }
        String base = "/api/v1/centres/" + row.id();
        m.put("links", Map.of("services", base + "/services", "rooms", base + "/rooms",
                "coordinators", base + "/coordinators", "costLines", base + "/cost-lines",
                "allocation", base + "/allocation?period=", "export", base + "/export"));
        return m;
    }

    static <T> HttpResponse<T> withEtag(io.micronaut.http.MutableHttpResponse<T> response, Long version) {
        return response.header(HttpHeaders.ETAG, ETags.of(version));
    }
}
