package se.familycentre.centre;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Violation;
import se.familycentre.format.CentreDocument.EntityDetails;
import se.familycentre.statement.EntityInvoicing;

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

    private final EntityInvoicingStore invoicingStore;

    public EntityRegistry(LegalEntityRepository entities, ServiceRepository services, AuditLog audit,
                          EntityInvoicingStore invoicingStore) {
        this.invoicingStore = invoicingStore;
        this.entities = entities;
        this.services = services;
        this.audit = audit;
    }

    public Page<LegalEntityRow> list(Pageable pageable) {
        return entities.findAll(pageable);
    }

    /** An entity by its id, or by its organisationsnummer (with or without the hyphen). */
    public LegalEntityRow get(String ref) {
        if (OrganisationNumber.problemWith(ref).isEmpty()) {
            return entities.findByOrganisationNumber(OrganisationNumber.normalise(ref))
                    .orElseThrow(() -> new Refusal.NotFound("legal entity " + ref));
        }
        if (ref.matches("\\d{1,18}")) {
            return get(Long.parseLong(ref));
        }
        throw new Refusal.NotFound("legal entity " + ref);
    }

    /** Replaces the entity's invoicing data alone. */
    public void updateInvoicing(long entityId, EntityInvoicing invoicing) {
        LegalEntityRow current = get(entityId);
        invoicingStore.save(entityId, invoicing);
        audit.record("UPDATE", "entity", String.valueOf(entityId), null, current.organisationNumber()
                + " invoicing data");
    }

    /** How the entity's statements are paid, taxed and posted. */
    public EntityInvoicing invoicingOf(long entityId) {
        return invoicingStore.of(entityId);
    }

    /** How a registered entity's statements are paid, taxed and posted, by its organisationsnummer. */
    public EntityInvoicing invoicingOf(String organisationNumber) {
        return entities.findByOrganisationNumber(OrganisationNumber.normalise(organisationNumber))
                .map(e -> invoicingStore.of(e.id())).orElseGet(EntityInvoicing::none);
    }

    public LegalEntityRow get(long id) {
        return entities.findById(id).orElseThrow(() -> new Refusal.NotFound("legal entity " + id));
    }

    public LegalEntityRow create(LegalEntity entity, EntityDetails details) {
        return create(entity, details, null);
    }

    /** Registers the entity with its invoicing data (none given: VAT outside scope, default accounts). */
    public LegalEntityRow create(LegalEntity entity, EntityDetails details, EntityInvoicing invoicing) {
        ColumnLimits.checkEntity(entity, details);
        String orgNo = OrganisationNumber.parse(entity.organisationNumber()).value();
        if (entities.findByOrganisationNumber(orgNo).isPresent()) {
            throw new Refusal.Conflict("a legal entity with organisationsnummer " + orgNo + " is already registered",
                    List.of(new Violation("organisationNumber", "is already registered")));
        }
        LegalEntityRow row = entities.save(new LegalEntityRow(null, orgNo, entity.name(), details.invoiceAddress(),
                details.invoiceReference(), details.paymentTerms(), null));
        if (invoicing != null) {
            invoicingStore.save(row.id(), invoicing);
        }
        audit.record("CREATE", "entity", String.valueOf(row.id()), null, orgNo + " " + row.name());
        return row;
    }

    public LegalEntityRow update(String ref, LegalEntity entity, EntityDetails details, ExpectedVersion expected) {
        return update(ref, entity, details, null, expected);
    }

    /**
     * Changes the entity; its invoicing data is replaced when given and kept when null (a client that
     * does not know it does not wipe it). A change of invoicing data raises the entity's version too.
     */
    public LegalEntityRow update(String ref, LegalEntity entity, EntityDetails details, EntityInvoicing invoicing,
                                 ExpectedVersion expected) {
        ColumnLimits.checkEntity(entity, details);
        LegalEntityRow current = get(ref);
        expected.check(current.version());
        String orgNo = OrganisationNumber.parse(entity.organisationNumber()).value();
        if (!orgNo.equals(current.organisationNumber())) {
            throw new Refusal.InvalidValue(List.of(new Violation("organisationNumber",
                    "cannot change (" + current.organisationNumber() + "); register a new entity instead")));
        }
        LegalEntityRow row = entities.update(new LegalEntityRow(current.id(), orgNo, entity.name(),
                details.invoiceAddress(), details.invoiceReference(), details.paymentTerms(), current.version()));
        if (invoicing != null) {
            invoicingStore.save(current.id(), invoicing);
        }
        audit.record("UPDATE", "entity", String.valueOf(current.id()), null, orgNo + " " + row.name());
        return row;
    }

    public void delete(String ref, ExpectedVersion expected) {
        LegalEntityRow current = get(ref);
        expected.check(current.version());
        if (services.existsByEntityId(current.id())) {
            throw new Refusal.Conflict("legal entity " + current.organisationNumber() + " runs services of a centre",
                    List.of(new Violation("id", "is in use by services; remove them first")));
        }
        try {
            entities.delete(current);
        } catch (io.micronaut.data.exceptions.DataAccessException e) {
            // a user or an API token acts for it (their links keep the entity)
            throw new Refusal.Conflict("legal entity " + current.organisationNumber() + " is in use",
                    List.of(new Violation("id", "is in use by users or API tokens; remove it from them first")));
        }
        audit.record("DELETE", "entity", String.valueOf(current.id()), null,
                current.organisationNumber() + " " + current.name());
    }
}
