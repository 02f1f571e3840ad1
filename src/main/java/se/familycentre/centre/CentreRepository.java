package se.familycentre.centre;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Rows of {@link CentreRow}; PostgreSQL dialect, which H2 runs in its PostgreSQL mode. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CentreRepository extends PageableRepository<CentreRow, Long> {

    /** A page of the centres with these ids (a principal's scope). */
    Page<CentreRow> findByIdIn(Collection<Long> ids, Pageable pageable);

}
