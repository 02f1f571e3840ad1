package se.familycentre.invoicing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface JobItemRepository extends CrudRepository<JobItemRow, Long> {

    List<JobItemRow> findByJobIdOrderById(Long jobId);

    long countByJobIdAndStatus(Long jobId, JobItemStatus status);
}
