package se.familycentre.web.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import se.familycentre.access.Actor;
import se.familycentre.access.Scope;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.familycentre.allocation.Period;
import se.familycentre.format.PeriodReader;
import se.familycentre.invoicing.JobItemRow;
import se.familycentre.invoicing.JobItemStatus;
import se.familycentre.invoicing.JobRepository;
import se.familycentre.invoicing.JobRow;
import se.familycentre.invoicing.QuarterlyRun;

/** The quarterly run over every centre, and its progress as a job. */
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
public class JobController {

    private final QuarterlyRun run;
    private final JobRepository jobs;

    private final Scope scope;

    public JobController(QuarterlyRun run, JobRepository jobs, Scope scope) {
        this.scope = scope;
        this.run = run;
        this.jobs = jobs;
    }

    /**
     * The quarterly run over every centre: 202 with the new job's location, or 200 with the job that
     * runs for the period already (one run per period at a time).
     */
    @Post(value = "/statements/issue", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "runQuarter", summary = "The quarterly run over every centre", tags = "Statements")
    @ApiResponse(responseCode = "202", description = "The new job", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The job", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Job")))
    @ApiResponse(responseCode = "200", description = "The job that runs for the period already", headers = {@io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The job", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Job")))
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
    public HttpResponse<Map<String, Object>> issueAll(@Parameter(hidden = true) HttpRequest<?> request, @Parameter(description = "A quarter, e.g. 2025-Q1 (or from and to)", schema = @Schema(type = "string", pattern = "^\\d{4}-Q[1-4]$")) @Nullable @QueryValue String period, @Parameter(description = "The first day (with to, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String from,
                                                      @Parameter(description = "The last day (with from, instead of period)", schema = @Schema(type = "string", format = "date")) @Nullable @QueryValue String to) {
        Actor actor = Access.actor(request);
        // an administrator's run covers every centre; anyone else's only the centres of its entities
        QuarterlyRun.Started started = actor.isAdmin()
                ? run.start(PeriodReader.fromQuery(period, from, to), null, null, actor.name())
                : run.start(PeriodReader.fromQuery(period, from, to), scope.centreIds(actor), Scope.key(actor),
                        actor.name());
        JobRow job = started.job();
        return HttpResponse.<Map<String, Object>>status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(jobView(job))
                .header("Location", "/api/v1/jobs/" + job.id());
    }

    @Get(value = "/jobs/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getJob", summary = "A run's progress", tags = "Statements")
    @ApiResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = OpenApiRefs.JSON, schema = @Schema(ref = OpenApiRefs.SCHEMAS + "Job")))
    @ApiResponse(responseCode = "404", description = "No such resource (…:not-found)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "405", description = "The resource does not take that method (…:method-not-allowed)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "406", description = "The resource cannot answer in the Accepted media type (…:not-acceptable)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    @ApiResponse(responseCode = "500", description = "Anything unexpected; nothing was written (…:internal-error)",
            content = @Content(mediaType = OpenApiRefs.PROBLEM_JSON, schema = @Schema(ref = OpenApiRefs.PROBLEM)))
    public Map<String, Object> job(long id) {
        return jobView(jobs.findById(id).orElseThrow(() -> ProblemMapper.notFound("job " + id)));
    }

    private Map<String, Object> jobView(JobRow job) {
        List<JobItemRow> items = run.items(job.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("kind", job.kind());
        m.put("period", new Period(job.periodFrom(), job.periodTo()).label());
        m.put("status", job.status());
        m.put("total", items.size());
        m.put("done", items.stream().filter(i -> i.status() != JobItemStatus.PENDING).count());
        m.put("issued", items.stream().filter(i -> i.status() == JobItemStatus.DONE).count());
        m.put("skipped", items.stream().filter(i -> i.status() == JobItemStatus.SKIPPED).count());
        m.put("failures", items.stream().filter(i -> i.status() == JobItemStatus.FAILED)
                .map(i -> Map.of("centreId", i.centreId(), "reason", i.detail() == null ? "" : i.detail())).toList());
        m.put("centres", items.stream().map(i -> {
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("centreId", i.centreId());
            im.put("status", i.status());
            if (i.detail() != null) {
                im.put("detail", i.detail());
            }
            return im;
        }).toList());
        return m;
    }
}
