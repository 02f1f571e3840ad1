package se.familycentre.centre;

import se.familycentre.web.api.Problems;

/** Optimistic locking over HTTP: the version is the ETag, and every update and delete sends it as If-Match. */
public final class Versions {

    private Versions() {
    }

    public static String etag(Long version) {
        return "\"" + version + "\"";
    }

    /** @throws se.familycentre.web.api.ProblemException 428 without If-Match, 412 when it is not the current version */
    public static void check(String ifMatch, Long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.versionRequired(etag(current));
        }
        String sent = ifMatch.trim();
        if (sent.equals("*")) {
            return;
        }
        // If-Match may list several ETags (RFC 9110 §13.1.1): any one of them being current is enough
        for (String tag : sent.split(",")) {
            String bare = tag.trim();
            bare = bare.startsWith("W/") ? bare.substring(2) : bare;
            bare = bare.replace("\"", "");
            if (bare.equals(String.valueOf(current))) {
                return;
            }
        }
        throw Problems.stale(sent, etag(current));
    }
}
