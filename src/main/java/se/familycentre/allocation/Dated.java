package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The value in force on a day (RULES §3): amounts, rules, salaries, FTE and
 * on-cost percentages all change on dates, the first holding from the start
 * and each later one from its date. Every such lookup goes through here, so
 * "in force" means one thing everywhere.
 */
final class Dated {

    private Dated() {
    }

    /**
     * @param entries in date order (the validator refuses any other order)
     * @param from    an entry's first day; {@code null} means from the start
     * @return the last entry that has begun by {@code day}, or {@code null} if none has
     */
    static <E> E inForceOn(List<E> entries, Function<E, LocalDate> from, LocalDate day) {
        E current = null;
        for (E entry : entries) {
            LocalDate start = from.apply(entry);
            if (start != null && start.isAfter(day)) {
                break;
            }
            current = entry;
        }
        return current;
    }

    /** The changed value in force on the day, or {@code first} while no change has begun. */
    static <E, T> T inForceOn(T first, List<E> changes, Function<E, LocalDate> from, Function<E, T> value,
                              LocalDate day) {
        E change = inForceOn(changes, from, day);
        return change == null ? first : value.apply(change);
    }
}
