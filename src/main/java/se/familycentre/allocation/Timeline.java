package se.familycentre.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stretch of days cut wherever something changes (RULES §3 segments): the
 * cuts are the first days of new stretches, and the walk gives the consecutive
 * stretches between them. Line accrual, the minimum-room check and the
 * classification all cut and walk the same way.
 */
final class Timeline {

    /** Consecutive days {@code from..to}, both inclusive: {@code days} of them. */
    record Stretch(LocalDate from, LocalDate to, long days) {
    }

    private final long start;
    private final long end;
    private long[] cuts = new long[8];
    private int size;

    Timeline(LocalDate start, LocalDate end) {
        this.start = start.toEpochDay();
        this.end = end.toEpochDay();
    }

    /** A new stretch begins on the day; days outside (start, end] change nothing and are ignored. */
    Timeline cut(LocalDate day) {
        if (day != null) {
            cut(day.toEpochDay());
        }
        return this;
    }

    /** A new stretch begins the day after {@code to} (the end of something that lasts {@code ..to}). */
    Timeline cutAfter(LocalDate to) {
        if (to != null) {
            cut(to.toEpochDay() + 1);
        }
        return this;
    }

    /** Something that exists {@code from..to} (either end open) begins and ends a stretch. */
    Timeline cutAround(LocalDate from, LocalDate to) {
        return cut(from).cutAfter(to);
    }

    /** The first day of every calendar month after the start's: accrual is by calendar month. */
    Timeline cutMonths() {
        LocalDate m = LocalDate.ofEpochDay(start).withDayOfMonth(1).plusMonths(1);
        for (long day = m.toEpochDay(); day <= end; m = m.plusMonths(1), day = m.toEpochDay()) {
            cut(day);
        }
        return this;
    }

    private void cut(long day) {
        if (day > start && day <= end) {
            if (size == cuts.length) {
                cuts = Arrays.copyOf(cuts, size * 2);
            }
            cuts[size++] = day;
        }
    }

    /** The stretches from start to end, in order, split at every cut. */
    List<Stretch> stretches() {
        long[] sorted = Arrays.copyOf(cuts, size);
        Arrays.sort(sorted);
        List<Stretch> stretches = new ArrayList<>(size + 1);
        long from = start;
        for (long cut : sorted) {
            if (cut != from) {
                stretches.add(new Stretch(LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(cut - 1), cut - from));
                from = cut;
            }
        }
        stretches.add(new Stretch(LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(end), end - from + 1));
        return stretches;
    }
}
