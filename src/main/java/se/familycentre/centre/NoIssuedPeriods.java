package se.familycentre.centre;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.List;

/** Before invoicing exists nothing is issued; invoicing replaces this bean. */
@Singleton
@Secondary
public class NoIssuedPeriods implements IssuedPeriods {

    @Override
    public List<IssuedPeriod> issuedFor(long centreId) {
        return List.of();
    }
}
