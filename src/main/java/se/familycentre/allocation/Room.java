package se.familycentre.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A room of the centre: shared ({@code service == null}) or dedicated to one service, existing {@code from..to}. */
public record Room(String id, RoomType type, BigDecimal area, String service, LocalDate from, LocalDate to) {

    public boolean isShared() {
        return service == null;
    }

    public boolean existsOn(LocalDate day) {
        return Dates.within(day, from, to);
    }
}
