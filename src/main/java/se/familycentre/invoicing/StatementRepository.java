package se.familycentre.invoicing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Issued statements: insert and read only; nothing here updates or deletes them. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StatementRepository extends GenericRepository<StatementRow, Long> {

    StatementRow save(StatementRow row);

    Optional<StatementRow> findById(Long id);

    List<StatementRow> findByCentreIdAndPeriodFromAndPeriodToOrderById(Long centreId, LocalDate periodFrom, LocalDate periodTo);

    List<StatementRow> findByCentreIdOrderById(Long centreId);

    Optional<StatementRow> findByCreditsId(Long creditsId);

    List<StatementRow> findByCreditsIdIsNotNull();

    List<StatementRow> findAllOrderById();
}
