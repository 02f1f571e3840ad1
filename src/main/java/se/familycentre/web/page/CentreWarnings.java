package se.familycentre.web.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Allocator;
import se.familycentre.allocation.RoomType;
import se.familycentre.scenario.ScenarioWarnings;
import se.familycentre.statement.SwedishFormat;

/**
 * The engine's warnings about a centre's quarter in Swedish, for its page: the engine words them in
 * English for the API, with the codes and dates a page can word again. A warning of a kind this does
 * not know is shown as the engine words it.
 */
final class CentreWarnings {

    private static final Pattern SPAN = Pattern.compile("(?i)from (\\d{4}-\\d{2}-\\d{2}) to (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern ROOMS = Pattern.compile("lack ([A-Z_]+(?:, [A-Z_]+)*)");

    private CentreWarnings() {
    }

    static List<String> of(Allocation allocation) {
        List<String> out = new ArrayList<>();
        for (Allocation.Warning w : allocation.warnings()) {
            Matcher span = SPAN.matcher(w.message());
            boolean dated = span.find();
            String when = dated ? "Från " + span.group(1) + " till " + span.group(2) : null;
            switch (w.code()) {
                case "BEFORE_AGREEMENT" -> out.add("Perioden börjar före " + SwedishFormat.date(Allocator.AGREEMENT_START)
                        + ", då samverkansavtalet började gälla; den beräknas ändå med avtalets regler.");
                case "NOT_COVERED" -> out.add(dated
                        ? when + " omfattas centralen inte av samverkansavtalet; kostnaderna beräknas ändå."
                        : w.message());
                case "MINIMUM_ROOMS_MISSING" -> {
                    Matcher rooms = ROOMS.matcher(w.message());
                    out.add(dated && rooms.find()
                            ? when + " saknar de gemensamma lokalerna " + String.join(", ", Arrays.stream(
                                    rooms.group(1).split(", ")).map(RoomType::valueOf).map(ScenarioWarnings::room).toList())
                                    + "; avtalet (§14.1) förutsätter dem bland de gemensamma lokalerna."
                            : w.message());
                }
                default -> out.add(w.message());
            }
        }
        return out;
    }
}
