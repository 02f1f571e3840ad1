package se.familycentre.centre

import io.micronaut.data.exceptions.DataAccessException
import io.micronaut.data.exceptions.OptimisticLockException
import io.micronaut.data.model.Pageable
import io.micronaut.data.model.Sort
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.util.concurrent.atomic.AtomicInteger
import se.familycentre.allocation.Allocator
import se.familycentre.allocation.AllocationOutcome
import se.familycentre.allocation.Period
import se.familycentre.format.CentreReader
import spock.lang.Specification

/**
 * The registry's rows on H2 (PostgreSQL mode, the Flyway schema): versions for
 * optimistic locking, the unique keys, children in their stored order, and the
 * derived deletes. Every feature runs in a transaction that is rolled back, so
 * the features do not see each other's rows.
 */
@MicronautTest(transactional = true, rollback = true)
class RegistryRepositorySpec extends Specification {

    @Inject LegalEntityRepository entities
    @Inject CentreRepository centres
    @Inject PoolRuleRepository rules
    @Inject ServiceRepository services
    @Inject RoomRepository rooms
    @Inject CoordinatorRepository coordinators
    @Inject CoordinatorChangeRepository coordinatorChanges
    @Inject CostLineRepository costLines
    @Inject CostLineChangeRepository costLineChanges
    @Inject AuditEventRepository auditEvents
    @Inject AppMarkerRepository markers
    @Inject CentreStore store
    @Inject CentreImport importer
    @Inject FixtureLoader fixtureLoader
    @Inject Allocator allocator

    static final AtomicInteger SEQUENCE = new AtomicInteger(0)

    /** The example centres in {@code fixtures/}, by file name. */
    static final List<String> FIXTURES = new File('fixtures').listFiles()*.name.findAll { it.endsWith('.json') }.sort()

    /** A valid organisationsnummer from a nine-digit prefix: the Luhn check digit of RULES §1. */
    static String luhn(String nine) {
        int sum = 0
        nine.eachWithIndex { String ch, int i ->
            int product = (ch as int) * (i % 2 == 0 ? 2 : 1)
            sum += product.intdiv(10) + product % 10
        }
        int check = (10 - sum % 10) % 10
        "${nine.substring(0, 6)}-${nine.substring(6)}${check}"
    }

    /** A fresh, valid organisationsnummer for this spec. */
    static String orgNo() {
        luhn(String.valueOf(556100000 + SEQUENCE.incrementAndGet()))
    }

    LegalEntityRow entity(String name = 'Testkommun') {
        entities.save(new LegalEntityRow(null, orgNo(), name, null, null, 30, null))
    }

    CentreRow centre(String name = 'Familjecentralen Test') {
        centres.save(new CentreRow(null, name, 'Borås', 'Västra Götaland', LocalDate.of(2020, 1, 1),
                null, null, null, null, null, null))
    }

    ServiceRow service(long centreId, int position, String key, long entityId, String type = 'OPEN_PRESCHOOL') {
        services.save(new ServiceRow(null, centreId, position, key, type, entityId, "Tjänst $key", null, null,
                true, null, null, null, null))
    }

    // ---- the Luhn helper itself -----------------------------------------------

    def "the test helper computes the check digits RULES §1 gives"() {
        expect:
        luhn('232100013') == '232100-0131'
        luhn('212000156') == '212000-1561'
        luhn('212000151') == '212000-1512'
    }

    // ---- legal entities -------------------------------------------------------

    def "a legal entity is saved with version 0, found by id and by organisationsnummer"() {
        given:
        String number = orgNo()

        when:
        LegalEntityRow saved = entities.save(new LegalEntityRow(null, number, 'Region Test', 'Box 1, 405 44 Göteborg',
                'REF-1', 45, null))

        then:
        saved.id() != null
        saved.version() == 0L

        and:
        with(entities.findById(saved.id()).orElseThrow()) {
            organisationNumber() == number
            name() == 'Region Test'
            invoiceAddress() == 'Box 1, 405 44 Göteborg'
            invoiceReference() == 'REF-1'
            paymentTermsDays() == 45
            version() == 0L
        }
        entities.findByOrganisationNumber(number).orElseThrow().id() == saved.id()
        entities.findByOrganisationNumber(orgNo()).isEmpty()
    }

    def "updating a legal entity with its current version increments the version"() {
        given:
        LegalEntityRow saved = entity('Gamla namnet')

        when:
        LegalEntityRow updated = entities.update(new LegalEntityRow(saved.id(), saved.organisationNumber(), 'Nya namnet',
                null, null, 30, saved.version()))

        then:
        updated.version() == 1L
        entities.findById(saved.id()).orElseThrow().name() == 'Nya namnet'
        entities.findById(saved.id()).orElseThrow().version() == 1L
    }

    def "a stale update of a legal entity throws and changes nothing"() {
        given:
        LegalEntityRow saved = entity('Första')
        entities.update(new LegalEntityRow(saved.id(), saved.organisationNumber(), 'Andra', null, null, 30, 0L))

        when: 'someone else still holds version 0'
        entities.update(new LegalEntityRow(saved.id(), saved.organisationNumber(), 'Tredje', null, null, 30, 0L))

        then:
        thrown(OptimisticLockException)
        with(entities.findById(saved.id()).orElseThrow()) {
            name() == 'Andra'
            version() == 1L
        }
    }

    def "an organisationsnummer is registered once only"() {
        given:
        LegalEntityRow first = entity('Första')
        long before = entities.count()

        when:
        entities.save(new LegalEntityRow(null, first.organisationNumber(), 'Dubblett', null, null, 30, null))

        then:
        thrown(DataAccessException)
        entities.count() == before
        entities.findByOrganisationNumber(first.organisationNumber()).orElseThrow().name() == 'Första'
    }

    def "entities are paged and sorted by name"() {
        given:
        ['Cecilia', 'Anna', 'Bertil', 'Doris'].each { entity(it) }

        when:
        def page = entities.findAll(Pageable.from(0, 3, Sort.of(Sort.Order.desc('name'))))

        then:
        page.totalSize == 4
        page.size == 3
        page.content*.name() == ['Doris', 'Cecilia', 'Bertil']
        entities.findAll(Pageable.from(1, 3, Sort.of(Sort.Order.desc('name')))).content*.name() == ['Anna']
    }

    // ---- centres ---------------------------------------------------------------

    def "a centre is saved, updated with its version, and a stale update throws"() {
        given:
        CentreRow saved = centre('Familjecentralen Ett')

        expect:
        saved.version() == 0L

        when:
        CentreRow updated = centres.update(new CentreRow(saved.id(), 'Familjecentralen Två', saved.municipality(),
                saved.region(), saved.establishedOn(), 'Avtal 2025', LocalDate.of(2025, 1, 1), null, null, null, 0L))

        then:
        updated.version() == 1L
        with(centres.findById(saved.id()).orElseThrow()) {
            name() == 'Familjecentralen Två'
            agreementReference() == 'Avtal 2025'
            version() == 1L
        }

        when:
        centres.update(new CentreRow(saved.id(), 'Familjecentralen Tre', null, null, null, null, null, null, null,
                null, 0L))

        then:
        thrown(OptimisticLockException)
        centres.findById(saved.id()).orElseThrow().name() == 'Familjecentralen Två'
    }

    def "the dedicated-room rent keeps its decimals"() {
        when:
        CentreRow saved = centres.save(new CentreRow(null, 'Med hyra', null, null, null, null, null, null, 'of',
                new BigDecimal('2150.25'), null))

        then:
        with(centres.findById(saved.id()).orElseThrow()) {
            rentLeaseHolder() == 'of'
            rentPerSquareMetre() == new BigDecimal('2150.25')
        }
    }

    // ---- services --------------------------------------------------------------

    def "services come back in the order of their position, whatever the order they were saved in"() {
        given:
        CentreRow c = centre()
        LegalEntityRow e = entity()
        service(c.id(), 2, 'soc', e.id(), 'SOCIAL_SERVICES')
        service(c.id(), 0, 'bmm', e.id(), 'MIDWIFE_CLINIC')
        service(c.id(), 3, 'of', e.id(), 'OPEN_PRESCHOOL')
        service(c.id(), 1, 'bvc', e.id(), 'CHILD_HEALTH')
        and: 'another centre has services too'
        CentreRow other = centre('Annan')
        service(other.id(), 0, 'zzz', e.id())

        expect:
        services.findByCentreIdOrderByPosition(c.id())*.serviceKey() == ['bmm', 'bvc', 'soc', 'of']
        services.findByCentreIdOrderByPosition(other.id())*.serviceKey() == ['zzz']
        services.findByCentreIdAndServiceKey(c.id(), 'soc').orElseThrow().type() == 'SOCIAL_SERVICES'
        services.findByCentreIdAndServiceKey(c.id(), 'zzz').isEmpty()
    }

    def "a service key is unique within its centre, not across centres"() {
        given:
        CentreRow c = centre()
        CentreRow other = centre('Annan')
        LegalEntityRow e = entity()
        service(c.id(), 0, 'of', e.id())

        when:
        service(other.id(), 0, 'of', e.id())

        then:
        notThrown(Exception)

        when:
        service(c.id(), 1, 'of', e.id())

        then:
        thrown(DataAccessException)
        services.findByCentreIdOrderByPosition(c.id()).size() == 1
    }

    def "a service must belong to a registered entity and a stored centre"() {
        given:
        CentreRow c = centre()

        when:
        service(c.id(), 0, 'of', Long.MAX_VALUE)

        then:
        thrown(DataAccessException)

        when:
        service(Long.MAX_VALUE, 0, 'of', entity().id())

        then:
        thrown(DataAccessException)
    }

    def "existsByEntityId tells whether an entity runs a service"() {
        given:
        CentreRow c = centre()
        LegalEntityRow used = entity('Används')
        LegalEntityRow unused = entity('Oanvänd')
        service(c.id(), 0, 'of', used.id())

        expect:
        services.existsByEntityId(used.id())
        !services.existsByEntityId(unused.id())
    }

    def "a service keeps its optional flags and pools, and a stale update throws"() {
        given:
        CentreRow c = centre()
        LegalEntityRow e = entity()
        ServiceRow saved = services.save(new ServiceRow(null, c.id(), 0, 'bib', 'OTHER', e.id(), 'Bibliotek',
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 12, 31), false, true, 'JOINT,PREMISES', 'KST 123', null))

        expect:
        with(services.findById(saved.id()).orElseThrow()) {
            !coLocated()
            sharesPremises()
            pools() == 'JOINT,PREMISES'
            costReference() == 'KST 123'
            validFrom() == LocalDate.of(2025, 2, 1)
            validTo() == LocalDate.of(2025, 12, 31)
            version() == 0L
        }

        when:
        ServiceRow updated = services.update(new ServiceRow(saved.id(), c.id(), 0, 'bib', 'OTHER', e.id(), 'Bibliotek',
                null, null, true, null, 'JOINT', null, 0L))

        then:
        updated.version() == 1L
        with(services.findById(saved.id()).orElseThrow()) {
            coLocated()
            sharesPremises() == null
            pools() == 'JOINT'
        }

        when:
        services.update(new ServiceRow(saved.id(), c.id(), 0, 'bib', 'OTHER', e.id(), 'Stale', null, null, true,
                null, null, null, 0L))

        then:
        thrown(OptimisticLockException)
        services.findById(saved.id()).orElseThrow().name() == 'Bibliotek'
    }

    // ---- rooms -----------------------------------------------------------------

    def "rooms come back by position, keep two decimals of area, and a stale update throws"() {
        given:
        CentreRow c = centre()
        rooms.save(new RoomRow(null, c.id(), 1, 'konferens', 'CONFERENCE_ROOM', null, new BigDecimal('18'), null, null, null, null))
        RoomRow wc = rooms.save(new RoomRow(null, c.id(), 0, 'wc', 'STAFF_TOILET', null, new BigDecimal('3.85'), null, null, null, null))
        rooms.save(new RoomRow(null, c.id(), 2, 'lekhall', 'PLAY_ROOM', null, new BigDecimal('64.5'), 'of',
                LocalDate.of(2025, 3, 1), null, null))

        expect:
        rooms.findByCentreIdOrderByPosition(c.id())*.roomKey() == ['wc', 'konferens', 'lekhall']
        rooms.findByCentreIdAndRoomKey(c.id(), 'wc').orElseThrow().area() == new BigDecimal('3.85')
        rooms.findByCentreIdAndRoomKey(c.id(), 'lekhall').orElseThrow().serviceKey() == 'of'
        rooms.findByCentreIdAndRoomKey(c.id(), 'nope').isEmpty()

        when:
        RoomRow updated = rooms.update(new RoomRow(wc.id(), c.id(), 0, 'wc', 'STAFF_TOILET', null, new BigDecimal('4'), null, null, null, 0L))

        then:
        updated.version() == 1L
        rooms.findById(wc.id()).orElseThrow().area() == new BigDecimal('4.00')

        when:
        rooms.update(new RoomRow(wc.id(), c.id(), 0, 'wc', 'STAFF_TOILET', null, new BigDecimal('9'), null, null, null, 0L))

        then:
        thrown(OptimisticLockException)
        rooms.findById(wc.id()).orElseThrow().area() == new BigDecimal('4.00')
    }

    def "a room key is unique within its centre"() {
        given:
        CentreRow c = centre()
        rooms.save(new RoomRow(null, c.id(), 0, 'wc', 'STAFF_TOILET', null, BigDecimal.ONE, null, null, null, null))

        when:
        rooms.save(new RoomRow(null, c.id(), 1, 'wc', 'VISITOR_TOILET', null, BigDecimal.ONE, null, null, null, null))

        then:
        thrown(DataAccessException)
        rooms.findByCentreIdOrderByPosition(c.id()).size() == 1
    }

    // ---- pool rules ----------------------------------------------------------------

    def "pool rules come back by pool, then position; deleteByCentreId removes one centre's only"() {
        given:
        CentreRow c = centre()
        CentreRow other = centre('Annan')
        rules.save(new PoolRuleRow(null, c.id(), 'PREMISES', 1, LocalDate.of(2025, 5, 1), 'AREA', null))
        rules.save(new PoolRuleRow(null, c.id(), 'JOINT', 0, null, 'PERCENT', '{"bmm":"40","of":"60"}'))
        rules.save(new PoolRuleRow(null, c.id(), 'PREMISES', 0, null, 'EQUAL', null))
        rules.save(new PoolRuleRow(null, other.id(), 'JOINT', 0, null, 'EQUAL', null))

        expect:
        rules.findByCentreIdOrderByPoolAscAndPositionAsc(c.id()).collect { "${it.pool()}/${it.position()}/${it.rule()}" } ==
                ['JOINT/0/PERCENT', 'PREMISES/0/EQUAL', 'PREMISES/1/AREA']
        rules.findByCentreIdOrderByPoolAscAndPositionAsc(c.id())[0].percentages() == '{"bmm":"40","of":"60"}'

        when:
        rules.deleteByCentreId(c.id())

        then:
        rules.findByCentreIdOrderByPoolAscAndPositionAsc(c.id()).isEmpty()
        rules.findByCentreIdOrderByPoolAscAndPositionAsc(other.id()).size() == 1
    }

    // ---- coordinators and their dated changes -------------------------------------

    def "coordinators by position; their changes by date; deleteByCoordinatorId; a stale update throws"() {
        given:
        CentreRow c = centre()
        CoordinatorRow second = coordinators.save(coordinatorRow(c.id(), 1, 'efterträdare', LocalDate.of(2025, 7, 1)))
        CoordinatorRow first = coordinators.save(coordinatorRow(c.id(), 0, 'samordnare', null))
        coordinatorChanges.save(new CoordinatorChangeRow(null, first.id(), CoordinatorChangeKind.SALARY, LocalDate.of(2025, 3, 1), new BigDecimal('43200')))
        coordinatorChanges.save(new CoordinatorChangeRow(null, first.id(), CoordinatorChangeKind.FTE, LocalDate.of(2025, 2, 1), new BigDecimal('75')))
        coordinatorChanges.save(new CoordinatorChangeRow(null, first.id(), CoordinatorChangeKind.ON_COST, LocalDate.of(2025, 4, 1), new BigDecimal('41.25')))
        coordinatorChanges.save(new CoordinatorChangeRow(null, second.id(), CoordinatorChangeKind.SALARY, LocalDate.of(2025, 9, 1), new BigDecimal('45000')))

        expect:
        coordinators.findByCentreIdOrderByPosition(c.id())*.coordinatorKey() == ['samordnare', 'efterträdare']
        coordinators.findByCentreIdAndCoordinatorKey(c.id(), 'efterträdare').orElseThrow().validFrom() == LocalDate.of(2025, 7, 1)
        coordinatorChanges.findByCoordinatorIdOrderByValidFrom(first.id())*.kind()*.name() == ['FTE', 'SALARY', 'ON_COST']
        coordinatorChanges.findByCoordinatorIdOrderByValidFrom(first.id())*.changeValue()*.stripTrailingZeros() ==
                [new BigDecimal('75'), new BigDecimal('43200'), new BigDecimal('41.25')]*.stripTrailingZeros()

        when:
        coordinatorChanges.deleteByCoordinatorId(first.id())

        then:
        coordinatorChanges.findByCoordinatorIdOrderByValidFrom(first.id()).isEmpty()
        coordinatorChanges.findByCoordinatorIdOrderByValidFrom(second.id()).size() == 1

        when:
        CoordinatorRow updated = coordinators.update(withVersion(first, new BigDecimal('44000'), 0L))

        then:
        updated.version() == 1L
        coordinators.findById(first.id()).orElseThrow().monthlySalary().compareTo(new BigDecimal('44000')) == 0

        when:
        coordinators.update(withVersion(first, new BigDecimal('1'), 0L))

        then:
        thrown(OptimisticLockException)
        coordinators.findById(first.id()).orElseThrow().monthlySalary().compareTo(new BigDecimal('44000')) == 0
    }

    private static CoordinatorRow coordinatorRow(long centreId, int position, String key, LocalDate from) {
        new CoordinatorRow(null, centreId, position, key, 'Samordnare', 'of', from, null, new BigDecimal('42000'),
                new BigDecimal('100'), new BigDecimal('40'), new BigDecimal('12000'), new BigDecimal('6000'), null, null)
    }

    private static CoordinatorRow withVersion(CoordinatorRow c, BigDecimal salary, Long version) {
        new CoordinatorRow(c.id(), c.centreId(), c.position(), c.coordinatorKey(), c.name(), c.employerKey(), c.validFrom(),
                c.validTo(), salary, c.ftePercent(), c.onCostPercent(), c.competenceDevelopment(), c.itPerYear(),
                c.otherPerYear(), version)
    }

    // ---- cost lines and their dated amounts -----------------------------------------

    def "cost lines by position; amount changes by date; deleteByCostLineId; a stale update throws"() {
        given:
        CentreRow c = centre()
        CostLineRow rent = costLines.save(new CostLineRow(null, c.id(), 1, 'hyra', 'hyra', 'PREMISES', 'of', 'YEAR',
                new BigDecimal('129600'), null, null, null, null, 'KPI', 2021, new BigDecimal('75.5'), false, null))
        CostLineRow alarm = costLines.save(line(c.id(), 0, 'larm', 'QUARTER', '2500'))
        CostLineRow furniture = costLines.save(new CostLineRow(null, c.id(), 2, 'mobler', 'Möbler', 'PREMISES', 'of', 'ONCE',
                new BigDecimal('31487.50'), null, null, LocalDate.of(2025, 2, 12), null, null, null, null, null, null))
        costLineChanges.save(new CostLineChangeRow(null, rent.id(), LocalDate.of(2025, 7, 1), new BigDecimal('132000')))
        costLineChanges.save(new CostLineChangeRow(null, rent.id(), LocalDate.of(2025, 4, 1), new BigDecimal('130000')))
        costLineChanges.save(new CostLineChangeRow(null, alarm.id(), LocalDate.of(2025, 4, 1), new BigDecimal('2600')))

        expect:
        costLines.findByCentreIdOrderByPosition(c.id())*.lineKey() == ['larm', 'hyra', 'mobler']
        costLines.findByCentreIdAndLineKey(c.id(), 'mobler').orElseThrow().onceDate() == LocalDate.of(2025, 2, 12)
        with(costLines.findByCentreIdAndLineKey(c.id(), 'hyra').orElseThrow()) {
            indexSeries() == 'KPI' && indexBaseYear() == 2021 && indexShare().compareTo(new BigDecimal('75.5')) == 0 && !indexFloor()
        }
        costLines.findByCentreIdAndLineKey(c.id(), 'mobler').orElseThrow().indexSeries() == null
        costLines.findByCentreIdAndLineKey(c.id(), 'mobler').orElseThrow().amount().compareTo(new BigDecimal('31487.5')) == 0
        costLineChanges.findByCostLineIdOrderByValidFrom(rent.id())*.validFrom() == [LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1)]

        when:
        costLineChanges.deleteByCostLineId(rent.id())

        then:
        costLineChanges.findByCostLineIdOrderByValidFrom(rent.id()).isEmpty()
        costLineChanges.findByCostLineIdOrderByValidFrom(alarm.id()).size() == 1

        when:
        CostLineRow updated = costLines.update(new CostLineRow(furniture.id(), c.id(), 2, 'mobler', 'Möbler', 'PREMISES', 'of',
                'ONCE', new BigDecimal('30000'), null, null, LocalDate.of(2025, 2, 12), null, null, null, null, null, 0L))

        then:
        updated.version() == 1L

        when:
        costLines.update(new CostLineRow(furniture.id(), c.id(), 2, 'mobler', 'Möbler', 'PREMISES', 'of',
                'ONCE', new BigDecimal('1'), null, null, LocalDate.of(2025, 2, 12), null, null, null, null, null, 0L))

        then:
        thrown(OptimisticLockException)
        costLines.findById(furniture.id()).orElseThrow().amount().compareTo(new BigDecimal('30000')) == 0
    }

    def "a cost line key is unique within its centre"() {
        given:
        CentreRow c = centre()
        costLines.save(line(c.id(), 0, 'hyra', 'YEAR', '1'))

        when:
        costLines.save(line(c.id(), 1, 'hyra', 'MONTH', '2'))

        then:
        thrown(DataAccessException)
        costLines.findByCentreIdOrderByPosition(c.id()).size() == 1
    }

    private static CostLineRow line(long centreId, int position, String key, String periodicity, String amount) {
        new CostLineRow(null, centreId, position, key, key, 'PREMISES', 'of', periodicity, new BigDecimal(amount),
                null, null, null, null, null, null, null, null, null)
    }

    // ---- the database's own cascade ----------------------------------------------

    def "deleting a centre row cascades to its children in the database"() {
        given:
        CentreRow c = centre()
        LegalEntityRow e = entity()
        service(c.id(), 0, 'of', e.id())
        rooms.save(new RoomRow(null, c.id(), 0, 'wc', 'STAFF_TOILET', null, BigDecimal.ONE, null, null, null, null))
        rules.save(new PoolRuleRow(null, c.id(), 'JOINT', 0, null, 'EQUAL', null))
        CostLineRow l = costLines.save(line(c.id(), 0, 'hyra', 'YEAR', '1000'))
        costLineChanges.save(new CostLineChangeRow(null, l.id(), LocalDate.of(2025, 4, 1), BigDecimal.TEN))

        when:
        centres.deleteById(c.id())

        then:
        centres.findById(c.id()).isEmpty()
        services.findByCentreIdOrderByPosition(c.id()).isEmpty()
        rooms.findByCentreIdOrderByPosition(c.id()).isEmpty()
        rules.findByCentreIdOrderByPoolAscAndPositionAsc(c.id()).isEmpty()
        costLines.findByCentreIdOrderByPosition(c.id()).isEmpty()
        costLineChanges.findByCostLineIdOrderByValidFrom(l.id()).isEmpty()
        and: 'the entity stays'
        entities.findById(e.id()).isPresent()
    }

    // ---- audit events ----------------------------------------------------------------

    def "audit events are paged per centre"() {
        given:
        CentreRow c = centre()
        3.times { auditEvents.save(new AuditEventRow(null, OffsetDateTime.now(ZoneOffset.UTC), 'system', 'UPDATE', 'centre', "${c.id()}", c.id(), "change $it")) }
        auditEvents.save(new AuditEventRow(null, OffsetDateTime.now(ZoneOffset.UTC), 'system', 'CREATE', 'entity', '1', null, null))

        when:
        def page = auditEvents.findByCentreId(c.id(), Pageable.from(0, 2, Sort.of(Sort.Order.desc('id'))))

        then:
        page.totalSize == 3
        page.content.size() == 2
        page.content*.summary() == ['change 2', 'change 1']
        page.content.every { it.actor() == 'system' && it.centreId() == c.id() }
    }

    // ---- the store over the repositories -------------------------------------------

    def "#fixture imported through the store assembles into the same centre and computes the same"() {
        given:
        CentreReader.ImportRequest request = CentreReader.readImport(new File("fixtures/$fixture").getText('UTF-8'))
        long auditBefore = auditEvents.count()

        when:
        CentreRow row = importer.importDocument(request.document(), 'centre.')
        def stored = store.document(row.id())

        then: 'the engine sees the same centre (room names aside, the engine has none)'
        stored.centre().services() == request.document().centre().services()
        stored.centre().rooms()*.id() == request.document().centre().rooms()*.id()
        stored.centre().rooms()*.area()*.stripTrailingZeros() == request.document().centre().rooms()*.area()*.stripTrailingZeros()
        stored.centre().coordinators()*.id() == request.document().centre().coordinators()*.id()
        stored.centre().costLines()*.id() == request.document().centre().costLines()*.id()
        stored.centre().entities() == request.document().centre().entities()
        stored.profile() == request.document().profile()

        and: 'it computes the same shares'
        shares(stored.centre(), request.period()) == shares(request.document().centre(), request.period())

        and: 'the import is audited once, with an entity creation for each new entity'
        auditEvents.count() == auditBefore + 1 + request.document().centre().entities().size()

        where:
        fixture << FIXTURES
    }

    private List<String> shares(se.familycentre.allocation.Centre centre, Period period) {
        AllocationOutcome outcome = allocator.allocate(centre, period)
        assert outcome instanceof AllocationOutcome.Allocated
        ((AllocationOutcome.Allocated) outcome).allocation().lines().collect { line ->
            "${line.id()}|${line.payer()}|${line.total()}|" + line.shares().collect { "${it.service()}=${it.amount()}" }.join(',')
        }
    }

    def "the fixtures are loaded once into an empty database, and never again"() {
        expect:
        centres.count() == 0
        !markers.existsById(FixtureLoader.MARKER)

        when:
        int loaded = fixtureLoader.loadIfEmpty()

        then:
        loaded == FIXTURES.size()
        loaded >= 4
        centres.count() == FIXTURES.size()
        markers.existsById(FixtureLoader.MARKER)

        when: 'every centre is deleted: the marker keeps the fixtures from coming back'
        centres.findAll().each { store.deleteCentre(it.id(), ExpectedVersion.of(it.version())) }

        then:
        centres.count() == 0
        fixtureLoader.loadIfEmpty() == 0
        centres.count() == 0
    }
}
