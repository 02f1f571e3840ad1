package se.familycentre.invoicing;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.familycentre.allocation.Period;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.AuditLog;
import se.familycentre.centre.Refusal;

/**
 * The quarterly run: issue every centre's statements for a period.
 *
 * <ul>
 *   <li>One run per period at a time: the job and its items (one per centre) are created in one
 *       transaction, and a unique key on the running job's period refuses a second; posting again
 *       while it runs answers the running job.</li>
 *   <li>Workers (two by default, one per core) claim items one at a time ({@link JobStore}) and
 *       settle each in the transaction that issues it, so a crash loses only uncommitted work and
 *       the counts are true at every moment. Issuing refuses a period that stands, so nothing is
 *       issued twice, whoever works the job.</li>
 *   <li>PDFs are stored after each item's transaction; at start-up every missing PDF is stored
 *       before requests are served and every running job is resumed. A job whose instance stopped
 *       (no heartbeat for the lease) is taken over by another instance.</li>
 * </ul>
 */
@Singleton
public class QuarterlyRun {

    public static final String KIND = "QUARTERLY_ISSUE";
    private static final Logger LOG = LoggerFactory.getLogger(QuarterlyRun.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    /** A job as a request finds it: created by this request, or the one already running for the period. */
    public record Started(JobRow job, boolean created) {
    }

    private final JobRepository jobs;
    private final JobItemRepository items;
    private final JobStore store;
    private final Invoicing invoicing;
    private final PdfArchive pdfs;
    private final TransactionOperations<Connection> transactions;
    private final ExecutorService executor;
    private final int workers;
    private final Duration lease;
    private final AuditLog audit;
    /** The jobs this process has workers on (threads are this process's own; the work is in the database). */
    private final Set<Long> workedHere = ConcurrentHashMap.newKeySet();

    public QuarterlyRun(JobRepository jobs, JobItemRepository items, JobStore store, Invoicing invoicing,
                        PdfArchive pdfs, TransactionOperations<Connection> transactions,
                        @Named(TaskExecutors.BLOCKING) ExecutorService executor,
                        @Value("${familycentre.run.workers:2}") int workers,
                        @Value("${familycentre.run.lease:30s}") Duration lease, AuditLog audit) {
        this.audit = audit;
        this.jobs = jobs;
        this.items = items;
        this.store = store;
        this.invoicing = invoicing;
        this.pdfs = pdfs;
        this.transactions = transactions;
        this.executor = executor;
        this.workers = Math.max(1, workers);
        this.lease = lease;
    }

    /** Starts a run of every centre for the period, or answers the one running for it. */
    public Started start(Period period) {
        return start(period, null, null, null);
    }

    /**
     * Starts a run for the period, or answers the one running for it (taking it over if its instance
     * stopped). A run for part of the centres (a principal's scope) runs under its own key, so runs of
     * different scopes do not wait for each other; a centre in both is issued by whichever comes
     * first (the other skips it: its days are claimed).
     *
     * @param centres   the centres to issue, or null for all
     * @param scope     what names that set of centres in the running key (null for all)
     * @param startedBy the principal, whom the audit names for every statement the run issues
     */
    public Started start(Period period, Set<Long> centres, String scope, String startedBy) {
        String key = JobRow.runningKey(KIND, period.from(), period.to()) + (scope == null ? "" : " " + scope);
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<JobRow> running = jobs.findByRunningKey(key);
            if (running.isPresent()) {
                if (store.abandoned(lease).stream().anyMatch(j -> j.id().equals(running.get().id()))) {
                    work(running.get().id());
                }
                return new Started(running.get(), false);
            }
            try {
                JobRow job = store.create(KIND, period, key, centres, startedBy, scope);
                audit.record("RUN", "job", String.valueOf(job.id()), null, period.label()
                        + (scope == null ? " every centre" : " the centres of " + scope));
                work(job.id());
                return new Started(job, true);
            } catch (DataAccessException e) {
                if (!SqlStates.isUniqueViolation(e)) {
                    throw e;
                }
                // another request or instance created it a moment ago (and may have finished it already)
            }
        }
        throw new IllegalStateException("no run could be started or found for " + key);
    }

    /** Stores the PDFs a crash left missing, then resumes every running job: before requests are served. */
    @EventListener
    void resume(StartupEvent event) {
        int completed = pdfs.completeMissing();
        if (completed > 0) {
            LOG.info("Stored {} PDF(s) of statements issued before the service stopped", completed);
        }
        for (JobRow job : jobs.findByStatus(JobStatus.RUNNING)) {
            LOG.info("Resuming job {} ({} to {})", job.id(), job.periodFrom(), job.periodTo());
            work(job.id());
        }
    }

    /** Takes over the jobs whose instance stopped working them. */
    @Scheduled(fixedDelay = "${familycentre.run.sweep:15s}", initialDelay = "${familycentre.run.sweep:15s}")
    void sweep() {
        for (JobRow job : store.abandoned(lease)) {
            LOG.info("Taking over job {} ({} to {}): no heartbeat for {}", job.id(), job.periodFrom(), job.periodTo(),
                    lease);
            work(job.id());
        }
    }

    /** Puts this process's workers on the job, unless they are on it already. */
    private void work(long jobId) {
        if (!workedHere.add(jobId)) {
            return;
        }
        AtomicInteger left = new AtomicInteger(workers);
        for (int i = 0; i < workers; i++) {
            executor.submit(() -> {
                try {
                    run(jobId);
                } catch (RuntimeException e) {
                    LOG.error("A worker of job {} stopped; the job resumes after the lease or a restart", jobId, e);
                } finally {
                    if (left.decrementAndGet() == 0) {
                        workedHere.remove(jobId);
                    }
                }
            });
        }
    }

    /** Works the job's pending items until none is left to claim, then finishes it if no item is pending. */
    public void run(long jobId) {
        JobRow job = jobs.findById(jobId).orElseThrow();
        AuditLog.actingAs("run " + jobId + (job.startedBy() == null ? "" : " by " + job.startedBy()), () -> {
            workOn(job);
            return null;
        });
    }

    private void workOn(JobRow job) {
        long jobId = job.id();
        Period period = new Period(job.periodFrom(), job.periodTo());
        long beat = 0;
        while (next(jobId, period)) {
            if (System.nanoTime() - beat > HEARTBEAT.toNanos()) {
                store.heartbeat(jobId);
                beat = System.nanoTime();
            }
        }
        store.finish(jobId);
    }

    /** Claims one item and issues its centre, in one transaction; false when nothing is left to claim. */
    private boolean next(long jobId, Period period) {
        AtomicReference<JobStore.Claim> claimed = new AtomicReference<>();
        JobItemStatus status;
        String detail;
        try {
            List<StatementRow> issued = transactions.executeWrite(tx -> {
                Optional<JobStore.Claim> claim = store.claimNext(jobId);
                if (claim.isEmpty()) {
                    return null;
                }
                claimed.set(claim.get());
                List<StatementRow> rows = invoicing.issueWithin(claim.get().centreId(), period);
                store.settle(claim.get().itemId(), JobItemStatus.DONE, "issued: " + numbers(rows));
                return rows;
            });
            if (issued == null) {
                return false;
            }
            pdfs.storeAll(issued);
            return true;
        } catch (InvoicingRefusal.AlreadyIssued e) {
            // issued by a request or an earlier job: the period stands, which is what the run wants
            status = JobItemStatus.SKIPPED;
            detail = "already issued: " + String.join(", ", e.numbers());
        } catch (InvoicingRefusal e) {
            status = JobItemStatus.FAILED;
            detail = reason(e.getMessage(), e.errors());
        } catch (Refusal e) {
            status = JobItemStatus.FAILED;
            detail = reason(e.getMessage(), e.errors());
        } catch (RuntimeException e) {
            if (claimed.get() == null) {
                throw e;
            }
            LOG.error("Job {} failed on centre {}", jobId, claimed.get().centreId(), e);
            status = JobItemStatus.FAILED;
            detail = "unexpected error: " + e.getClass().getSimpleName();
        }
        // the issuing transaction rolled back: the item is written on its own (unless another worker did)
        store.settleAlone(claimed.get().itemId(), status, detail);
        return true;
    }

    private static String numbers(List<StatementRow> rows) {
        return String.join(", ", rows.stream().map(StatementRow::number).toList());
    }

    private static String reason(String detail, List<Violation> errors) {
        return detail + (errors.isEmpty() ? "" : ": " + String.join("; ",
                errors.stream().map(v -> v.field() + " " + v.reason()).toList()));
    }

    public List<JobItemRow> items(long jobId) {
        return items.findByJobIdOrderById(jobId);
    }
}
