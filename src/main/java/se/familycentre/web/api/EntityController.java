package se.familycentre.web.api;

import java.util.function.BiFunction;
import se.familycentre.invoicing.EntityExports;
import io.micronaut.http.annotation.QueryValue;
import se.familycentre.format.PeriodReader;
import se.familycentre.allocation.Period;
import se.familycentre.invoicing.SiePostings;
import se.familycentre.statement.EntityInvoicing;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import se.familycentre.centre.EntityRegistry;
import se.familycentre.centre.LegalEntityRow;
import se.familycentre.format.CentreWriter;
import se.familycentre.format.EntityReader;

/**
 * Legal entities: regions, municipalities and private health centres, addressed
 * by id or by organisationsnummer ({@code /entities/232100-0131}).
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
@Controller("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityController {

    private final EntityRegistry registry;
    private final SiePostings postings;
    private final EntityExports exports;
    /** SIE files are text in code page 437 (PC8). */
    static final String SIE = "text/plain;charset=IBM437";

    public EntityController(EntityRegistry registry, SiePostings postings, EntityExports exports) {
        this.exports = exports;
        this.registry = registry;
        this.postings = postings;
    }

    @Get
    @Operation(operationId = "listEntities", summary = "Legal entities, paged and sorted", tags = "Entities")
    @ApiResponse(responseCode = "200", description = "A page of entities",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "EntityPage")))
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
    @Parameter(name = "sort", in = ParameterIn.QUERY, ref = "#/components/parameters/sortEntities")
    public Map<String, Object> list(@Parameter(hidden = true) Pageable pageable) {
        Page<LegalEntityRow> page = registry.list(Pageables.sorted(pageable, "organisationNumber",
                Set.of("id", "organisationNumber", "name")));
        return Pageables.page(page, this::json);
    }

    @Get("/{ref}")
    @Operation(operationId = "getEntity", summary = "One legal entity, by id or organisationsnummer", tags = "Entities")
    @ApiResponse(responseCode = "200", description = "The entity", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Entity")))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> get(String ref) {
        LegalEntityRow row = registry.get(ref);
        return HttpResponse.ok(json(row)).header(HttpHeaders.ETAG, ETags.of(row.version()));
    }

    @Post
    @Operation(operationId = "createEntity", summary = "Registers a legal entity", tags = "Entities")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The entity",
        content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "EntityInput")))
    @ApiResponse(responseCode = "201", description = "The entity", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string")), @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The new resource", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Entity")))
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
    public HttpResponse<Map<String, Object>> create(@Body String body) {
        EntityReader.EntityEntry entry = EntityReader.read(body);
        LegalEntityRow row = registry.create(entry.entity(), entry.details(), entry.invoicing());
        return HttpResponse.created(json(row), URI.create("/api/v1/entities/" + row.id()))
                .header(HttpHeaders.ETAG, ETags.of(row.version()));
    }

    @Put("/{ref}")
    @Operation(operationId = "updateEntity", summary = "Updates a legal entity", tags = "Entities")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The entity",
        content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "EntityInput")))
    @ApiResponse(responseCode = "200", description = "The entity", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "ETag", description = "The version, for If-Match", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Entity")))
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
    public HttpResponse<Map<String, Object>> update(String ref, @Body String body,
                                                    @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        EntityReader.EntityEntry entry = EntityReader.read(body);
        LegalEntityRow row = registry.update(ref, entry.entity(), entry.details(), entry.invoicing(),
                ETags.ifMatch(ifMatch));
        return HttpResponse.ok(json(row)).header(HttpHeaders.ETAG, ETags.of(row.version()));
    }

    @Delete("/{ref}")
    @Operation(operationId = "deleteEntity", summary = "Deletes a legal entity", tags = "Entities")
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
    public HttpResponse<Void> delete(String ref, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        registry.delete(ref, ETags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Get(value = "/{ref}/sie", produces = SIE)
    @Operation(operationId = "entitySie", summary = "The entity's postings of a period as an SIE 4I file (PC8): a voucher per statement and credit, and its internal transfers", tags = "Entities")
    @ApiResponse(responseCode = "200", description = "The SIE 4I file, code page 437",
            content = @Content(mediaType = SIE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "Malformed: a missing or malformed period (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such entity, or not the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<byte[]> sie(String ref, @Parameter(description = "A quarter, e.g. 2025-Q1 (or from and to)", schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$")) @Nullable @QueryValue String period,
                                    @Parameter(description = "The first day (with to)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String from,
                                    @Parameter(description = "The last day (with from)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String to) {
        return download(ref, period, from, to, "se", SIE, postings::file);
    }

    @Get(value = "/{ref}/statements.csv", produces = "text/csv")
    @Operation(operationId = "entityStatementsCsv", summary = "Every statement of a period where the entity is creditor or debtor, in one CSV (UTF-8 with BOM, semicolons, decimal comma)", tags = "Entities")
    @ApiResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Malformed: a missing or malformed period (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such entity, or not the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<byte[]> statementsCsv(String ref, @Parameter(description = "A quarter, e.g. 2025-Q1 (or from and to)", schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$")) @Nullable @QueryValue String period,
                                              @Parameter(description = "The first day (with to)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String from,
                                              @Parameter(description = "The last day (with from)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String to) {
        return download(ref, period, from, to, "csv", "text/csv;charset=UTF-8", exports::csv);
    }

    @Get(value = "/{ref}/statements.zip", produces = "application/zip")
    @Operation(operationId = "entityStatementsZip", summary = "The PDFs of every statement of a period where the entity is creditor or debtor, in one ZIP", tags = "Entities")
    @ApiResponse(responseCode = "200", description = "The ZIP; entries named creditor_number_kind.pdf",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "Malformed: a missing or malformed period (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such entity, or not the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<byte[]> statementsZip(String ref, @Parameter(description = "A quarter, e.g. 2025-Q1 (or from and to)", schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$")) @Nullable @QueryValue String period,
                                              @Parameter(description = "The first day (with to)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String from,
                                              @Parameter(description = "The last day (with from)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String to) {
        return download(ref, period, from, to, "zip", "application/zip", exports::zip);
    }

    /**
     * An entity's file of a period, as an attachment named by the entity and the period
     * ({@code 212000-1355_2025-Q1.se}).
     */
    private HttpResponse<byte[]> download(String ref, String period, String from, String to, String extension,
                                          String contentType, BiFunction<String, Period, byte[]> file) {
        LegalEntityRow row = registry.get(ref);
        Period p = PeriodReader.fromQuery(period, from, to);
        String name = row.organisationNumber() + "_" + (period != null ? period : p.from() + "_" + p.to()) + "."
                + extension;
        return HttpResponse.ok(file.apply(row.organisationNumber(), p)).contentType(contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }

    Map<String, Object> json(LegalEntityRow row) {
        Map<String, Object> m = summary(row);
        m.put("invoicing", invoicing(registry.invoicingOf(row.id())));
        return m;
    }

    /** How the entity's statements are paid, taxed and posted, as the API writes it. */
    static Map<String, Object> invoicing(EntityInvoicing i) {
        Map<String, Object> m = new LinkedHashMap<>();
        CentreWriter.put(m, "bankgiro", i.bankgiro());
        CentreWriter.put(m, "plusgiro", i.plusgiro());
        CentreWriter.put(m, "iban", i.iban());
        CentreWriter.put(m, "bic", i.bic());
        CentreWriter.put(m, "vatNumber", i.vatNumber());
        m.put("vatTreatment", i.vatTreatment().name());
        CentreWriter.put(m, "vatReason", i.vatReason());
        Map<String, Object> contact = new LinkedHashMap<>();
        CentreWriter.put(contact, "name", i.contactName());
        CentreWriter.put(contact, "email", i.contactEmail());
        CentreWriter.put(contact, "phone", i.contactPhone());
        if (!contact.isEmpty()) {
            m.put("contact", contact);
        }
        Map<String, Object> peppol = new LinkedHashMap<>();
        CentreWriter.put(peppol, "scheme", i.peppolScheme());
        CentreWriter.put(peppol, "id", i.peppolId());
        if (!peppol.isEmpty()) {
            m.put("peppol", peppol);
        }
        m.put("accounts", new LinkedHashMap<>(i.accounts()));
        return m;
    }

    static Map<String, Object> summary(LegalEntityRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id());
        CentreWriter.put(m, "organisationNumber", row.organisationNumber());
        CentreWriter.put(m, "name", row.name());
        CentreWriter.put(m, "invoiceAddress", row.invoiceAddress());
        CentreWriter.put(m, "invoiceReference", row.invoiceReference());
        m.put("paymentTermsDays", row.paymentTermsDays());
        m.put("version", row.version());
        return m;
    }
}
