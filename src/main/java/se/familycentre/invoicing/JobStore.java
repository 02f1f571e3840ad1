package se.familycentre.invoicing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import se.familycentre.allocation.Period;

/**
 * The quarterly run's rows: a job and one item per centre, created together in
 * one transaction; items claimed one at a time by whichever worker of whichever
 * instance asks ({@code FOR UPDATE SKIP LOCKED}, on H2 and PostgreSQL alike), and
 * settled in the transaction that issues them, so the counts are true at every
 * moment and a crash loses nothing but work not yet committed.
 */
@Singleton
public class JobStore {

    /** A claimed item: the centre a worker now issues. */
    record Claim(long itemId, long centreId) {
    }

    /** How many pending items a worker looks at to find one no other worker holds (more than there are workers). */
    private static final int CANDIDATES = 16;

    private final JdbcOperations jdbc;
    private final JobRepository jobs;

    public JobStore(JdbcOperations jdbc, JobRepository jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    /**
     * A running job for the period with an item for every centre, or a unique-key violation when one
     * runs already (the caller then takes that one).
     */
    @Transactional
    public JobRow create(String kind, Period period) {
        return create(kind, period, JobRow.runningKey(kind, period.from(), period.to()), null, null, null);
    }

    /**
     * A running job under the running key with an item for each of the centres (every centre when
     * null), or a unique-key violation when a job runs under that key already.
     *
     * @param startedBy the principal, as the audit names it (null: the service itself)
     * @param scope     the scope the centres were chosen by (null: all centres)
     */
    @Transactional
    public JobRow create(String kind, Period period, String runningKey, Set<Long> centres, String startedBy,
                         String scope) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        JobRow job = jobs.save(new JobRow(null, kind, period.from(), period.to(), JobStatus.RUNNING, now, null,
                runningKey, now, null, startedBy, scope));
        List<Long> ids = centres == null ? null : centres.stream().sorted().toList();
        if (ids != null && ids.isEmpty()) {
            return job;
        }
        String only = ids == null ? "" : " WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        jdbc.prepareStatement("INSERT INTO job_item (job_id, centre_id, status, version) "
                + "SELECT ?, id, 'PENDING', 0 FROM centre" + only + " ORDER BY id", ps -> {
                    ps.setLong(1, job.id());
                    if (ids != null) {
                        for (int i = 0; i < ids.size(); i++) {
                            ps.setLong(i + 2, ids.get(i));
                        }
                    }
                    return ps.executeUpdate();
                });
        return job;
    }

    /**
     * The next pending item no other worker holds, locked until the caller's transaction ends; empty
     * when every pending item is held by another worker or none is left. The candidates are read
     * first and each is then locked on its own with {@code SKIP LOCKED}: a {@code LIMIT 1} together
     * with {@code SKIP LOCKED} may be applied before the skipping (H2 does), which would leave a
     * worker with nothing while items wait.
     */
    Optional<Claim> claimNext(long jobId) {
        List<long[]> candidates = jdbc.prepareStatement("SELECT id, centre_id FROM job_item "
                + "WHERE job_id = ? AND status = 'PENDING' ORDER BY id LIMIT " + CANDIDATES, ps -> {
                    ps.setLong(1, jobId);
                    List<long[]> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new long[] {rs.getLong(1), rs.getLong(2)});
                        }
                    }
                    return found;
                });
        for (long[] candidate : candidates) {
            boolean locked = jdbc.prepareStatement("SELECT id FROM job_item WHERE id = ? AND status = 'PENDING' "
                    + "FOR UPDATE SKIP LOCKED", ps -> {
                        ps.setLong(1, candidate[0]);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    });
            if (locked) {
                return Optional.of(new Claim(candidate[0], candidate[1]));
            }
        }
        return Optional.empty();
    }

    /** Writes what became of a pending item; false if it was settled already. */
    boolean settle(long itemId, JobItemStatus status, String detail) {
        String text = detail.length() > 4000 ? detail.substring(0, 3997) + "..." : detail;
        return jdbc.prepareStatement("UPDATE job_item SET status = ?, detail = ?, version = version + 1 "
                + "WHERE id = ? AND status = 'PENDING'", ps -> {
                    ps.setString(1, status.name());
                    ps.setString(2, text);
                    ps.setLong(3, itemId);
                    return ps.executeUpdate();
                }) == 1;
    }

    /** Settles an item in a transaction of its own: after the issuing transaction refused and rolled back. */
    @Transactional
    public boolean settleAlone(long itemId, JobItemStatus status, String detail) {
        return settle(itemId, status, detail);
    }

    /** Tells other instances the job is being worked. */
    @Transactional
    public void heartbeat(long jobId) {
        jdbc.prepareStatement("UPDATE job SET heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setLong(2, jobId);
            return ps.executeUpdate();
        });
    }

    /** Finishes the job once no item is pending; false while one is (or if it is finished already). */
    @Transactional
    public boolean finish(long jobId) {
        return jdbc.prepareStatement("UPDATE job SET status = 'FINISHED', running_key = NULL, finished_at = ?, "
                + "version = version + 1 WHERE id = ? AND status = 'RUNNING' "
                + "AND NOT EXISTS (SELECT 1 FROM job_item WHERE job_id = ? AND status = 'PENDING')", ps -> {
                    ps.setTimestamp(1, Timestamp.from(Instant.now()));
                    ps.setLong(2, jobId);
                    ps.setLong(3, jobId);
                    return ps.executeUpdate();
                }) == 1;
    }

    /** Running jobs whose workers have not been heard from for the lease: their instance has stopped. */
    @Transactional
    public List<JobRow> abandoned(Duration lease) {
        Instant cutoff = Instant.now().minus(lease);
        return jobs.findByStatus(JobStatus.RUNNING).stream()
                .filter(j -> j.heartbeatAt() == null || j.heartbeatAt().toInstant().isBefore(cutoff)).toList();
    }
}
