package se.familycentre.centre;

import java.util.List;

/**
 * The version an update or delete says it changes (optimistic locking). The
 * caller names one or more versions; {@code sent} is how it named them, for the
 * refusal. {@code any} is a caller that named no particular version
 * ({@code If-Match: *}): like one that names none, it is refused, since a
 * change must say which version it changes.
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

    /** Any version, as {@code sent} ({@code *}) says: refused as naming none. */
    public static ExpectedVersion anyVersion(String sent) {
        return new ExpectedVersion(List.of(), true, sent);
    }

    /** Refuses unless the current version is one of those named. */
    public void check(long current) {
        if (sent == null || any) {
            throw new Refusal.VersionRequired(current, sent);
        }
        if (!versions.contains(current)) {
            throw new Refusal.StaleVersion(sent, current);
        }
    }
}
