package se.familycentre.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.familycentre.allocation.Violation;
import se.familycentre.centre.AuditLog;

/**
 * Users: who they are, their roles and entities, their passwords (as BCrypt hashes), sign-in with
 * a temporary lockout after repeated failures, and the first administrator.
 */
@Singleton
public class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    public static final String FIRST_ADMIN = "admin";

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final Passwords passwords;
    private final int maxFailures;
    private final Duration lockout;
    private final String adminPassword;

    public Accounts(JdbcOperations jdbc, TransactionOperations<Connection> transactions, AuditLog audit,
                    @Value("${familycentre.security.bcrypt-cost:12}") int cost,
                    @Value("${familycentre.security.max-failed-sign-ins:5}") int maxFailures,
                    @Value("${familycentre.security.lockout:15m}") Duration lockout,
                    @Value("${familycentre.admin-password:}") String adminPassword) {
        this.sql = new Sql(jdbc);
        this.transactions = transactions;
        this.audit = audit;
        this.passwords = new Passwords(cost);
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.adminPassword = adminPassword;
    }

    // ---- reading -------------------------------------------------------------------------------

    public List<Account> list() {
        return read(() -> sql.list(SELECT + " ORDER BY u.username", this::row));
    }

    public Optional<Account> byId(long id) {
        return read(() -> sql.list(SELECT + " WHERE u.id = ?", this::row, id).stream().findFirst());
    }

    public Optional<Account> byUsername(String username) {
        return read(() -> sql.list(SELECT + " WHERE u.username = ?", this::row, username).stream().findFirst());
    }

    private static final String SELECT = "SELECT u.id, u.username, u.display_name, u.roles, u.disabled, "
            + "u.must_change_password, u.last_sign_in_at, u.session_epoch, u.created_at, u.locked_until, "
            + "(SELECT STRING_AGG(CAST(e.id AS VARCHAR) || '=' || e.organisation_number, ',') "
            + "FROM app_user_entity ue JOIN legal_entity e ON e.id = ue.entity_id WHERE ue.user_id = u.id) AS entities "
            + "FROM app_user u";

    private Account row(ResultSet rs) throws SQLException {
        Sql.Entities entities = Sql.entities(rs.getString("entities"));
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                roles(rs.getString("roles")), entities.organisationNumbers(), entities.ids(), rs.getBoolean("disabled"),
                rs.getBoolean("must_change_password"), Sql.time(rs, "last_sign_in_at"), rs.getInt("session_epoch"),
                Sql.time(rs, "created_at"), Sql.time(rs, "locked_until"));
    }

    static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(String::trim).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }

    static String rolesText(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    // ---- signing in ----------------------------------------------------------------------------

    /**
     * Checks a username and password. A wrong password counts as a failure; the
     * {@code max-failed-sign-ins}th in a row locks the account for {@code lockout}. Unknown users,
     * wrong passwords and disabled users get the same refusal; a locked account says until when.
     *
     * @param interactive a sign-in (recorded in the audit and as the last sign-in), not a script's
     *                    HTTP Basic request (recorded only when it fails)
     */
    public Account authenticate(String username, String password, boolean interactive) {
        String name = username == null ? "" : username.trim();
        Optional<Stored> found = read(() -> sql.list("SELECT id, password_hash, disabled, failed_sign_ins, "
                + "locked_until FROM app_user WHERE username = ?", rs -> new Stored(rs.getLong(1), rs.getString(2),
                rs.getBoolean(3), rs.getInt(4), Sql.time(rs, "locked_until")), name).stream().findFirst());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (found.isEmpty()) {
            passwords.checkDecoy(password == null ? "" : password);
            failed(name, "unknown user");
            throw new AccessRefusal.BadCredentials();
        }
        Stored user = found.get();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            failed(name, "locked until " + user.lockedUntil());
            throw new AccessRefusal.LockedOut(user.lockedUntil().toInstant());
        }
        if (password == null || !Passwords.matches(password, user.hash())) {
            int failures = user.failures() + 1;
            boolean lock = failures >= maxFailures;
            OffsetDateTime until = now.plus(lockout);
            write(() -> sql.update("UPDATE app_user SET failed_sign_ins = ?, locked_until = ? WHERE id = ?",
                    lock ? 0 : failures, lock ? until : null, user.id()));
            failed(name, lock ? "wrong password; locked until " + until : "wrong password (" + failures + " in a row)");
            throw new AccessRefusal.BadCredentials();
        }
        if (user.disabled()) {
            failed(name, "disabled");
            throw new AccessRefusal.BadCredentials();
        }
        if (interactive) {
            write(() -> sql.update("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = ? "
                    + "WHERE id = ?", now, user.id()));
            write(() -> {
                audit.recordAs(name, "SIGN_IN", "user", String.valueOf(user.id()), null, null);
                return null;
            });
        } else if (user.failures() > 0 || user.lockedUntil() != null) {
            write(() -> sql.update("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?",
                    user.id()));
        }
        return byId(user.id()).orElseThrow(AccessRefusal.BadCredentials::new);
    }

    private record Stored(long id, String hash, boolean disabled, int failures, OffsetDateTime lockedUntil) {
    }

    private void failed(String username, String why) {
        write(() -> {
            audit.recordAs(username.isEmpty() ? "(no username)" : username, "SIGN_IN_FAILED", "user", username,
                    null, why);
            return null;
        });
    }

    /** Lifts a lockout after wrong passwords before it runs out: the user may sign in again at once. */
    public void unlock(long userId) {
        write(() -> {
            if (sql.update("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = ? "
                    + "AND locked_until IS NOT NULL", userId) > 0) {
                audit.record("UNLOCK", "user", String.valueOf(userId), null, null);
            }
            return null;
        });
    }

    /** Ends every session of the user: cookies signed before now no longer count. */
    public void signOut(long userId) {
        write(() -> {
            sql.update("UPDATE app_user SET session_epoch = session_epoch + 1 WHERE id = ?", userId);
            audit.record("SIGN_OUT", "user", String.valueOf(userId), null, null);
            return null;
        });
    }

    /** The user changes their own password, proving the current one; every other session ends. */
    public Account changePassword(long userId, String current, String replacement) {
        Account account = byId(userId).orElseThrow(() -> new AccessRefusal.NotFound("user " + userId));
        String hash = read(() -> sql.list("SELECT password_hash FROM app_user WHERE id = ?", rs -> rs.getString(1),
                userId).get(0));
        List<Violation> errors = new ArrayList<>(Passwords.check("newPassword", replacement));
        if (current == null || !Passwords.matches(current, hash)) {
            errors.add(0, new Violation("currentPassword", "is not the current password"));
        } else if (replacement != null && replacement.equals(current)) {
            errors.add(new Violation("newPassword", "must differ from the current password"));
        }
        if (!errors.isEmpty()) {
            throw new AccessRefusal.Invalid("the password cannot be changed", errors);
        }
        write(() -> {
            sql.update("UPDATE app_user SET password_hash = ?, must_change_password = FALSE, "
                    + "session_epoch = session_epoch + 1, version = version + 1 WHERE id = ?",
                    passwords.hash(replacement), userId);
            audit.record("PASSWORD", "user", String.valueOf(userId), null, account.username() + " changed the password");
            return null;
        });
        return byId(userId).orElseThrow();
    }

    // ---- administration ------------------------------------------------------------------------

    /** What an administrator sets on a user; null leaves a value as it is (on update). */
    public record Changes(String username, String displayName, String password, Set<Role> roles,
                          Set<String> entities, Boolean disabled, Boolean mustChangePassword) {
    }

    public Account create(Changes c) {
        List<Violation> errors = new ArrayList<>();
        if (c.username() == null || !c.username().matches("[A-Za-z0-9._@-]{2,100}")) {
            errors.add(new Violation("username", "is required: 2–100 letters a–z, digits or . _ @ -"));
        }
        if (c.displayName() == null || c.displayName().isBlank()) {
            errors.add(new Violation("displayName", "is required"));
        }
        errors.addAll(Passwords.check("password", c.password()));
        checkRoles(c.roles(), true, errors);
        Map<String, Long> entities = entityIds(c.entities(), errors);
        if (!errors.isEmpty()) {
            throw new AccessRefusal.Invalid("the user cannot be created", errors);
        }
        long id = write(() -> {
            if (!sql.list("SELECT 1 FROM app_user WHERE username = ?", rs -> 1, c.username()).isEmpty()) {
                throw new AccessRefusal.Invalid("the user cannot be created",
                        List.of(new Violation("username", "is taken")));
            }
            long created = sql.insert("INSERT INTO app_user (username, display_name, password_hash, roles, disabled, "
                            + "must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", c.username(),
                    c.displayName().trim(), passwords.hash(c.password()), rolesText(c.roles()),
                    Boolean.TRUE.equals(c.disabled()), !Boolean.FALSE.equals(c.mustChangePassword()),
                    OffsetDateTime.now(ZoneOffset.UTC));
            link(created, entities.values());
            audit.record("CREATE", "user", String.valueOf(created), null, c.username() + " " + rolesText(c.roles())
                    + " " + String.join(",", entities.keySet()));
            return created;
        });
        return byId(id).orElseThrow();
    }

    public Account update(long id, Changes c) {
        Account current = byId(id).orElseThrow(() -> new AccessRefusal.NotFound("user " + id));
        List<Violation> errors = new ArrayList<>();
        if (c.displayName() != null && c.displayName().isBlank()) {
            errors.add(new Violation("displayName", "must not be blank"));
        }
        if (c.password() != null) {
            errors.addAll(Passwords.check("password", c.password()));
        }
        if (c.roles() != null) {
            checkRoles(c.roles(), true, errors);
        }
        Map<String, Long> entities = c.entities() == null ? null : entityIds(c.entities(), errors);
        if (!errors.isEmpty()) {
            throw new AccessRefusal.Invalid("the user cannot be changed", errors);
        }
        write(() -> {
            sql.update("UPDATE app_user SET display_name = ?, roles = ?, disabled = ?, must_change_password = ?, "
                            + "version = version + 1, session_epoch = session_epoch + ? WHERE id = ?",
                    c.displayName() == null ? current.displayName() : c.displayName().trim(),
                    rolesText(c.roles() == null ? current.roles() : c.roles()),
                    c.disabled() == null ? current.disabled() : c.disabled(),
                    c.mustChangePassword() == null ? (c.password() != null || current.mustChangePassword())
                            : c.mustChangePassword(),
                    c.password() != null || Boolean.TRUE.equals(c.disabled()) ? 1 : 0, id);
            if (c.password() != null) {
                sql.update("UPDATE app_user SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?",
                        passwords.hash(c.password()), id);
            }
            if (entities != null) {
                sql.update("DELETE FROM app_user_entity WHERE user_id = ?", id);
                link(id, entities.values());
            }
            audit.record("UPDATE", "user", String.valueOf(id), null, current.username()
                    + (c.roles() == null ? "" : " roles " + rolesText(c.roles()))
                    + (entities == null ? "" : " entities " + String.join(",", entities.keySet()))
                    + (c.disabled() == null ? "" : c.disabled() ? " disabled" : " enabled")
                    + (c.password() == null ? "" : " password reset"));
            return null;
        });
        return byId(id).orElseThrow();
    }

    private void link(long userId, Iterable<Long> entityIds) {
        for (Long entity : entityIds) {
            sql.update("INSERT INTO app_user_entity (user_id, entity_id) VALUES (?, ?)", userId, entity);
        }
    }

    static void checkRoles(Set<Role> roles, boolean required, List<Violation> errors) {
        if (roles == null || roles.isEmpty()) {
            if (required) {
                errors.add(new Violation("roles", "must name at least one of ADMIN, FINANCE, STEERING, SYSTEM"));
            }
        }
    }

    /** Organisation numbers to entity ids; an unknown number is a violation. */
    Map<String, Long> entityIds(Set<String> organisationNumbers, List<Violation> errors) {
        Map<String, Long> ids = new LinkedHashMap<>();
        if (organisationNumbers == null) {
            return ids;
        }
        read(() -> {
            for (String org : new TreeSet<>(organisationNumbers)) {
                List<Long> found = sql.list("SELECT id FROM legal_entity WHERE organisation_number = ?",
                        rs -> rs.getLong(1), org);
                if (found.isEmpty()) {
                    errors.add(new Violation("entities", "names " + org + ", which is not a registered legal entity"));
                } else {
                    ids.put(org, found.get(0));
                }
            }
            return null;
        });
        return ids;
    }

    /**
     * The first start with no users creates the administrator "admin": the password from
     * {@code FAMILYCENTRE_ADMIN_PASSWORD}, or a generated one written once to the log (to be changed
     * at the first sign-in). Several instances starting at once create one: the username is unique.
     */
    public void ensureAdministrator() {
        boolean none = read(() -> sql.list("SELECT 1 FROM app_user FETCH FIRST 1 ROWS ONLY", rs -> 1).isEmpty());
        if (!none) {
            return;
        }
        boolean given = adminPassword != null && !adminPassword.isEmpty();
        if (given && !Passwords.check("FAMILYCENTRE_ADMIN_PASSWORD", adminPassword).isEmpty()) {
            throw new IllegalStateException("FAMILYCENTRE_ADMIN_PASSWORD "
                    + Passwords.check("FAMILYCENTRE_ADMIN_PASSWORD", adminPassword).get(0).reason());
        }
        String password = given ? adminPassword : Passwords.generate();
        try {
            write(() -> {
                sql.insert("INSERT INTO app_user (username, display_name, password_hash, roles, must_change_password, "
                                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", FIRST_ADMIN, "Administratör",
                        passwords.hash(password), Role.ADMIN.name(), !given, OffsetDateTime.now(ZoneOffset.UTC));
                audit.recordAs(AuditLog.SYSTEM, "CREATE", "user", FIRST_ADMIN, null, "the first administrator");
                return null;
            });
        } catch (RuntimeException e) {
            if (read(() -> sql.list("SELECT 1 FROM app_user WHERE username = ?", rs -> 1, FIRST_ADMIN)).isEmpty()) {
                throw e;
            }
            return; // another instance created it first
        }
        if (given) {
            LOG.info("Created the administrator '{}' with the password from FAMILYCENTRE_ADMIN_PASSWORD", FIRST_ADMIN);
        } else {
            LOG.warn("Created the administrator '{}' with the generated password {} (shown this once; "
                    + "it must be changed at the first sign-in)", FIRST_ADMIN, password);
        }
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        return transactions.executeRead(status -> work.get());
    }

    private <T> T write(java.util.function.Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
