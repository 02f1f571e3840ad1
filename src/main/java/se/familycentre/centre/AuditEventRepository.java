package se.familycentre.centre;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.util.List;
import java.util.Optional;

/** Rows of {@link AuditEventRow}; PostgreSQL dialect, which H2 runs in its PostgreSQL mode. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditEventRepository extends PageableRepository<AuditEventRow, Long> {

    io.micronaut.data.model.Page<AuditEventRow> findByCentreId(Long centreId, io.micronaut.data.model.Pageable pageable);

    /** The events of these centres (a principal's scope). */
    io.micronaut.data.model.Page<AuditEventRow> findByCentreIdIn(java.util.Collection<Long> centreIds,
                                                                 io.micronaut.data.model.Pageable pageable);

    /** What one principal did (the administrators' log page filters by it). */
    io.micronaut.data.model.Page<AuditEventRow> findByActor(String actor, io.micronaut.data.model.Pageable pageable);

    /** What was done to one kind of object (entity, user, token, …). */
    io.micronaut.data.model.Page<AuditEventRow> findByResourceType(String resourceType,
                                                                  io.micronaut.data.model.Pageable pageable);

    io.micronaut.data.model.Page<AuditEventRow> findByResourceTypeAndActor(String resourceType, String actor,
                                                                          io.micronaut.data.model.Pageable pageable);
}
