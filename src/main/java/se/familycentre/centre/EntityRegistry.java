package se.familycentre.centre;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Violation;
import se.familycentre.web.api.Problems;

/**
 * The legal entities. Their names, addresses and references are plain current
 * values: an issued statement keeps the copy it printed.
 */
@Singleton
@Transactional
public class EntityRegistry {

    private final LegalEntityRepository entities;
    private final ServiceRepository services;
    private final AuditLog audit;

    public EntityRegistry(LegalEntityRepository entities, ServiceRepository services, AuditLog audit) {
        this.entities = entities;
        this.services = services;
        this.audit = audit;
    }

    public Page<LegalEntityRow> list(Pageable pageable) {
        return entities.findAll(pageable);
    }

    public LegalEntityRow get(long id) {
        return entities.findById(id).orElseThrow(() -> Problems.notFound("legal entity " + id));
    }

    public LegalEntityRow create(LegalEntityRow entity) {
        String orgNo = OrganisationNumber.parse(entity.organisationNumber()).value();
        if (entities.findByOrganisationNumber(orgNo).isPresent()) {
            throw Problems.conflict("a legal entity with organisationsnummer " + orgNo + " is already registered",
                    List.of(new Violation("organisationNumber", "is already registered")));
        }
        LegalEntityRow row = entities.save(new LegalEntityRow(null, orgNo, entity.name(), entity.invoiceAddress(),
                entity.invoiceReference(), entity.paymentTermsDays(), null));
        audit.record("CREATE", "entity", String.valueOf(row.id()), null, orgNo + " " + row.name());
        return row;
    }

    public LegalEntityRow update(long id, LegalEntityRow entity, String ifMatch) {
        LegalEntityRow current = get(id);
        Versions.check(ifMatch, current.version());
        String orgNo = OrganisationNumber.parse(entity.organisationNumber()).value();
        if (!orgNo.equals(current.organisationNumber())) {
            throw se.familycentre.web.api.ProblemException.invalid(List.of(new Violation("organisationNumber",
                    "cannot change (" + current.organisationNumber() + "); register a new entity instead")));
        }
        LegalEntityRow row = entities.update(new LegalEntityRow(id, orgNo, entity.name(), entity.invoiceAddress(),
                entity.invoiceReference(), entity.paymentTermsDays(), current.version()));
        audit.record("UPDATE", "entity", String.valueOf(id), null, orgNo + " " + row.name());
        return row;
    }

    public void delete(long id, String ifMatch) {
        LegalEntityRow current = get(id);
        Versions.check(ifMatch, current.version());
        if (services.existsByEntityId(id)) {
            throw Problems.conflict("legal entity " + current.organisationNumber() + " runs services of a centre",
                    List.of(new Violation("id", "is in use by services; remove them first")));
        }
        entities.delete(current);
        audit.record("DELETE", "entity", String.valueOf(id), null, current.organisationNumber() + " " + current.name());
    }
}
