package se.familycentre.invoicing;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.CentreRepository;
import se.familycentre.centre.CentreRow;
import se.familycentre.centre.Refusal;

/**
 * The quarterly run: issue every centre's statements for a period. The job and
 * one item per centre live in the database; a centre already issued is
 * skipped, and an unfinished job resumes when the service starts again or the
 * run is posted again. Issuing itself refuses a period that stands, so a
 * resumed job never issues twice.
 */
@Singleton
public class QuarterlyRun {

    public static final String KIND = "QUARTERLY_ISSUE";
    private static final Logger LOG = LoggerFactory.getLogger(QuarterlyRun.class);

    private final JobRepository jobs;
    private final JobItemRepository items;
    private final CentreRepository centres;
    private final Invoicing invoicing;
    private final PdfArchive pdfs;
    private final ExecutorService executor;

    public QuarterlyRun(JobRepository jobs, JobItemRepository items, CentreRepository centres, Invoicing invoicing,
                        PdfArchive pdfs, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.jobs = jobs;
        this.items = items;
        this.centres = centres;
        this.invoicing = invoicing;
        this.pdfs = pdfs;
        this.executor = executor;
    }

    /** Starts a run for the period, or resumes the unfinished one for it. */
    public JobRow start(Period period) {
        for (JobRow job : jobs.findByStatus(JobStatus.RUNNING)) {
            if (job.periodFrom().equals(period.from()) && job.periodTo().equals(period.to())) {
                executor.submit(() -> run(job.id()));
                return job;
            }
        }
        JobRow job = jobs.save(new JobRow(null, KIND, period.from(), period.to(), JobStatus.RUNNING,
                OffsetDateTime.now(ZoneOffset.UTC), null, null));
        for (CentreRow centre : centres.findAll()) {
            items.save(new JobItemRow(null, job.id(), centre.id(), JobItemStatus.PENDING, null, null));
        }
        executor.submit(() -> run(job.id()));
        return job;
    }

    @EventListener
    void resume(StartupEvent event) {
        for (JobRow job : jobs.findByStatus(JobStatus.RUNNING)) {
            LOG.info("Resuming job {} ({} to {})", job.id(), job.periodFrom(), job.periodTo());
            executor.submit(() -> run(job.id()));
        }
    }

    /** Works through the job's pending centres; safe to run again after a crash. */
    public void run(long jobId) {
        JobRow job = jobs.findById(jobId).orElseThrow();
        Period period = new Period(job.periodFrom(), job.periodTo());
        for (JobItemRow item : items.findByJobIdOrderById(jobId)) {
            if (item.status() != JobItemStatus.PENDING) {
                continue;
            }
            JobItemStatus status;
            String detail;
            try {
                List<StatementRow> standing = invoicing.ledger(item.centreId(), period).standing();
                if (!standing.isEmpty()) {
                    status = JobItemStatus.SKIPPED;
                    detail = "already issued: " + String.join(", ", standing.stream().map(StatementRow::number).toList());
                } else {
                    List<StatementRow> issued = invoicing.issue(item.centreId(), period);
                    pdfs.storeAll(issued);
                    status = JobItemStatus.DONE;
                    detail = "issued: " + String.join(", ", issued.stream().map(StatementRow::number).toList());
                }
            } catch (InvoicingRefusal.AlreadyIssued e) {
                // another worker or request issued it meanwhile: the period stands, which is what the run wants
                status = JobItemStatus.SKIPPED;
                detail = reason(e.getMessage(), e.errors());
            } catch (InvoicingRefusal e) {
                status = JobItemStatus.FAILED;
                detail = reason(e.getMessage(), e.errors());
            } catch (Refusal e) {
                status = JobItemStatus.FAILED;
                detail = reason(e.getMessage(), e.errors());
            } catch (RuntimeException e) {
                LOG.error("Job {} failed on centre {}", jobId, item.centreId(), e);
                status = JobItemStatus.FAILED;
                detail = "unexpected error: " + e.getClass().getSimpleName();
            }
            try {
                items.update(new JobItemRow(item.id(), jobId, item.centreId(), status,
                        detail.length() > 4000 ? detail.substring(0, 3997) + "..." : detail, item.version()));
            } catch (DataAccessException e) {
                LOG.info("Job {} item {} was finished by another worker", jobId, item.id());
            }
        }
        JobRow current = jobs.findById(jobId).orElseThrow();
        if (current.status() == JobStatus.RUNNING) {
            try {
                jobs.update(new JobRow(jobId, current.kind(), current.periodFrom(), current.periodTo(), JobStatus.FINISHED,
                        current.createdAt(), OffsetDateTime.now(ZoneOffset.UTC), current.version()));
            } catch (DataAccessException e) {
                LOG.info("Job {} was finished by another worker", jobId);
            }
        }
    }

    private static String reason(String detail, List<Violation> errors) {
        return detail + (errors.isEmpty() ? "" : ": " + String.join("; ",
                errors.stream().map(v -> v.field() + " " + v.reason()).toList()));
    }

    public List<JobItemRow> items(long jobId) {
        return items.findByJobIdOrderById(jobId);
    }
}
