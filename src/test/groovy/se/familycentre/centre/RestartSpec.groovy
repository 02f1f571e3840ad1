package se.familycentre.centre

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import java.nio.file.Files
import se.familycentre.allocation.LegalEntity
import se.familycentre.format.CentreDocument
import spock.lang.Specification

/**
 * The file database survives a restart, and the fixtures are loaded on the
 * first start only: once, never over existing or deliberately deleted data.
 */
class RestartSpec extends Specification {

    def dir = Files.createTempDirectory('familycentre-restart')

    Map<String, Object> config() {
        ['datasources.default.url'                     : "jdbc:h2:file:${dir}/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH".toString(),
         'familycentre.fixtures.directory'             : 'fixtures',
         'familycentre.fixtures.load-on-empty-database': true,
         'micronaut.server.port'                       : -1]
    }

    EmbeddedServer start() {
        ApplicationContext.run(EmbeddedServer, config(), 'restart')
    }

    def cleanup() {
        dir.toFile().deleteDir()
    }

    def "the first start loads every fixture once, and a restart neither loses nor reloads them"() {
        given:
        def fixtureCount = new File('fixtures').listFiles().count { it.name.endsWith('.json') }

        when:
        def first = start()
        def firstCentres = first.applicationContext.getBean(CentreRepository).count()
        first.stop()
        def second = start()
        def store = second.applicationContext.getBean(CentreRepository)

        then:
        firstCentres == fixtureCount
        store.count() == fixtureCount
        second.applicationContext.getBean(FixtureLoader).loadIfEmpty() == 0

        cleanup:
        second?.stop()
    }

    def "data recorded before a restart is there after it"() {
        given:
        def first = start()
        def entities = first.applicationContext.getBean(EntityRegistry)
        def created = entities.create(new LegalEntity('202100-5489', 'Testkommunen'),
                new CentreDocument.EntityDetails('Box 1, 123 45 Teststad', 'KS-123', null))
        first.stop()

        when:
        def second = start()
        def again = second.applicationContext.getBean(EntityRegistry).get(created.id())

        then:
        again.name() == 'Testkommunen'
        again.invoiceReference() == 'KS-123'

        cleanup:
        second?.stop()
    }

    def "deleting every centre does not bring the fixtures back on the next start"() {
        given:
        def first = start()
        def repo = first.applicationContext.getBean(CentreRepository)
        def store = first.applicationContext.getBean(CentreStore)
        repo.findAll().each { store.deleteCentre(it.id(), ExpectedVersion.of(it.version())) }
        first.stop()

        when:
        def second = start()

        then:
        second.applicationContext.getBean(CentreRepository).count() == 0

        cleanup:
        second?.stop()
    }
}
