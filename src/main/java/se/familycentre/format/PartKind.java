package se.familycentre.format;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The lists of a centre that are edited one part at a time, by the names their addresses and documents use. */
public enum PartKind {
    SERVICES("services", "service", "services"),
    ROOMS("rooms", "room", "rooms"),
    COORDINATORS("coordinators", "coordinator", "coordinators"),
    COST_LINES("cost-lines", "cost line", "costLines");

    private final String path;
    private final String singular;
    private final String listName;

    PartKind(String path, String singular, String listName) {
        this.path = path;
        this.singular = singular;
        this.listName = listName;
    }

    /** The name in an address: {@code /centres/7/cost-lines}. */
    public String path() {
        return path;
    }

    /** How a person names one of them: "cost line". */
    public String singular() {
        return singular;
    }

    /** The list's property in the centre document: {@code costLines}. */
    public String listName() {
        return listName;
    }

    public static Optional<PartKind> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    public static List<String> paths() {
        return Arrays.stream(values()).map(PartKind::path).toList();
    }
}
