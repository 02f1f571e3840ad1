package se.familycentre.access;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.AuditLog;

/**
 * API tokens for systems: 256 random bits, shown once, stored as their SHA-256 (a lookup needs a
 * deterministic hash; the value is random, so a slow hash adds nothing), with a visible prefix, an
 * expiry, revocation and the time of last use.
 */
@Singleton
public class ApiTokens {

    /** Every token starts so, which tells it from a JWT and lets secret scanners find it. */
    public static final String MARK = "fct_";
    private static final int PREFIX_LENGTH = MARK.length() + 8;
    private static final Duration LONGEST = Duration.ofDays(730);
    /** Last use is written at most this often per token, not on every request. */
    private static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final Accounts accounts;

    public ApiTokens(JdbcOperations jdbc, TransactionOperations<Connection> transactions, AuditLog audit,
                     Accounts accounts) {
        this.sql = new Sql(jdbc);
        this.transactions = transactions;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** What a new token is: for a user, or for itself as SYSTEM with entities; how long it lives. */
    public record Request(String name, Long userId, Set<String> entities, boolean mayIssue, Integer validDays) {
    }

    public ApiToken.Created create(Request r, String createdBy) {
        return create(r, createdBy, null);
    }

    /**
     * Creates a token from a page's form. The form's one-time key is kept with the token, so the same
     * form sent again (a reload, a second click, two at once) creates nothing more.
     *
     * @throws AccessRefusal.AlreadyCreated the form already created a token
     */
    public ApiToken.Created create(Request r, String createdBy, String formKey) {
        if (formKey != null) {
            Optional<ApiToken> before = byFormKey(formKey);
            if (before.isPresent()) {
                throw new AccessRefusal.AlreadyCreated(before.get());
            }
        }
        List<Violation> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
            errors.add(new Violation("name", "is required, at most 200 characters"));
        }
        int days = r.validDays() == null ? 365 : r.validDays();
        if (days < 1 || days > LONGEST.toDays()) {
            errors.add(new Violation("validDays", "must be 1–" + LONGEST.toDays()));
        }
        Map<String, Long> entities = Map.of();
        if (r.userId() != null) {
            if (accounts.byId(r.userId()).isEmpty()) {
                errors.add(new Violation("userId", "names no user"));
            }
            if (r.entities() != null && !r.entities().isEmpty()) {
                errors.add(new Violation("entities", "must be empty for a token that acts for a user"));
            }
        } else {
            if (r.entities() == null || r.entities().isEmpty()) {
                errors.add(new Violation("entities", "must name the legal entities a SYSTEM token acts for"));
            } else {
                entities = accounts.entityIds(r.entities(), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new AccessRefusal.Invalid("the token cannot be created", errors);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String prefix = secret.substring(0, PREFIX_LENGTH);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Long> linked = entities;
        long id;
        try {
            id = transactions.executeWrite(status -> insert(r, createdBy, formKey, secret, prefix, now, days, linked));
        } catch (RuntimeException e) {
            Optional<ApiToken> raced = formKey == null ? Optional.empty() : byFormKey(formKey);
            if (raced.isPresent()) {
                throw new AccessRefusal.AlreadyCreated(raced.get());
            }
            throw e;
        }
        return new ApiToken.Created(byId(id).orElseThrow(), secret);
    }

    private long insert(Request r, String createdBy, String formKey, String secret, String prefix, OffsetDateTime now,
                        int days, Map<String, Long> linked) {
        long created = sql.insert("INSERT INTO api_token (prefix, token_hash, name, user_id, may_issue, expires_at, "
                        + "created_by, created_at, form_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", prefix, sha256(secret),
                r.name().trim(), r.userId(), r.mayIssue(), now.plusDays(days), createdBy, now, formKey);
        for (Long entity : linked.values()) {
            sql.update("INSERT INTO api_token_entity (token_id, entity_id) VALUES (?, ?)", created, entity);
        }
        audit.record("TOKEN_CREATE", "token", String.valueOf(created), null, prefix + " " + r.name().trim()
                + (r.userId() == null ? " SYSTEM " + String.join(",", linked.keySet()) : " for user " + r.userId())
                + (r.mayIssue() ? " may issue" : ""));
        return created;
    }

    private Optional<ApiToken> byFormKey(String formKey) {
        return transactions.executeRead(status -> sql.list(SELECT + " WHERE t.form_key = ?", this::row, formKey).stream()
                .findFirst());
    }

    public void revoke(long id) {
        ApiToken token = byId(id).orElseThrow(() -> new AccessRefusal.NotFound("token " + id));
        if (token.revokedAt() != null) {
            return;
        }
        transactions.executeWrite(status -> {
            sql.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    OffsetDateTime.now(ZoneOffset.UTC), id);
            audit.record("TOKEN_REVOKE", "token", String.valueOf(id), null, token.prefix() + " " + token.name());
            return null;
        });
    }

    public List<ApiToken> list() {
        return transactions.executeRead(status -> sql.list(SELECT + " ORDER BY t.id", this::row));
    }

    public Optional<ApiToken> byId(long id) {
        return transactions.executeRead(status -> sql.list(SELECT + " WHERE t.id = ?", this::row, id).stream()
                .findFirst());
    }

    /**
     * The actor a presented token stands for; refused alike when unknown, expired, revoked, or
     * acting for a user who is disabled.
     */
    public Actor authenticate(String secret) {
        if (secret == null || !secret.startsWith(MARK) || secret.length() > 100) {
            throw new AccessRefusal.BadCredentials();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ApiToken token = transactions.executeRead(status -> sql.list(SELECT + " WHERE t.token_hash = ?", this::row,
                sha256(secret)).stream().findFirst()).orElseThrow(AccessRefusal.BadCredentials::new);
        if (token.revokedAt() != null || !token.expiresAt().isAfter(now)) {
            throw new AccessRefusal.BadCredentials();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USE_GRAIN))) {
            transactions.executeWrite(status -> sql.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", now,
                    token.id()));
        }
        String name = "token:" + token.prefix();
        if (token.userId() == null) {
            return new Actor(Actor.Kind.TOKEN, token.id(), name, Set.of(Role.SYSTEM), token.entityIds(),
                    token.mayIssue());
        }
        Account user = accounts.byId(token.userId()).orElseThrow(AccessRefusal.BadCredentials::new);
        if (user.disabled()) {
            throw new AccessRefusal.BadCredentials();
        }
        return new Actor(Actor.Kind.TOKEN, token.id(), name + " (" + user.username() + ")", user.roles(),
                user.entityIds(), token.mayIssue());
    }

    private static final String SELECT = "SELECT t.id, t.prefix, t.name, t.user_id, u.username, t.may_issue, "
            + "t.expires_at, t.revoked_at, t.last_used_at, t.created_by, t.created_at, "
            + "(SELECT STRING_AGG(CAST(e.id AS VARCHAR) || '=' || e.organisation_number, ',') "
            + "FROM api_token_entity te JOIN legal_entity e ON e.id = te.entity_id WHERE te.token_id = t.id) AS entities "
            + "FROM api_token t LEFT JOIN app_user u ON u.id = t.user_id";

    private ApiToken row(ResultSet rs) throws SQLException {
        Sql.Entities entities = Sql.entities(rs.getString("entities"));
        long userId = rs.getLong("user_id");
        Long user = rs.wasNull() ? null : userId;
        return new ApiToken(rs.getLong("id"), rs.getString("prefix"), rs.getString("name"),
                user, rs.getString("username"), entities.organisationNumbers(), entities.ids(),
                rs.getBoolean("may_issue"),
                Sql.time(rs, "expires_at"), Sql.time(rs, "revoked_at"), Sql.time(rs, "last_used_at"),
                rs.getString("created_by"), Sql.time(rs, "created_at"));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
