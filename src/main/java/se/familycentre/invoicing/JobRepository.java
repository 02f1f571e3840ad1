package se.familycentre.invoicing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JobRepository extends CrudRepository<JobRow, Long> {

    List<JobRow> findByStatus(JobStatus status);

    Optional<JobRow> findByRunningKey(String runningKey);
}
