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
        String bare = sent.startsWith("W/") ? sent.substring(2) : sent;
        bare = bare.replace("\"", "");
        if (!bare.equals(String.valueOf(current))) {
            throw Problems.stale(sent, etag(current));
        }
    }
}
