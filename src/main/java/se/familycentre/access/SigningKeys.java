package se.familycentre.access;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * The secret that signs session cookies, kept in the database: the first instance makes it, every
 * instance (and every restart) uses the same, so a session survives both.
 */
@Singleton
public class SigningKeys {

    private static final String SESSION = "session";

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private volatile byte[] session;

    public SigningKeys(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.sql = new Sql(jdbc);
        this.transactions = transactions;
    }

    /** 512 random bits for HMAC-SHA-256, made on first use. */
    public byte[] session() {
        byte[] key = session;
        if (key == null) {
            byte[] fresh = new byte[64];
            new SecureRandom().nextBytes(fresh);
            String stored = transactions.executeWrite(status -> {
                sql.update("INSERT INTO signing_key (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        SESSION, Base64.getEncoder().encodeToString(fresh), OffsetDateTime.now(ZoneOffset.UTC));
                return sql.list("SELECT secret FROM signing_key WHERE name = ?", rs -> rs.getString(1), SESSION).get(0);
            });
            key = Base64.getDecoder().decode(stored);
            session = key;
        }
        return key;
    }
}
