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
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * On the embedded H2 database, one thread uses the database at a time.
 *
 * <p>H2's MVStore writes each map (table, index, undo log) as one consistent snapshot, but not
 * all maps at once: while one session's commit writes the file, another session's half-done
 * transaction can be caught in some maps and not in others (h2database issue 2080). A {@code kill
 * -9} at that moment has, here, lost a job item the service had already answered as issued and
 * kept days marked issued without their statements. With one thread at a time, every commit is
 * written whole before the next session changes anything, and the crash specs hold.
 *
 * <p>The pool keeps its connections, and one thread may hold several (Flyway does, at start), so
 * nothing that needs a second connection waits for itself. A thread that waits longer than the
 * pool's own timeout gets the pool's error, so a mistake shows as a failed request, not a hang.
 * PostgreSQL needs none of this and gets none of it. A spec of the row-lock protocol that several
 * PostgreSQL instances rely on (concurrent issuers waiting for a number series) turns it off with
 * {@code familycentre.h2.one-session-at-a-time: false}, on a database that never crashes.
 */
@Singleton
@Requires(property = "datasources.default.url", pattern = "jdbc:h2:.*")
@Requires(property = "familycentre.h2.one-session-at-a-time", notEquals = "false")
public class H2OneSessionAtATime implements BeanCreatedEventListener<DataSource>, Ordered {

    private static final long WAIT_MILLIS = TimeUnit.SECONDS.toMillis(30);

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
                    if (!method.getName().equals("getConnection")) {
                        return invoke(target, method, args);
                    }
                    enter();
                    try {
                        return guarded((Connection) invoke(target, method, args));
                    } catch (Throwable t) {
                        leave();
                        throw t;
                    }
                });
    }

    private Connection guarded(Connection connection) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                    try {
                        return H2OneSessionAtATime.invoke(connection, method, args);
                    } finally {
                        if (!closed) {
                            closed = true;
                            leave();
                        }
                    }
                }
                return H2OneSessionAtATime.invoke(connection, method, args);
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
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
