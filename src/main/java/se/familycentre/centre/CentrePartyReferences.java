package se.familycentre.centre;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.format.CentreProfile;

/** A centre's {@link CentreProfile.PartyReference}s: read and replaced whole, with the centre's profile. */
@Singleton
public class CentrePartyReferences {

    private final JdbcOperations jdbc;

    public CentrePartyReferences(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<CentreProfile.PartyReference> of(long centreId) {
        return jdbc.prepareStatement("SELECT organisation_number, buyer_reference, cost_centre "
                + "FROM centre_party_reference WHERE centre_id = ? ORDER BY position", ps -> {
                    ps.setLong(1, centreId);
                    List<CentreProfile.PartyReference> refs = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            refs.add(new CentreProfile.PartyReference(rs.getString(1), rs.getString(2),
                                    rs.getString(3)));
                        }
                    }
                    return refs;
                });
    }

    /** Replaces the centre's references (inside the caller's transaction). */
    void replace(long centreId, List<CentreProfile.PartyReference> refs) {
        jdbc.prepareStatement("DELETE FROM centre_party_reference WHERE centre_id = ?", ps -> {
            ps.setLong(1, centreId);
            return ps.executeUpdate();
        });
        for (int i = 0; i < refs.size(); i++) {
            CentreProfile.PartyReference r = refs.get(i);
            int position = i;
            jdbc.prepareStatement("INSERT INTO centre_party_reference (centre_id, organisation_number, position, "
                    + "buyer_reference, cost_centre) VALUES (?, ?, ?, ?, ?)", ps -> {
                        ps.setLong(1, centreId);
                        ps.setString(2, OrganisationNumber.normalise(r.organisationNumber()));
                        ps.setInt(3, position);
                        ps.setString(4, r.buyerReference());
                        ps.setString(5, r.costCentre());
                        return ps.executeUpdate();
                    });
        }
    }
}
