package se.familycentre.web.api;

import java.util.ArrayList;
import java.util.List;
import se.familycentre.centre.ExpectedVersion;

/** A row's version as an HTTP entity tag, and the {@code If-Match} header as the version an update expects. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * {@code If-Match} may be {@code *} or list several tags, weak or strong
     * (RFC 9110 §13.1.1): any one of them being current is enough. A tag that
     * is not one of ours never matches.
     */
    static ExpectedVersion ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return ExpectedVersion.NONE;
        }
        String sent = header.trim();
        if (sent.equals("*")) {
            return new ExpectedVersion(List.of(), true, sent);
        }
        List<Long> versions = new ArrayList<>();
        for (String tag : sent.split(",")) {
            String bare = tag.trim();
            bare = bare.startsWith("W/") ? bare.substring(2) : bare;
            bare = bare.replace("\"", "");
            if (bare.matches("\\d{1,18}")) {
                versions.add(Long.parseLong(bare));
            }
        }
        return new ExpectedVersion(versions, false, sent);
    }
}
