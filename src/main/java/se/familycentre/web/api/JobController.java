package se.familycentre.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
@Controller("/api/v1")
public class JobController {

    private final QuarterlyRun run;
    private final JobRepository jobs;

    public JobController(QuarterlyRun run, JobRepository jobs) {
        this.run = run;
        this.jobs = jobs;
    }

    /**
     * The quarterly run over every centre: 202 with the new job's location, or 200 with the job that
     * runs for the period already (one run per period at a time).
     */
    @Post(value = "/statements/issue", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> issueAll(@Nullable @QueryValue String period, @Nullable @QueryValue String from,
                                                      @Nullable @QueryValue String to) {
        QuarterlyRun.Started started = run.start(PeriodReader.fromQuery(period, from, to));
        JobRow job = started.job();
        return HttpResponse.<Map<String, Object>>status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(jobView(job))
                .header("Location", "/api/v1/jobs/" + job.id());
    }

    @Get(value = "/jobs/{id}", produces = MediaType.APPLICATION_JSON)
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
