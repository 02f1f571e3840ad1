package se.familycentre.invoicing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** PDFs of issued statements: insert and read only. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StatementPdfRepository extends GenericRepository<StatementPdfRow, Long> {

    StatementPdfRow save(StatementPdfRow row);

    /** Inserts the rows as one batch. */
    List<StatementPdfRow> saveAll(List<StatementPdfRow> rows);

    Optional<StatementPdfRow> findById(Long statementId);

    /** The hash alone, without reading the PDF. */
    Optional<String> findSha256ByStatementId(Long statementId);
}
