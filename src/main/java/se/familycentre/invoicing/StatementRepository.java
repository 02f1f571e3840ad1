package se.familycentre.invoicing;

import io.micronaut.data.annotation.Query;
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

    /** A centre's statements whose period overlaps from..to: periodFrom ≤ to and periodTo ≥ from. */
    List<StatementRow> findByCentreIdAndPeriodFromLessThanEqualsAndPeriodToGreaterThanEqualsOrderById(Long centreId,
            LocalDate to, LocalDate from);

    Optional<StatementRow> findByCreditsId(Long creditsId);

    List<StatementRow> findByCreditsIdIsNotNull();

    List<StatementRow> findAllOrderById();

    /** Issued statements whose PDF is not stored yet (the service stopped between the two). */
    @Query("SELECT s.* FROM statement s WHERE NOT EXISTS (SELECT 1 FROM statement_pdf p WHERE p.statement_id = s.id) "
            + "ORDER BY s.id")
    List<StatementRow> findWithoutPdf();
}
