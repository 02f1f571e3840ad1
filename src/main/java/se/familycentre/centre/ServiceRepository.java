package se.familycentre.centre;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.util.List;
import java.util.Optional;

/** Rows of {@link ServiceRow}; PostgreSQL dialect, which H2 runs in its PostgreSQL mode. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ServiceRepository extends PageableRepository<ServiceRow, Long> {

    List<ServiceRow> findByCentreIdOrderByPosition(Long centreId);

    Optional<ServiceRow> findByCentreIdAndServiceKey(Long centreId, String serviceKey);

    boolean existsByEntityId(Long entityId);
}
