package se.familycentre.web.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import se.familycentre.access.Scope;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Violation;
import se.familycentre.format.CreditRequestReader;
import se.familycentre.format.PeriodReader;
import se.familycentre.invoicing.EntityExports;
import se.familycentre.statement.PaymentReference;
import se.familycentre.invoicing.Idempotency;
import se.familycentre.invoicing.Invoicing;
import se.familycentre.invoicing.PdfArchive;
import se.familycentre.invoicing.StatementLedger;
import se.familycentre.invoicing.StatementRepository;
import se.familycentre.invoicing.StatementRow;
import se.familycentre.invoicing.StatementStatus;
import se.familycentre.statement.Statement;
import se.familycentre.statement.StatementCsv;
import se.familycentre.statement.StatementDocument;

/** Statements: drafts of a centre's period, issuing, crediting and downloads. */
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
@Controller("/api/v1")
public class StatementController {

    static final MediaType PDF = MediaType.of("application/pdf");
    static final MediaType CSV = MediaType.of("text/csv;charset=utf-8");

    private final Invoicing invoicing;
    private final StatementRepository statements;
    private final PdfArchive pdfs;
    private final Idempotency idempotency;
    private final JsonMapper json;

    private final Scope scope;

    public StatementController(Invoicing invoicing, StatementRepository statements, PdfArchive pdfs,
                               Idempotency idempotency, JsonMapper json, Scope scope) {
        this.scope = scope;
        this.invoicing = invoicing;
        this.statements = statements;
        this.pdfs = pdfs;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** The drafts of a period: one statement per creditor and debtor, and each entity's internal transfers. */
    @Get(value = "/centres/{id}/statements", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "draftStatements", summary = "The drafts of a period: one statement per creditor and debtor, and the internal transfers", tags = "Statements")
    @ApiResponse(responseCode = "200", description = "The drafts",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Drafts")))
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
    public Map<String, Object> drafts(long id, @Parameter(description = "A quarter, e.g. 2025-Q1 (or from and to)", schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$")) @Nullable @QueryValue String period, @Parameter(description = "The first day (with to, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String from,
                                      @Parameter(description = "The last day (with from, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String to) {
        Period p = PeriodReader.fromQuery(period, from, to);
        Invoicing.Drafts drafts = invoicing.drafts(id, p);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("centreId", id);
        m.put("period", p.label());
        m.put("statements", drafts.invoices().stream().map(s -> draftView(id, p, s)).toList());
        m.put("internalTransfers", drafts.transfers().stream().map(s -> draftView(id, p, s)).toList());
        return m;
    }

    /** A draft's PDF, marked UTKAST and without a number; {@code creditor} and {@code debtor} pick the statement. */
    @Get(value = "/centres/{id}/statements/draft.pdf", produces = "application/pdf")
    @Operation(operationId = "draftPdf", summary = "A draft's PDF, marked UTKAST and without a number", tags = "Statements")
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
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
    public HttpResponse<byte[]> draftPdf(long id, @Parameter(description = "A quarter, e.g. 2025-Q1 (or from and to)", schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$")) @Nullable @QueryValue String period, @Parameter(description = "The first day (with to, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String from,
                                         @Parameter(description = "The last day (with from, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String to, @Parameter(required = true, description = "The creditor's organisationsnummer") @QueryValue String creditor,
                                         @Parameter(required = true, description = "The debtor's organisationsnummer") @QueryValue String debtor) {
        Period p = PeriodReader.fromQuery(period, from, to);
        Invoicing.Drafts drafts = invoicing.drafts(id, p);
        String c = OrganisationNumber.normalise(creditor);
        String d = OrganisationNumber.normalise(debtor);
        Statement statement = new ArrayList<>(drafts.invoices()) {{ addAll(drafts.transfers()); }}.stream()
                .filter(s -> s.creditor().organisationNumber().equals(c) && s.debtor().organisationNumber().equals(d))
                .findFirst().orElseThrow(() -> ProblemMapper.notFound("a draft statement from " + c + " to " + d
                        + " for " + p.label()));
        byte[] pdf = pdfs.render(new StatementDocument(StatementDocument.Kind.DRAFT, null, null, statement, null, null,
                List.of(), drafts.basis(), drafts.centreServices()));
        return HttpResponse.ok(pdf).contentType(PDF)
                .header("Content-Disposition", "inline; filename=\"utkast-" + p.label() + "-" + c + "-" + d + ".pdf\"");
    }

    /** Issues every statement of the centre and period at once; honours Idempotency-Key. */
    @Post(value = "/centres/{id}/statements/issue", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueCentre", summary = "Issues every statement of the centre and period at once; honours Idempotency-Key", tags = "Statements")
    @ApiResponse(responseCode = "201", description = "The issued statements",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Issued")))
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
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<String> issue(long id, @Parameter(description = "A quarter, e.g. 2025-Q1 (or from and to)", schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$")) @Nullable @QueryValue String period, @Parameter(description = "The first day (with to, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String from,
                                      @Parameter(description = "The last day (with from, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String to,
                                      @Nullable @Parameter(description = "At most 200 characters; the same key answers the same request once") @Header("Idempotency-Key") String key, @Parameter(hidden = true) @Nullable @Body String body) {
        if (key != null && key.length() > Idempotency.MAX_KEY_LENGTH) {
            // the key could not be stored, so the request could never be answered once only
            throw ProblemMapper.malformedRequest(List.of(new Violation("Idempotency-Key", "is at most "
                    + Idempotency.MAX_KEY_LENGTH + " characters, was " + key.length())));
        }
        Period p = PeriodReader.fromQuery(period, from, to);
        String request = "POST /centres/" + id + "/statements/issue " + p.from() + "/" + p.to() + " " + (body == null ? "" : body);
        String ids;
        if (key == null || key.isBlank()) {
            ids = issueNow(id, p);
        } else {
            try {
                ids = idempotency.once(key, request, () -> issueNow(id, p));
            } catch (io.micronaut.data.exceptions.DataAccessException e) {
                // a concurrent request with the same key wrote it first
                ids = idempotency.answerOf(key, request);
            }
        }
        // after the issuing transaction: its series locks are released before any PDF is rendered
        List<StatementRow> issued = Arrays.stream(ids.split(",")).map(n -> statements.findById(Long.parseLong(n))
                .orElseThrow()).toList();
        pdfs.storeAll(issued);
        String response = write(Map.of("centreId", id, "period", p.label(),
                "statements", issued.stream().map(this::view).toList()));
        return HttpResponse.<String>status(HttpStatus.CREATED).body(response).contentType(MediaType.APPLICATION_JSON);
    }

    /** Issues and answers the ids of the issued statements, which an Idempotency-Key stores. */
    private String issueNow(long id, Period p) {
        return String.join(",", invoicing.issue(id, p).stream().map(r -> String.valueOf(r.id())).toList());
    }

    private static final Set<String> LIST_PARAMETERS = Set.of("entity", "centre", "period", "status", "page",
            "size");
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;

    /**
     * Issued and credit statements, filtered by entity (either side), centre,
     * period and status, in pages. A parameter it does not know is refused, so
     * a mistyped filter never returns everything.
     */
    @Get(value = "/statements", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listStatements", summary = "Issued and credit statements, paged; a parameter it does not know is a 400", tags = "Statements")
    @ApiResponse(responseCode = "200", description = "A page of statements",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "StatementPage")))
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
    public Map<String, Object> list(@Parameter(hidden = true) HttpRequest<?> http, @Parameter(description = "An organisationsnummer, either side") @Nullable @QueryValue String entity,
                                    @Parameter(description = "A centre id") @Nullable @QueryValue Long centre, @Parameter(description = "A quarter, e.g. 2025-Q1") @Nullable @QueryValue String period,
                                    @Parameter(schema = @Schema(type = "string", allowableValues = {"ISSUED", "CREDITED", "CREDIT"})) @Nullable @QueryValue String status, @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", minimum = "0")) @Nullable @QueryValue Integer page,
                                    @Parameter(description = "50 unless given, at most 200") @Nullable @QueryValue Integer size) {
        List<Violation> unknown = new ArrayList<>();
        for (String name : http.getParameters().names()) {
            if (!LIST_PARAMETERS.contains(name)) {
                unknown.add(new Violation(name, "is not a filter of this list; the list takes "
                        + String.join(", ", new TreeSet<>(LIST_PARAMETERS))));
            }
        }
        StatementStatus wanted = status == null ? null : statusParameter(status, unknown);
        if (page != null && page < 0) {
            unknown.add(new Violation("page", "must not be negative"));
        }
        if (!unknown.isEmpty()) {
            throw ProblemMapper.malformedRequest(unknown);
        }
        Period p = period == null ? null : PeriodReader.fromQuery(period, null, null);
        String e = entity == null ? null : OrganisationNumber.normalise(entity);
        List<StatementRow> rows = centre == null ? statements.findAllOrderById() : statements.findByCentreIdOrderById(centre);
        StatementLedger ledger = StatementLedger.of(rows);
        Set<String> mine = scope.organisationNumbers(Access.actor(http));
        List<StatementRow> matching = rows.stream()
                .filter(r -> mine == null || mine.contains(r.creditor()) || mine.contains(r.debtor()))
                .filter(r -> e == null || e.equals(r.creditor()) || e.equals(r.debtor()))
                .filter(r -> p == null || p.from().equals(r.periodFrom()) && p.to().equals(r.periodTo()))
                .filter(r -> wanted == null || ledger.statusOf(r) == wanted)
                .toList();
        int pageSize = size == null || size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
        int number = page == null ? 0 : page;
        int first = (int) Math.min((long) number * pageSize, matching.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", matching.subList(first, Math.min(first + pageSize, matching.size())).stream()
                .map(this::view).toList());
        m.put("page", number);
        m.put("size", pageSize);
        m.put("totalItems", matching.size());
        m.put("totalPages", (matching.size() + pageSize - 1) / pageSize);
        return m;
    }

    private static StatementStatus statusParameter(String status, List<Violation> errors) {
        for (StatementStatus s : List.of(StatementStatus.ISSUED, StatementStatus.CREDITED, StatementStatus.CREDIT)) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        errors.add(new Violation("status", "\"" + status + "\" is not one of the allowed values: ISSUED, CREDITED, CREDIT"));
        return null;
    }

    /**
     * {@code /statements/12} (JSON), {@code /statements/12.pdf} (PDF/A-2b), {@code /statements/12.csv}
     * (for the debtor's books), {@code /statements/12.xml} (the PEPPOL BIS Billing 3.0 e-invoice).
     */
    @Get("/statements/{ref}")
    @Operation(operationId = "getStatement", summary = "One statement: {id} as JSON, {id}.pdf (PDF/A-2b), {id}.csv (the debtor's posting rows), {id}.xml (PEPPOL BIS Billing 3.0 UBL Invoice or CreditNote; none for an internal transfer)", tags = "Statements")
    @ApiResponse(responseCode = "200", description = "The statement, its PDF, its CSV or its e-invoice; downloads are named by creditor, number and kind (212000-1355_2025-0007_faktura.pdf)", content = {
            @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(implementation = StatementView.class)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/xml", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<?> get(@Parameter(description = "The statement id, with .pdf, .csv or .xml for a download", schema = @Schema(type = "string", pattern = "^[0-9]+(\\.(json|pdf|csv|xml))?$")) String ref) {
        String[] parts = ref.split("\\.", 2);
        StatementRow row = row(parts[0]);
        String format = parts.length == 2 ? parts[1] : "json";
        return switch (format) {
            case "json" -> HttpResponse.ok(view(row)).contentType(MediaType.APPLICATION_JSON);
            case "pdf" -> HttpResponse.ok(pdfs.pdfOf(row).pdf()).contentType(PDF)
                    .header("Content-Disposition", "inline; filename=\"" + EntityExports.fileName(row, "pdf") + "\"");
            case "csv" -> HttpResponse.ok(StatementCsv.write(pdfs.document(row))).contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + EntityExports.fileName(row, "csv") + "\"");
            case "xml" -> HttpResponse.ok(pdfs.einvoiceOf(row).orElseThrow(() -> ProblemMapper.notFound(
                            "e-invoice of statement " + row.number() + ": an internal transfer (omföring) is never invoiced")))
                    .contentType(MediaType.APPLICATION_XML_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + EntityExports.fileName(row, "xml") + "\"");
            default -> throw ProblemMapper.notFound("format ." + format + " (json, pdf, csv or xml)");
        };
    }

    /** A credit statement (kreditnota) that negates the original and cites its number and date. */
    @Post(value = "/statements/{id}/credit", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "creditStatement", summary = "A credit statement (kreditnota) that negates the original and cites it", tags = "Statements")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, description = "Why the statement is credited; the credit statement prints it. Optional.",
        content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CreditRequest")))
    @ApiResponse(responseCode = "400", description = "Malformed: the body is not the format (not JSON, a wrong type, an unknown property or enum value), an unknown or malformed query parameter or header (urn:problem:family-centre:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "201", description = "The credit statement", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The new resource", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(implementation = StatementView.class)))
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
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<StatementView> credit(String id, @Nullable @Body String body) {
        String reason = CreditRequestReader.reason(body);
        StatementRow credit = invoicing.credit(row(id).id(), reason);
        pdfs.pdfOf(credit);
        return HttpResponse.created(view(credit), URI.create("/api/v1/statements/" + credit.id()));
    }

    private StatementRow row(String id) {
        try {
            return statements.findById(Long.parseLong(id)).orElseThrow(() -> ProblemMapper.notFound("statement " + id));
        } catch (NumberFormatException e) {
            throw ProblemMapper.notFound("statement " + id);
        }
    }

    StatementView view(StatementRow r) {
        StatementDocument doc = pdfs.document(r);
        String creditedBy = statements.findByCreditsId(r.id()).map(StatementRow::number).orElse(null);
        StatementStatus status = StatementStatus.of(r.kind(), creditedBy != null);
        String base = "/api/v1/statements/" + r.id();
        return new StatementView(r.id(), r.number(), r.kind().name(), status.name(), r.issuedOn(), doc.dueOn(), r.centreId(),
                doc.creditsNumber(), doc.creditsIssuedOn(), creditedBy, doc.replaces().isEmpty() ? null : doc.replaces(),
                pdfs.sha256Of(r), doc.statement().internal() ? null : PaymentReference.of(doc),
                doc.statement().internal() ? Map.of("self", base, "pdf", base + ".pdf", "csv", base + ".csv")
                        : Map.of("self", base, "pdf", base + ".pdf", "csv", base + ".csv", "einvoice", base + ".xml"),
                StatementJson.of(doc.statement()));
    }

    private StatementView draftView(long centreId, Period p, Statement s) {
        String pdf = "/api/v1/centres/" + centreId + "/statements/draft.pdf?period=" + p.label() + "&creditor="
                + s.creditor().organisationNumber() + "&debtor=" + s.debtor().organisationNumber();
        return new StatementView(null, null, s.internal() ? "TRANSFER" : "DRAFT", StatementStatus.DRAFT.name(), null,
                null, centreId, null, null, null, null, null, null, Map.of("pdf", pdf), StatementJson.of(s));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
