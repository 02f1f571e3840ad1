package se.familycentre.centre;

import java.util.ArrayList;
import java.util.List;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.CostLine;
import se.familycentre.allocation.Violation;

/** The parts of a centre that name a service by its id: while any does, the service cannot be deleted. */
final class ServiceUses {

    private ServiceUses() {
    }

    static List<Violation> of(Centre c, String key) {
        List<Violation> uses = new ArrayList<>();
        for (int i = 0; i < c.coordinators().size(); i++) {
            if (key.equals(c.coordinators().get(i).employer())) {
                uses.add(new Violation("coordinators[" + i + "].employer", "names " + key));
            }
        }
        for (int i = 0; i < c.costLines().size(); i++) {
            CostLine l = c.costLines().get(i);
            if (key.equals(l.payer()) || key.equals(l.borneBy())) {
                uses.add(new Violation("costLines[" + i + "]" + (key.equals(l.payer()) ? ".payer" : ".borneBy"),
                        "names " + key));
            }
        }
        for (int i = 0; i < c.rooms().size(); i++) {
            if (key.equals(c.rooms().get(i).service())) {
                uses.add(new Violation("rooms[" + i + "].service", "names " + key));
            }
        }
        c.rules().forEach((pool, list) -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).percentages().containsKey(key)) {
                    uses.add(new Violation("rules." + pool + "[" + i + "].percentages." + key, "names " + key));
                }
            }
        });
        if (c.dedicatedRent() != null && key.equals(c.dedicatedRent().leaseHolder())) {
            uses.add(new Violation("dedicatedRent.leaseHolder", "names " + key));
        }
        return uses;
    }
}
