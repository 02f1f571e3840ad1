package se.familycentre.centre;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.util.List;
import java.util.Optional;

/** Rows of {@link PoolRuleRow}; PostgreSQL dialect, which H2 runs in its PostgreSQL mode. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PoolRuleRepository extends PageableRepository<PoolRuleRow, Long> {

    List<PoolRuleRow> findByCentreIdOrderByPoolAscAndPositionAsc(Long centreId);

    void deleteByCentreId(Long centreId);
}
