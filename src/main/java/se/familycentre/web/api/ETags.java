package se.familycentre.web.api;

import java.util.ArrayList;
import java.util.List;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.ExpectedVersion;

/** A row's version as an HTTP entity tag, and the {@code If-Match} header as the version an update expects. */
final class ETags {

    private static final String HEADER = "If-Match";

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * {@code If-Match} (RFC 9110 §13.1.1): {@code *} or a list of entity tags,
     * any one of which being current is enough. It compares strongly (§8.8.3.2):
     * a weak tag ({@code W/"3"}) never matches, nor does a tag that is not one
     * of ours. {@code *} names no version, so it is taken as none
     * ({@link ExpectedVersion#check} answers that a version is required). Text
     * that is not an entity tag (unquoted, {@code 3}) is a malformed request.
     */
    static ExpectedVersion ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return ExpectedVersion.NONE;
        }
        String sent = header.trim();
        if (sent.equals("*")) {
            return ExpectedVersion.anyVersion(sent);
        }
        List<Long> versions = new ArrayList<>();
        int tags = 0;
        int i = 0;
        int n = sent.length();
        while (i < n) {
            char c = sent.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = sent.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= n || sent.charAt(open) != '"') {
                throw malformed(sent);
            }
            int close = open + 1;
            while (close < n && etagc(sent.charAt(close))) {
                close++;
            }
            if (close >= n || sent.charAt(close) != '"') {
                throw malformed(sent);
            }
            String opaque = sent.substring(open + 1, close);
            i = close + 1;
            while (i < n && (sent.charAt(i) == ' ' || sent.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && sent.charAt(i) != ',') {
                throw malformed(sent);
            }
            tags++;
            if (!weak && opaque.matches("\\d{1,18}")) {
                versions.add(Long.parseLong(opaque));
            }
        }
        if (tags == 0) {
            throw malformed(sent);
        }
        return new ExpectedVersion(versions, false, sent);
    }

    /** A character of an opaque tag: any visible character but the double quote, or obs-text. */
    private static boolean etagc(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || c >= 0x80;
    }

    private static ProblemException malformed(String sent) {
        return ProblemMapper.malformedRequest(List.of(new Violation(HEADER, "is not * or a list of entity tags: "
                + "send the ETag as the answer gave it, quotes included (If-Match: \"3\"); was " + sent)));
    }
}
