package se.familycentre.centre;

import java.util.List;

/**
 * The version an update or delete says it changes (optimistic locking). The
 * caller names one or more versions, or any version; {@code sent} is how it
 * named them, for the refusal.
 */
public record ExpectedVersion(List<Long> versions, boolean any, String sent) {

    /** No version named at all: every update and delete is refused until it names one. */
    public static final ExpectedVersion NONE = new ExpectedVersion(List.of(), false, null);

    public ExpectedVersion {
        versions = List.copyOf(versions);
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(List.of(version), false, String.valueOf(version));
    }

    /** Refuses unless the current version is one of those named. */
    public void check(long current) {
        if (sent == null) {
            throw new Refusal.VersionRequired(current);
        }
        if (!any && !versions.contains(current)) {
            throw new Refusal.StaleVersion(sent, current);
        }
    }
}
