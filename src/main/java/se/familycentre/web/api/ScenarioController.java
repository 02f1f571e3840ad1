package se.familycentre.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.net.URI;
import java.util.Set;
import se.familycentre.access.Scope;
import se.familycentre.centre.CentreRow;
import se.familycentre.centre.SavedScenarios;
import se.familycentre.centre.ScenarioCentres;
import se.familycentre.format.ScenarioCsv;
import se.familycentre.invoicing.FollowUp;
import java.time.LocalDate;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;
import se.familycentre.centre.Scenarios;
import se.familycentre.format.ScenarioReader;
import se.familycentre.scenario.Scenario;
import se.familycentre.scenario.DecisionBasis;
import se.familycentre.scenario.ScenarioReport;
import se.familycentre.scenario.ScenarioRun;

/**
 * The budget simulator for steering groups (issue 11, RULES §7), stateless: a planned centre and
 * its assumptions in, each year's and the first year's quarters' costs per legal entity and
 * service out, with the frames exceeded, the warnings, the same plan under each premises rule and
 * the plan without each service that can be left out.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "apiToken")
@SecurityRequirement(name = "signInCookie")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "401", description = "No valid credentials (…:unauthenticated)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@ApiResponse(responseCode = "403", description = "The principal's role does not reach the action (…:forbidden)",
        content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
@Controller("/api/v1/scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioController {

    private static final String BASE = "/api/v1/scenarios/";
    private static final java.time.ZoneId SWEDEN = java.time.ZoneId.of("Europe/Stockholm");

    private final Scenarios scenarios;
    private final SavedScenarios saved;
    private final Scope scope;
    private final ScenarioCentres centres;
    private final FollowUp followUp;
    private final DecisionBasis decisionBasis;

    public ScenarioController(Scenarios scenarios, SavedScenarios saved, Scope scope, ScenarioCentres centres,
                              FollowUp followUp, DecisionBasis decisionBasis) {
        this.decisionBasis = decisionBasis;
        this.scenarios = scenarios;
        this.saved = saved;
        this.scope = scope;
        this.centres = centres;
        this.followUp = followUp;
    }

    @Get
    @Operation(operationId = "listScenarios", summary = "The saved plans of the principal's legal entities, by name, paged", tags = "Scenarios")
    @ApiResponse(responseCode = "200", description = "A page of plans",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioPage")))
    @Parameter(name = "page", in = ParameterIn.QUERY, ref = "#/components/parameters/page")
    @Parameter(name = "size", in = ParameterIn.QUERY, ref = "#/components/parameters/size")
    public Map<String, Object> list(@Parameter(hidden = true) HttpRequest<?> request,
                                    @Parameter(hidden = true) Pageable pageable) {
        Pageable page = Pageables.sorted(pageable, "name", Set.of("name"));
        SavedScenarios.Listing listing = saved.list(mine(request), page.getNumber(), page.getSize());
        return Pageables.page(Page.of(listing.items(), page, listing.total()), ScenarioController::summary);
    }

    @Post
    @Operation(operationId = "saveScenario", summary = "Saves a plan (it needs a name, and one of the principal's legal entities)", tags = "Scenarios")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The plan, as for computing it",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioRequest")))
    @ApiResponse(responseCode = "201", description = "The saved plan; ETag is its version",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "SavedScenario")))
    @ApiResponse(responseCode = "400", description = "Malformed (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "A value out of bounds, no name, or none of the principal's entities (…:invalid-value)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> save(@Parameter(hidden = true) HttpRequest<?> request, @Body String body) {
        SavedScenarios.Saved s = saved.create(ScenarioReader.read(body), body, mine(request));
        return CentreController.withEtag(HttpResponse.created(full(s), URI.create(BASE + s.id())), s.version());
    }

    @Get("/{id}")
    @Operation(operationId = "getScenario", summary = "A saved plan as it was saved", tags = "Scenarios")
    @ApiResponse(responseCode = "200", description = "The plan; ETag is its version",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "SavedScenario")))
    @ApiResponse(responseCode = "404", description = "No such plan among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> get(@Parameter(hidden = true) HttpRequest<?> request, long id) {
        SavedScenarios.Saved s = saved.get(id, mine(request));
        return CentreController.withEtag(HttpResponse.ok(full(s)), s.version());
    }

    @Put("/{id}")
    @Operation(operationId = "updateScenario", summary = "Replaces a saved plan, at the version read (If-Match); a plan that became a centre does not change", tags = "Scenarios")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The plan",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioRequest")))
    @ApiResponse(responseCode = "200", description = "The plan; ETag is its new version",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "SavedScenario")))
    @ApiResponse(responseCode = "404", description = "No such plan among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The plan became a centre (…:conflict)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "412", description = "If-Match is not the current version (…:stale-version)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing or * (…:version-required)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> update(@Parameter(hidden = true) HttpRequest<?> request, long id,
                                                    @Body String body,
                                                    @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        SavedScenarios.Saved s = saved.update(id, ScenarioReader.read(body), body, ETags.ifMatch(ifMatch), mine(request));
        return CentreController.withEtag(HttpResponse.ok(full(s)), s.version());
    }

    @Post("/{id}/copy")
    @Operation(operationId = "copyScenario", summary = "Copies a saved plan, under the name given or the original's with \"(kopia)\"", tags = "Scenarios")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, description = "{\"name\": …} or nothing",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioCopy")))
    @ApiResponse(responseCode = "201", description = "The copy",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "SavedScenario")))
    @ApiResponse(responseCode = "404", description = "No such plan among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> copy(@Parameter(hidden = true) HttpRequest<?> request, long id,
                                                  @Nullable @Body String body) {
        SavedScenarios.Saved s = saved.copy(id, ScenarioReader.copyName(body), mine(request));
        return CentreController.withEtag(HttpResponse.created(full(s), URI.create(BASE + s.id())), s.version());
    }

    @Delete("/{id}")
    @Operation(operationId = "deleteScenario", summary = "Deletes a saved plan, at the version read (If-Match); not one that became a centre", tags = "Scenarios")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such plan among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The plan became a centre (…:conflict)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "412", description = "If-Match is not the current version (…:stale-version)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing or * (…:version-required)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Void> delete(@Parameter(hidden = true) HttpRequest<?> request, long id,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        saved.delete(id, ETags.ifMatch(ifMatch), mine(request));
        return HttpResponse.noContent();
    }

    @Get("/{id}/result")
    @Operation(operationId = "computeSavedScenario", summary = "A saved plan computed with today's index values, as compute answers it", tags = "Scenarios")
    @ApiResponse(responseCode = "200", description = "The budget",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioResult")))
    @ApiResponse(responseCode = "404", description = "No such plan among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The plan cannot be computed (…:invalid-centre)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public Map<String, Object> result(@Parameter(hidden = true) HttpRequest<?> request, long id) {
        return report(scenarios.report(ScenarioReader.read(saved.get(id, mine(request)).plan())));
    }

    @Get(value = "/{id}/decision-basis.pdf", produces = "application/pdf")
    @Operation(operationId = "savedScenarioPdf", summary = "A saved plan's decision basis (beslutsunderlag), a Swedish PDF/A: assumptions, each year per party, the frames, the comparisons", tags = "Scenarios")
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such plan among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The plan cannot be computed (…:invalid-centre)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<byte[]> savedPdf(@Parameter(hidden = true) HttpRequest<?> request, long id) {
        return pdf(scenarios.report(ScenarioReader.read(saved.get(id, mine(request)).plan())), "beslutsunderlag-" + id);
    }

    @Get(value = "/{id}/result.csv", produces = "text/csv")
    @Operation(operationId = "savedScenarioCsv", summary = "A saved plan's results and comparisons as CSV (semicolons, decimal comma, UTF-8 with BOM)", tags = "Scenarios")
    @ApiResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such plan among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The plan cannot be computed (…:invalid-centre)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<byte[]> savedCsv(@Parameter(hidden = true) HttpRequest<?> request, long id) {
        return csv(scenarios.report(ScenarioReader.read(saved.get(id, mine(request)).plan())), "scenario-" + id);
    }

    @Post(value = "/compute/decision-basis.pdf", produces = "application/pdf")
    @Operation(operationId = "computeScenarioPdf", summary = "The decision basis (beslutsunderlag) of a plan not saved, as a Swedish PDF/A", tags = "Scenarios")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The plan",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioRequest")))
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "Malformed (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The plan cannot be computed (…:invalid-value, …:invalid-centre)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<byte[]> computePdf(@Body String body) {
        return pdf(scenarios.report(ScenarioReader.read(body)), "beslutsunderlag");
    }

    @Post(value = "/compute/result.csv", produces = "text/csv")
    @Operation(operationId = "computeScenarioCsv", summary = "The results and comparisons of a plan not saved, as CSV", tags = "Scenarios")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The plan",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioRequest")))
    @ApiResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Malformed (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The plan cannot be computed (…:invalid-value, …:invalid-centre)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<byte[]> computeCsv(@Body String body) {
        return csv(scenarios.report(ScenarioReader.read(body)), "scenario");
    }

    private HttpResponse<byte[]> pdf(ScenarioReport report, String file) {
        return HttpResponse.ok(decisionBasis.render(report, LocalDate.now(SWEDEN)))
                .contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"" + file + ".pdf\"");
    }

    private static HttpResponse<byte[]> csv(ScenarioReport report, String file) {
        return HttpResponse.ok(ScenarioCsv.write(report)).contentType(StatementController.CSV)
                .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
    }

    @Get("/compare")
    @Operation(operationId = "compareScenarios", summary = "Two saved plans side by side: each entity's yearly total in each, and b less a", tags = "Scenarios")
    @ApiResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioComparison")))
    @ApiResponse(responseCode = "400", description = "a or b missing or not a number (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "Either plan is not among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "Either plan cannot be computed (…:invalid-centre)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public Map<String, Object> compare(@Parameter(hidden = true) HttpRequest<?> request,
                                       @QueryValue long a, @QueryValue long b) {
        Set<String> mine = mine(request);
        SavedScenarios.Saved first = saved.get(a, mine);
        SavedScenarios.Saved second = saved.get(b, mine);
        ScenarioRun.Result ra = scenarios.report(ScenarioReader.read(first.plan())).plan();
        ScenarioRun.Result rb = scenarios.report(ScenarioReader.read(second.plan())).plan();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", side(first, ra));
        json.put("b", side(second, rb));
        json.put("differenceBMinusA", amounts(ScenarioReport.difference(rb, ra)));
        return json;
    }

    @Post("/{id}/centre")
    @Operation(operationId = "scenarioToCentre", summary = "Makes a decided plan a stored centre, once; its budget as computed today is kept for the follow-up", tags = "Scenarios")
    @ApiResponse(responseCode = "201", description = "The new centre",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "CentreSummary")))
    @ApiResponse(responseCode = "404", description = "No such plan among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The plan became a centre already, or its entities differ from the registered ones (…:conflict)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The plan as a centre breaks the rules or the register's limits (…:invalid-centre, …:invalid-value)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public HttpResponse<Map<String, Object>> toCentre(@Parameter(hidden = true) HttpRequest<?> request, long id) {
        CentreRow row = centres.toCentre(id, mine(request));
        return CentreController.withEtag(HttpResponse.created(CentreController.summary(row),
                URI.create("/api/v1/centres/" + row.id())),
                row.version());
    }

    @Get("/{id}/follow-up")
    @Operation(operationId = "scenarioFollowUp", summary = "Budget against outcome for the centre a plan became: per year and legal entity, the budget, the register's allocation and the statements issued", tags = "Scenarios")
    @ApiResponse(responseCode = "200", description = "The follow-up",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioFollowUp")))
    @ApiResponse(responseCode = "404", description = "No such plan among the principal's (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The plan has not become a centre (…:conflict)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public Map<String, Object> followUp(@Parameter(hidden = true) HttpRequest<?> request, long id) {
        FollowUp.Report report = followUp.of(id, mine(request));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenarioId", report.plan().id());
        json.put("name", report.plan().name());
        json.put("centreId", report.centreId());
        json.put("decidedOn", report.decidedOn().toString());
        json.put("years", report.years().stream().map(y -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", y.period().from().getYear());
            m.put("from", y.period().from().toString());
            m.put("to", y.period().to().toString());
            m.put("entities", y.entities().stream().map(ScenarioController::followUp).toList());
            m.put("allocationRefused", y.allocationRefused().stream()
                    .map(v -> Map.of("field", v.field(), "reason", v.reason())).toList());
            return m;
        }).toList());
        return json;
    }

    private static Map<String, Object> followUp(FollowUp.EntityYear e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisationNumber", e.organisationNumber());
        m.put("name", e.name());
        m.put("budget", cost(e.budget()));
        m.put("allocated", e.allocated() == null ? null : cost(e.allocated()));
        m.put("allocatedLessBudget", e.allocated() == null ? null
                : Sek.plain(e.allocated().total().subtract(e.budget().total())));
        Map<String, Object> invoiced = new LinkedHashMap<>();
        invoiced.put("quarters", e.invoicedQuarters());
        invoiced.put("net", Sek.plain(e.invoicedNet()));
        invoiced.put("budgetNet", Sek.plain(e.budgetNetInvoiced()));
        invoiced.put("netLessBudget", Sek.plain(e.invoicedNet().subtract(e.budgetNetInvoiced())));
        m.put("invoiced", invoiced);
        return m;
    }

    private static Map<String, Object> cost(ScenarioRun.EntityCost c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("byPool", pools(c.byPool()));
        m.put("total", Sek.plain(c.total()));
        m.put("reimbursed", Sek.plain(c.reimbursed()));
        m.put("reimburses", Sek.plain(c.reimburses()));
        m.put("net", Sek.plain(c.reimbursed().subtract(c.reimburses())));
        return m;
    }

    private static Map<String, Object> side(SavedScenarios.Saved s, ScenarioRun.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("version", s.version());
        m.put("start", r.scenario().start().toString());
        m.put("end", r.scenario().end().toString());
        m.put("entities", r.scenario().entities().stream().map(e -> Map.of("organisationNumber",
                e.organisationNumber(), "name", e.name())).toList());
        m.put("totals", totals(r));
        m.put("framesExceeded", frames(r));
        return m;
    }

    /** The organisationsnummer of the principal's entities, or null for an administrator. */
    private Set<String> mine(HttpRequest<?> request) {
        return scope.organisationNumbers(Access.actor(request));
    }

    static Map<String, Object> summary(SavedScenarios.Saved s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("version", s.version());
        m.put("parties", s.parties());
        m.put("centreId", s.centreId());
        m.put("createdAt", s.createdAt().toString());
        m.put("createdBy", s.createdBy());
        m.put("updatedAt", s.updatedAt().toString());
        m.put("updatedBy", s.updatedBy());
        return m;
    }

    private static Map<String, Object> full(SavedScenarios.Saved s) {
        Map<String, Object> m = summary(s);
        m.put("plan", ScenarioReader.tree(s.plan()));
        String base = BASE + s.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("result", base + "/result");
        links.put("decisionBasis", base + "/decision-basis.pdf");
        links.put("csv", base + "/result.csv");
        links.put("copy", base + "/copy");
        links.put("centre", base + "/centre");
        links.put("followUp", base + "/follow-up");
        m.put("links", links);
        return m;
    }

    @Post("/compute")
    @Operation(operationId = "computeScenario", summary = "Computes a planned centre's budget year by year, without storing anything", tags = "Scenarios")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The planned centre and its assumptions",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioRequest")))
    @ApiResponse(responseCode = "200", description = "The budget",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "ScenarioResult")))
    @ApiResponse(responseCode = "400", description = "Malformed: not JSON, a wrong type or an unknown property (…:malformed-request)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The plan cannot be computed: a value out of bounds or refused by the rules, each with its field (…:invalid-value, …:invalid-centre)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "415", description = "The body's media type is not read here (…:unsupported-media-type)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public Map<String, Object> compute(@Body String body) {
        return report(scenarios.report(ScenarioReader.read(body)));
    }

    /** The plan, the rule comparison and the service comparison, as the API answers them. */
    static Map<String, Object> report(ScenarioReport report) {
        ScenarioRun.Result plan = report.plan();
        Map<String, Object> json = result(plan);
        List<Map<String, Object>> rules = new ArrayList<>();
        report.premisesRules().forEach((rule, outcome) -> {
            if (outcome instanceof ScenarioRun.Result r) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("premisesRule", rule.name());
                m.put("totals", totals(r));
                m.put("differenceFromPlan", amounts(ScenarioReport.difference(r, plan)));
                rules.add(m);
            }
        });
        json.put("premisesRuleComparison", rules);
        List<Map<String, Object>> without = new ArrayList<>();
        report.withoutEachService().forEach((service, outcome) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("without", service);
            if (outcome instanceof ScenarioRun.Result r) {
                m.put("totals", totals(r));
                m.put("differenceFromPlan", amounts(ScenarioReport.difference(r, plan)));
            } else {
                m.put("refused", ((ScenarioRun.Refused) outcome).violations().stream()
                        .map(v -> Map.of("field", "plan." + v.field(), "reason", v.reason())).toList());
            }
            without.add(m);
        });
        json.put("serviceComparison", without);
        return json;
    }

    static Map<String, Object> result(ScenarioRun.Result r) {
        Scenario s = r.scenario();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", s.name());
        json.put("start", s.start().toString());
        json.put("end", s.end().toString());
        json.put("horizonYears", s.horizonYears());
        Map<String, Object> assumptions = new LinkedHashMap<>();
        assumptions.put("salaryIncreasePercent", s.assumptions().salaryIncreasePercent().toPlainString());
        assumptions.put("salaryRevision", s.assumptions().salaryRevision().toString().substring(2));
        assumptions.put("indexChangePercent", s.assumptions().indexChangePercent().toPlainString());
        assumptions.put("sharedRooms", s.sharedRooms().stream().map(room -> Map.of("id", room.id(), "type",
                room.type().name(), "area", room.area().toPlainString())).toList());
        json.put("assumptions", assumptions);
        json.put("years", r.years().stream().map(ScenarioController::period).toList());
        json.put("firstYearQuarters", r.quarters().stream().map(ScenarioController::period).toList());
        json.put("framesExceeded", frames(r));
        json.put("warnings", r.warnings().stream().map(w -> Map.of("code", w.code(), "message", w.message())).toList());
        return json;
    }

    private static List<Map<String, Object>> frames(ScenarioRun.Result r) {
        return r.frames().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("organisationNumber", f.organisationNumber());
            m.put("year", f.year());
            m.put("frame", Sek.plain(f.frame()));
            m.put("cost", Sek.plain(f.cost()));
            m.put("by", Sek.plain(f.by()));
            return m;
        }).toList();
    }

    private static Map<String, Object> period(ScenarioRun.PeriodResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", p.period().from().toString());
        m.put("to", p.period().to().toString());
        m.put("entities", p.entities().stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("organisationNumber", e.organisationNumber());
            x.put("name", e.name());
            x.put("byPool", pools(e.byPool()));
            x.put("total", Sek.plain(e.total()));
            x.put("paidOut", Sek.plain(e.paidOut()));
            x.put("reimbursed", Sek.plain(e.reimbursed()));
            x.put("reimburses", Sek.plain(e.reimburses()));
            return x;
        }).toList());
        m.put("services", p.allocation().services().stream().map(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", t.service());
            x.put("entity", t.entity());
            x.put("byPool", pools(t.byPool()));
            x.put("total", Sek.plain(t.total()));
            return x;
        }).toList());
        m.put("flows", p.allocation().flows().stream().filter(f -> !f.internal()).map(f -> Map.of(
                "creditor", f.creditor(), "debtor", f.debtor(), "amount", Sek.plain(f.amount()))).toList());
        return m;
    }

    private static Map<String, String> pools(Map<Pool, MonetaryAmount> byPool) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Pool pool : Pool.values()) {
            MonetaryAmount a = byPool.get(pool);
            m.put(pool.name(), a == null ? "0.00" : Sek.plain(a));
        }
        return m;
    }

    static Map<String, Map<String, String>> totals(ScenarioRun.Result r) {
        return amounts(ScenarioRun.totals(r));
    }

    /** Entity → year → amount, as plain decimal strings. */
    static Map<String, Map<String, String>> amounts(Map<String, Map<Integer, MonetaryAmount>> byEntity) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        byEntity.forEach((org, years) -> {
            Map<String, String> y = new LinkedHashMap<>();
            years.forEach((year, amount) -> y.put(String.valueOf(year), Sek.plain(amount)));
            m.put(org, y);
        });
        return m;
    }
}
