package se.familycentre.centre;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.familycentre.statement.EntityInvoicing;

/** The invoicing data of legal entities: a row per entity, read and replaced whole. */
@Singleton
public class EntityInvoicingStore {

    private final JdbcOperations jdbc;

    public EntityInvoicingStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The entity's data, or {@link EntityInvoicing#none()} when it has given none. */
    public EntityInvoicing of(long entityId) {
        return find(entityId).orElseGet(EntityInvoicing::none);
    }

    public Optional<EntityInvoicing> find(long entityId) {
        return jdbc.prepareStatement("SELECT bankgiro, plusgiro, iban, bic, vat_number, vat_treatment, vat_reason, "
                + "contact_name, contact_email, contact_phone, peppol_scheme, peppol_id, accounts "
                + "FROM entity_invoicing WHERE entity_id = ?", ps -> {
                    ps.setLong(1, entityId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new EntityInvoicing(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), EntityInvoicing.VatTreatment.valueOf(rs.getString(6)),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12), accounts(rs.getString(13))));
                    }
                });
    }

    /** Replaces the entity's data (inside the caller's transaction). */
    public void save(long entityId, EntityInvoicing i) {
        jdbc.prepareStatement("DELETE FROM entity_invoicing WHERE entity_id = ?", ps -> {
            ps.setLong(1, entityId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO entity_invoicing (entity_id, bankgiro, plusgiro, iban, bic, vat_number, "
                + "vat_treatment, vat_reason, contact_name, contact_email, contact_phone, peppol_scheme, peppol_id, "
                + "accounts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, entityId);
                    Object[] values = {i.bankgiro(), i.plusgiro(), i.iban(), i.bic(), i.vatNumber(),
                        i.vatTreatment().name(), i.vatReason(), i.contactName(), i.contactEmail(), i.contactPhone(),
                        i.peppolScheme(), i.peppolId(), i.accounts().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))};
                    for (int k = 0; k < values.length; k++) {
                        ps.setObject(k + 2, values[k]);
                    }
                    return ps.executeUpdate();
                });
    }

    private static Map<String, String> accounts(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                String[] p = pair.split("=", 2);
                m.put(p[0], p[1]);
            }
        }
        return m;
    }
}
