package se.familycentre.web.page;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.familycentre.access.Actor;
import se.familycentre.access.Scope;
import se.familycentre.allocation.Period;
import se.familycentre.invoicing.JobItemRow;
import se.familycentre.invoicing.JobItemStatus;
import se.familycentre.invoicing.JobRepository;
import se.familycentre.invoicing.JobRow;
import se.familycentre.invoicing.JobStatus;
import se.familycentre.invoicing.QuarterlyRun;

/**
 * The quarterly run for people (issue 12): a finance officer starts it for a quarter over the
 * centres of their entities (an administrator over every centre) and follows it on a page whose
 * progress bar htmx refreshes every second until the run has finished, with the centres that
 * failed and why. The run itself is the API's: its work and progress live in the database.
 */
@Hidden
@Controller("/korning")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class RunPageController {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @Serdeable
    @Introspected
    public record RunForm(@Nullable String kvartal) {
    }

    private final QuarterlyRun run;
    private final JobRepository jobs;
    private final Scope scope;

    public RunPageController(QuarterlyRun run, JobRepository jobs, Scope scope) {
        this.run = run;
        this.jobs = jobs;
        this.scope = scope;
    }

    @Get
    public HttpResponse<?> form(HttpRequest<?> request) {
        return Pages.gate(request).orElseGet(() -> {
            Actor actor = Pages.actor(request).orElseThrow();
            if (!actor.mayIssue()) {
                return notFound(actor);
            }
            LocalDate previous = LocalDate.now(SWEDEN).minusMonths(3);
            return HttpResponse.ok(new ModelAndView<>("run", formModel(actor,
                    previous.getYear() + "-Q" + ((previous.getMonthValue() - 1) / 3 + 1), List.of())));
        });
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> start(HttpRequest<?> request, @Body RunForm form) {
        return Pages.gate(request).orElseGet(() -> {
            Actor actor = Pages.actor(request).orElseThrow();
            if (!actor.mayIssue()) {
                return notFound(actor);
            }
            String label = form.kvartal() == null ? "" : form.kvartal().strip();
            Period period;
            try {
                period = Period.ofQuarter(label);
            } catch (RuntimeException e) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("run",
                        formModel(actor, label, List.of(Pages.error("kvartal",
                                "Ange kvartalet som ÅÅÅÅ-Qn, till exempel 2025-Q1.")))));
            }
            // an administrator's run covers every centre; anyone else's the centres of its entities
            QuarterlyRun.Started started = actor.isAdmin()
                    ? run.start(period, null, null, actor.name())
                    : run.start(period, scope.centreIds(actor), Scope.key(actor), actor.name());
            return HttpResponse.seeOther(URI.create("/korning/" + started.job().id()));
        });
    }

    @Get("/{id}")
    public HttpResponse<?> job(HttpRequest<?> request, @PathVariable long id) {
        return Pages.gate(request).orElseGet(() -> {
            Actor actor = Pages.actor(request).orElseThrow();
            Optional<JobRow> job = visible(actor, id);
            if (job.isEmpty()) {
                return notFound(actor);
            }
            Map<String, Object> model = Pages.model(actor, "Kvartalskörning " + label(job.get()));
            model.putAll(progress(job.get()));
            return HttpResponse.ok(new ModelAndView<>("run-job", model));
        });
    }

    /** The progress alone, which the job's page swaps in every second while the run lasts. */
    @Get("/{id}/status")
    public HttpResponse<?> status(HttpRequest<?> request, @PathVariable long id) {
        return Pages.gate(request).orElseGet(() -> {
            Actor actor = Pages.actor(request).orElseThrow();
            Optional<JobRow> job = visible(actor, id);
            if (job.isEmpty()) {
                return notFound(actor);
            }
            return HttpResponse.ok(new ModelAndView<>("run-status", progress(job.get())));
        });
    }

    private Map<String, Object> progress(JobRow job) {
        List<JobItemRow> items = run.items(job.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", job.id());
        m.put("quarter", label(job));
        m.put("running", job.status() == JobStatus.RUNNING);
        m.put("total", items.size());
        m.put("done", items.stream().filter(i -> i.status() != JobItemStatus.PENDING).count());
        m.put("issued", items.stream().filter(i -> i.status() == JobItemStatus.DONE).count());
        m.put("skipped", items.stream().filter(i -> i.status() == JobItemStatus.SKIPPED).count());
        m.put("failures", items.stream().filter(i -> i.status() == JobItemStatus.FAILED).map(i -> Map.of(
                "centreId", String.valueOf(i.centreId()), "reason", i.detail() == null ? "" : i.detail())).toList());
        return m;
    }

    private Map<String, Object> formModel(Actor actor, String quarter, List<Map<String, String>> errors) {
        Map<String, Object> model = Pages.model(actor, "Kvartalskörning");
        model.put("errors", errors);
        model.put("quarter", quarter);
        model.put("everyCentre", actor.isAdmin());
        return model;
    }

    /** A run the person may follow: one started for the same scope (an administrator's: every centre). */
    private Optional<JobRow> visible(Actor actor, long id) {
        if (!actor.mayIssue()) {
            return Optional.empty();
        }
        return jobs.findById(id).filter(j -> QuarterlyRun.KIND.equals(j.kind())
                && (actor.isAdmin() || Scope.key(actor).equals(j.scope())));
    }

    private static String label(JobRow job) {
        return new Period(job.periodFrom(), job.periodTo()).label();
    }

    private static HttpResponse<?> notFound(Actor actor) {
        return HttpResponse.status(HttpStatus.NOT_FOUND)
                .body(new ModelAndView<>("notfound", Pages.model(actor, "Hittades inte")));
    }
}
