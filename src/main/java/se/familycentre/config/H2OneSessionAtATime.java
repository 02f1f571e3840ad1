package se.familycentre.config;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * On the embedded H2 database, one thread writes at a time.
 *
 * <p>H2's MVStore writes each map (table, index, undo log) as one consistent snapshot, but not
 * all maps at once: while one session's commit writes the file, another session's half-done
 * changes can be caught in some maps and not in others (h2database issue 2080). A {@code kill -9}
 * at that moment has, here, lost a job item the service had already answered as issued and kept
 * days marked issued without their statements. So a connection takes a process-wide lock before
 * its first statement that changes anything (or locks rows: {@code FOR UPDATE}) and holds it until
 * its transaction ends; every commit is then written whole before another session changes
 * anything. Reading needs no lock (MVCC readers change no map), so pages and reports still use
 * both cores.
 *
 * <p>A thread that holds the lock may take it again on another connection (Flyway does, at start),
 * so nothing waits for itself. A thread that waits longer than the pool's own timeout gets an
 * error, so a mistake shows as a failed request, not a hang. PostgreSQL needs none of this and
 * gets none of it. A spec of the row-lock protocol that several PostgreSQL instances rely on
 * (concurrent issuers waiting for a number series) turns it off with
 * {@code familycentre.h2.one-session-at-a-time: false}, on a database that never crashes.
 */
@Singleton
@Requires(property = "datasources.default.url", pattern = "jdbc:h2:.*")
@Requires(property = "familycentre.h2.one-session-at-a-time", notEquals = "false")
public class H2OneSessionAtATime implements BeanCreatedEventListener<DataSource>, Ordered {

    private static final long WAIT_MILLIS = TimeUnit.SECONDS.toMillis(30);
    private static final Set<String> EXECUTES = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeQuery", "addBatch");

    private final Object monitor = new Object();
    private Thread owner;
    private int holds;

    /** First, so it wraps the pool itself; Micronaut's transaction-aware wrapper and Flyway come after. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource target = event.getBean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return method.getName().equals("getConnection") ? guarded((Connection) result) : result;
                });
    }

    /** Whether a statement may change the database (or lock rows): anything but a plain query. */
    static boolean writes(String sql) {
        String s = sql.stripLeading().toUpperCase(Locale.ROOT);
        boolean query = s.startsWith("SELECT") || s.startsWith("VALUES") || s.startsWith("SHOW")
                || s.startsWith("EXPLAIN") || (s.startsWith("WITH") && !s.matches("(?s).*\\b(INSERT|UPDATE|DELETE|MERGE)\\b.*"));
        return !query || s.contains(" FOR UPDATE") || s.contains(" FOR SHARE") || s.contains("NEXT VALUE FOR")
                || s.contains("NEXTVAL(");
    }

    private Connection guarded(Connection connection) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean holding;

            void hold() throws SQLException {
                if (!holding) {
                    enter();
                    holding = true;
                }
            }

            void release() {
                if (holding) {
                    holding = false;
                    leave();
                }
            }

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                String name = method.getName();
                boolean ends = (name.equals("commit") || name.equals("rollback") || name.equals("close"))
                        && method.getParameterCount() == 0
                        || name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]);
                if ((name.equals("prepareStatement") || name.equals("prepareCall")) && writes((String) args[0])) {
                    hold();
                }
                try {
                    Object result = H2OneSessionAtATime.invoke(connection, method, args);
                    if (name.equals("createStatement")) {
                        return statement((Statement) result, this::hold);
                    }
                    return result;
                } finally {
                    if (ends) {
                        release();
                    }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    /** A statement whose SQL comes with each execution: it takes the lock before one that writes. */
    private static Statement statement(Statement statement, SqlAction hold) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (EXECUTES.contains(method.getName()) && args != null && args.length > 0
                            && args[0] instanceof String sql && writes(sql)) {
                        hold.run();
                    }
                    return invoke(statement, method, args);
                });
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private void enter() throws SQLException {
        Thread me = Thread.currentThread();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        synchronized (monitor) {
            while (owner != null && owner != me) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new SQLTransientConnectionException("the embedded database was busy for "
                            + WAIT_MILLIS / 1000 + " s (held by " + owner.getName() + ")");
                }
                try {
                    monitor.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLTransientConnectionException("interrupted while waiting for the embedded database", e);
                }
            }
            owner = me;
            holds++;
        }
    }

    private void leave() {
        synchronized (monitor) {
            if (holds > 0 && --holds == 0) {
                owner = null;
                monitor.notifyAll();
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
