package se.familycentre.web.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.CentreValidator;
import se.familycentre.allocation.Coordinator;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Room;
import se.familycentre.allocation.Service;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.CentreParts;
import se.familycentre.centre.CentreStore;
import se.familycentre.centre.Refusal;
import se.familycentre.format.CentreDocument;
import se.familycentre.format.CentreWriter;
import se.familycentre.format.PartKind;
import se.familycentre.format.PartReader;

/**
 * The parts of a stored centre, one resource at a time: {@code services},
 * {@code rooms}, {@code coordinators} and {@code cost-lines}. Each body is the
 * object the centre format has in that list; dated values (salary revisions,
 * amount changes, participation) are changes from a date within it, so a
 * change recorded today leaves earlier periods as they were.
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
@Controller("/api/v1/centres/{centreId}/{kind}")
@Produces(MediaType.APPLICATION_JSON)
public class CentrePartsController {

    private final CentreStore store;
    private final CentreParts parts;

    public CentrePartsController(CentreStore store, CentreParts parts) {
        this.store = store;
        this.parts = parts;
    }

    @Get
    @Operation(operationId = "listParts", summary = "A centre's parts of one kind", tags = "Centre parts")
    @ApiResponse(responseCode = "200", description = "The parts, in the centre format",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentreParts")))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public List<Map<String, Object>> list(long centreId, @Parameter(description = "The kind of part", schema = @Schema(type = "string", allowableValues = {"services", "rooms", "coordinators", "cost-lines"})) String kind) {
        return written(store.document(centreId), kind(kind));
    }

    @Get("/{key}")
    @Operation(operationId = "getPart", summary = "One part", tags = "Centre parts")
    @ApiResponse(responseCode = "200", description = "The part", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentrePart")))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> get(long centreId, @Parameter(description = "The kind of part", schema = @Schema(type = "string", allowableValues = {"services", "rooms", "coordinators", "cost-lines"})) String kind, String key) {
        PartKind k = kind(kind);
        return CentreController.withEtag(HttpResponse.ok(written(centreId, k, key)),
                parts.version(centreId, k, key).orElseThrow(() -> notFound(k, centreId, key)));
    }

    @Post
    @Operation(operationId = "createPart", summary = "Adds a part", tags = "Centre parts")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The part as the centre format has it in the kind's list",
        content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentrePart")))
    @ApiResponse(responseCode = "201", description = "The part", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string")), @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The new resource", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentrePart")))
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
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
    public HttpResponse<Map<String, Object>> create(long centreId, @Parameter(description = "The kind of part", schema = @Schema(type = "string", allowableValues = {"services", "rooms", "coordinators", "cost-lines"})) String kind, @Body String body) {
        PartKind k = kind(kind);
        PartReader.Part part = read(centreId, k, null, body);
        long version = parts.put(centreId, part, ETags.ifMatch(null), true);
        return CentreController.withEtag(HttpResponse.created(written(centreId, k, part.id()),
                URI.create("/api/v1/centres/" + centreId + "/" + k.path() + "/" + part.id())), version);
    }

    @Put("/{key}")
    @Operation(operationId = "updatePart", summary = "Updates a part; dated values are changes from a date", tags = "Centre parts")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The part as the centre format has it in the kind's list; an absent id is the key",
        content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentrePart")))
    @ApiResponse(responseCode = "200", description = "The part", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentrePart")))
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
    public HttpResponse<Map<String, Object>> update(long centreId, @Parameter(description = "The kind of part", schema = @Schema(type = "string", allowableValues = {"services", "rooms", "coordinators", "cost-lines"})) String kind, String key, @Body String body,
                                                    @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        PartKind k = kind(kind);
        PartReader.Part part = read(centreId, k, key, body);
        long version = parts.put(centreId, part, ETags.ifMatch(ifMatch), false);
        return CentreController.withEtag(HttpResponse.ok(written(centreId, k, key)), version);
    }

    @Delete("/{key}")
    @Operation(operationId = "deletePart", summary = "Deletes a part", tags = "Centre parts")
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
    public HttpResponse<Void> delete(long centreId, @Parameter(description = "The kind of part", schema = @Schema(type = "string", allowableValues = {"services", "rooms", "coordinators", "cost-lines"})) String kind, String key,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        parts.delete(centreId, kind(kind), key, ETags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    /** Reads the body as the kind's object and checks it by the rules in the centre as it would be. */
    private PartReader.Part read(long centreId, PartKind kind, String key, String body) {
        PartReader.Part part = PartReader.read(body, kind, key);
        if (key != null && !key.equals(part.id())) {
            throw new Refusal.InvalidValue(List.of(new Violation("id", "is " + key + " in the address; an id cannot change")));
        }
        refuseInvalid(store.document(centreId).centre(), part);
        return part;
    }

    /**
     * Checks the part by the rules before anything is written, in the centre as it
     * would be with the part: the columns must never see a value they would
     * round or refuse. Paths are the part's own ({@code amount}, not {@code costLines[3].amount}).
     */
    public static void refuseInvalid(Centre stored, PartReader.Part part) {
        List<Service> services = new ArrayList<>(stored.services());
        List<Room> rooms = new ArrayList<>(stored.rooms());
        List<Coordinator> coordinators = new ArrayList<>(stored.coordinators());
        List<CostLine> lines = new ArrayList<>(stored.costLines());
        int index = switch (part.kind()) {
            case SERVICES -> place(services, (Service) part.value(), Service::id);
            case ROOMS -> place(rooms, (Room) part.value(), Room::id);
            case COORDINATORS -> place(coordinators, (Coordinator) part.value(), Coordinator::id);
            case COST_LINES -> place(lines, (CostLine) part.value(), CostLine::id);
        };
        String list = part.kind().listName() + "[" + index + "]";
        List<LegalEntity> entities = new ArrayList<>(stored.entities());
        if (part.value() instanceof Service s && s.entity() != null && entities.stream()
                .noneMatch(e -> OrganisationNumber.normalise(e.organisationNumber())
                        .equals(OrganisationNumber.normalise(s.entity())))) {
            // the store checks that the entity is registered; here it only has to be part of the centre
            entities.add(new LegalEntity(s.entity(), s.entity()));
        }
        Centre tentative = new Centre(stored.name(), entities, services, rooms, stored.rules(), coordinators,
                lines, stored.dedicatedRent());
        List<Violation> violations = new ArrayList<>();
        for (Violation v : CentreValidator.validate(tentative)) {
            if (v.field().startsWith(list + ".")) {
                violations.add(new Violation(v.field().substring(list.length() + 1), v.reason()));
            }
        }
        if (!violations.isEmpty()) {
            throw new Refusal.RefusedByRules(violations);
        }
    }

    /** Puts the part in its list (replacing the one with its id) and returns its index. */
    private static <T> int place(List<T> list, T part, Function<T, String> id) {
        for (int i = 0; i < list.size(); i++) {
            if (id.apply(list.get(i)).equals(id.apply(part))) {
                list.set(i, part);
                return i;
            }
        }
        list.add(part);
        return list.size() - 1;
    }

    private Map<String, Object> written(long centreId, PartKind kind, String key) {
        return written(store.document(centreId), kind).stream().filter(p -> key.equals(p.get("id"))).findFirst()
                .orElseThrow(() -> notFound(kind, centreId, key));
    }

    private static List<Map<String, Object>> written(CentreDocument doc, PartKind kind) {
        Centre c = doc.centre();
        return switch (kind) {
            case SERVICES -> c.services().stream().map(s -> CentreWriter.service(s, doc.costReferences().get(s.id()))).toList();
            case ROOMS -> c.rooms().stream().map(r -> CentreWriter.room(r, doc.roomNames().get(r.id()))).toList();
            case COORDINATORS -> c.coordinators().stream().map(CentreWriter::coordinator).toList();
            case COST_LINES -> c.costLines().stream().map(CentreWriter::costLine).toList();
        };
    }

    private static PartKind kind(String kind) {
        return PartKind.ofPath(kind).orElseThrow(() -> ProblemMapper.notFound("/" + kind + " (a centre has "
                + String.join(", ", PartKind.paths()) + ")"));
    }

    private static Refusal.NotFound notFound(PartKind kind, long centreId, String key) {
        return new Refusal.NotFound(kind.singular() + " " + key + " of centre " + centreId);
    }
}
