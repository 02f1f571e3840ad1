package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The usufruct recharge of annex 2 (RULES §3): every service other than the
 * lease holder that has dedicated rooms bears a {@code YEAR} line of rent per m²
 * × its dedicated m², in {@code PREMISES}, paid by the lease holder, while it
 * takes part. The area changes as rooms come and go.
 */
final class DedicatedRentExpansion {

    private static final Field SOURCE = Field.root("dedicatedRent");

    private DedicatedRentExpansion() {
    }

    static String idFor(String serviceId) {
        return "dedicated-rent/" + serviceId;
    }

    static List<Charge> expand(Centre centre) {
        DedicatedRent rent = centre.dedicatedRent();
        List<Charge> lines = new ArrayList<>();
        if (rent == null) {
            return lines;
        }
        Fraction perSquareMetre = Sek.exact(rent.rentPerSquareMetreYear());
        for (Service service : centre.services()) {
            if (service.id().equals(rent.leaseHolder())) {
                continue;
            }
            List<Room> rooms = new ArrayList<>();
            for (Room room : centre.rooms()) {
                if (service.id().equals(room.service())) {
                    rooms.add(room);
                }
            }
            if (rooms.isEmpty()) {
                continue;
            }
            TreeSet<LocalDate> changes = new TreeSet<>();
            for (Room room : rooms) {
                if (room.from() != null) {
                    changes.add(room.from());
                }
                if (room.to() != null) {
                    changes.add(room.to().plusDays(1));
                }
            }
            List<Charge.Step> steps = new ArrayList<>();
            steps.add(new Charge.Step(null, perSquareMetre.multiply(areaAtStart(rooms))));
            for (LocalDate day : changes) {
                steps.add(new Charge.Step(day, perSquareMetre.multiply(areaOn(rooms, day))));
            }
            String name = "Rent of dedicated rooms, " + (service.name() == null ? service.id() : service.name());
            lines.add(new Charge(idFor(service.id()), name, LineOrigin.DEDICATED_RENT, SOURCE,
                    Pool.PREMISES, rent.leaseHolder(), Periodicity.YEAR, service.from(), service.to(), steps, null,
                    service.id()));
        }
        return lines;
    }

    /** The area before any dated room appears: the rooms without a start. */
    private static Fraction areaAtStart(List<Room> rooms) {
        BigDecimal area = BigDecimal.ZERO;
        for (Room room : rooms) {
            if (room.from() == null) {
                area = area.add(room.area());
            }
        }
        return Fraction.of(area);
    }

    static Fraction areaOn(List<Room> rooms, LocalDate day) {
        BigDecimal area = BigDecimal.ZERO;
        for (Room room : rooms) {
            if (room.existsOn(day)) {
                area = area.add(room.area());
            }
        }
        return Fraction.of(area);
    }
}
