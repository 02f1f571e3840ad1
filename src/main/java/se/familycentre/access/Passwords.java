package se.familycentre.access;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import se.familycentre.allocation.Violation;

/**
 * BCrypt hashes and the rules a new password meets. Passwords are never logged or stored. The cost
 * is {@code familycentre.security.bcrypt-cost} (12 by default: about a quarter of a second per
 * check on two cores; the specs use 4).
 */
public final class Passwords {

    /** At least this many characters (NIST SP 800-63B asks for 8; a finance office's ledger deserves more). */
    public static final int MIN_LENGTH = 12;
    /** BCrypt reads 72 bytes at most; a longer password would be cut without a word. */
    public static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final int cost;
    /**
     * A hash of a fixed password, checked when the username is unknown, so an unknown user costs
     * the same time as a wrong password and the timing does not tell which usernames exist.
     */
    private final String decoy;

    Passwords(int cost) {
        this.cost = cost;
        this.decoy = hash(generate());
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Spends the time of one check, for a username that does not exist. */
    void checkDecoy(String password) {
        matches(password, decoy);
    }

    public static boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Why the password cannot be used, or nothing. */
    public static List<Violation> check(String field, String password) {
        if (password == null || password.isEmpty()) {
            return List.of(new Violation(field, "is required"));
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return List.of(new Violation(field, "must have at least " + MIN_LENGTH + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return List.of(new Violation(field, "must be at most " + MAX_BYTES + " bytes in UTF-8"));
        }
        return List.of();
    }

    /** A random password of 20 characters (about 116 bits), for the first administrator. */
    static String generate() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
