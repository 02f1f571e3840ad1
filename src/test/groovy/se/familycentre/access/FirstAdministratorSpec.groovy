package se.familycentre.access

import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import io.micronaut.context.ApplicationContext
import org.slf4j.LoggerFactory
import spock.lang.Specification

/**
 * The first start with no users and no FAMILYCENTRE_ADMIN_PASSWORD: the administrator gets a
 * generated password, written to the log once, that works once and must then be changed.
 */
class FirstAdministratorSpec extends Specification {

    def "a generated first password is logged once, signs in, and must be changed"() {
        given:
        Logger logger = (Logger) LoggerFactory.getLogger(Accounts)
        ListAppender<ILoggingEvent> log = new ListAppender<>()
        log.start()
        logger.addAppender(log)
        String db = "jdbc:h2:mem:first-admin-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;" +
                'DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1'

        when:
        ApplicationContext ctx = ApplicationContext.run(['datasources.default.url': db,
                'familycentre.admin-password': '', 'micronaut.server.port': -1], 'test')
        Accounts accounts = ctx.getBean(Accounts)
        List<String> lines = log.list*.formattedMessage.findAll { it.contains("'admin'") }
        String password = (lines[0] =~ /generated password (\S+)/)[0][1]

        then:
        lines.size() == 1
        log.list[0].level.toString() == 'WARN'
        password.length() == 20
        accounts.authenticate('admin', password, true).mustChangePassword()

        when: 'a second start on the same database creates nobody and logs no password'
        ctx.close()
        log.list.clear()
        ctx = ApplicationContext.run(['datasources.default.url': db, 'familycentre.admin-password': '',
                'micronaut.server.port': -1], 'test')

        then:
        ctx.getBean(Accounts).list().size() == 1
        log.list.every { !it.formattedMessage.contains(password) }

        cleanup:
        logger.detachAppender(log)
        ctx?.close()
    }
}
