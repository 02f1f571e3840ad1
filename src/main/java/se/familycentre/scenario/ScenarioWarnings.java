package se.familycentre.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.Classification;
import se.familycentre.allocation.RoomType;
import se.familycentre.allocation.ServiceType;

/**
 * What a steering group should know about its plan before deciding, in Swedish (issue 11): a base
 * service that is not co-located and so stays outside the premises pool, the stretches where the
 * centre is only familjecentralsliknande or not covered by the agreement at all, missing rooms of
 * the minimum set, and a start before the agreement. A plan is warned, not refused (RULES §7). The
 * engine's own warnings of any other kind are passed on as it words them.
 */
public final class ScenarioWarnings {

    static final String NOT_CO_LOCATED = "NOT_CO_LOCATED";
    static final String FAMILY_CENTRE_LIKE = "FAMILY_CENTRE_LIKE";
    static final String NOT_COVERED = "NOT_COVERED";
    static final String MINIMUM_ROOMS_MISSING = "MINIMUM_ROOMS_MISSING";
    static final String BEFORE_AGREEMENT = "BEFORE_AGREEMENT";
    private static final Set<String> WORDED_HERE = Set.of(NOT_COVERED, MINIMUM_ROOMS_MISSING, BEFORE_AGREEMENT);

    private ScenarioWarnings() {
    }

    static List<Allocation.Warning> of(Scenario s, List<ScenarioRun.PeriodResult> years) {
        List<Allocation.Warning> out = new ArrayList<>();
        if (s.start().isBefore(Allocator.AGREEMENT_START)) {
            out.add(new Allocation.Warning(BEFORE_AGREEMENT, "Planen börjar " + s.start() + ", före " + Allocator.AGREEMENT_START
                    + " då samverkansavtalet trädde i kraft; den beräknas ändå med avtalets regler."));
        }
        for (Scenario.PlannedService p : s.services()) {
            if (!p.coLocated() && p.type().isBase()) {
                out.add(new Allocation.Warning(NOT_CO_LOCATED, capitalised(name(p)) + " är inte samlokaliserad: utanför "
                        + "lokalpoolen. Den delar samordnarens kostnad och de gemensamma aktiviteterna, inte lokalerna."));
            }
        }
        for (Stretch st : stretches(years)) {
            if (st.classification == Classification.FAMILY_CENTRE_LIKE) {
                out.add(new Allocation.Warning(FAMILY_CENTRE_LIKE, "Från " + st.from + " till " + st.to + " är verksamheten "
                        + "familjecentralsliknande, inte en familjecentral: alla fyra grundverksamheter är inte med "
                        + "och samlokaliserade (avtalet §8.3)."));
            } else if (st.classification == Classification.NOT_COVERED) {
                out.add(new Allocation.Warning(NOT_COVERED, "Från " + st.from + " till " + st.to + " omfattas verksamheten "
                        + "inte av samverkansavtalet: den är varken familjecentral eller familjecentralsliknande "
                        + "(avtalet §8.2–8.4). Kostnaderna beräknas ändå."));
            }
        }
        Set<RoomType> missing = EnumSet.copyOf(RoomType.MINIMUM_SET);
        s.sharedRooms().forEach(r -> missing.remove(r.type()));
        if (!missing.isEmpty()) {
            out.add(new Allocation.Warning(MINIMUM_ROOMS_MISSING, "De gemensamma lokalerna saknar "
                    + missing.stream().map(ScenarioWarnings::room).collect(Collectors.joining(", "))
                    + "; avtalet (§14.1) förutsätter minst personaltoalett, besökstoalett, konferensrum och personalrum."));
        }
        LinkedHashSet<Allocation.Warning> engine = new LinkedHashSet<>();
        years.forEach(y -> y.allocation().warnings().stream().filter(w -> !WORDED_HERE.contains(w.code()))
                .forEach(engine::add));
        out.addAll(engine);
        return List.copyOf(out);
    }

    private record Stretch(LocalDate from, LocalDate to, Classification classification) {
    }

    /** The years' classified stretches, a stretch running on into the next year joined with it. */
    private static List<Stretch> stretches(List<ScenarioRun.PeriodResult> years) {
        List<Stretch> out = new ArrayList<>();
        for (ScenarioRun.PeriodResult y : years) {
            for (Allocation.ClassifiedStretch c : y.allocation().classification()) {
                Stretch last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && last.classification == c.classification() && last.to.plusDays(1).equals(c.from())) {
                    out.set(out.size() - 1, new Stretch(last.from, c.to(), c.classification()));
                } else {
                    out.add(new Stretch(c.from(), c.to(), c.classification()));
                }
            }
        }
        return out;
    }

    /** The plan's name for a service, else its type in the definite form: "barnmorskemottagningen". */
    static String name(Scenario.PlannedService p) {
        if (p.name() != null && !p.name().isBlank()) {
            return p.name();
        }
        return definite(p.type());
    }

    static String definite(ServiceType type) {
        return switch (type) {
            case MIDWIFE_CLINIC -> "barnmorskemottagningen";
            case CHILD_HEALTH -> "barnavårdscentralen";
            case OPEN_PRESCHOOL -> "den öppna förskolan";
            case SOCIAL_SERVICES -> "den förebyggande socialtjänsten";
            case OTHER -> "den övriga aktören";
        };
    }

    /** A room of the minimum set as Swedish names it (the others by their code). */
    public static String room(RoomType type) {
        return switch (type) {
            case STAFF_TOILET -> "personaltoalett";
            case VISITOR_TOILET -> "besökstoalett";
            case CONFERENCE_ROOM -> "konferensrum";
            case STAFF_ROOM -> "personalrum";
            default -> type.name();
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
