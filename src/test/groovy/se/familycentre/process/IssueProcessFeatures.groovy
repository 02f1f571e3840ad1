package se.familycentre.process

import java.util.concurrent.TimeUnit
import spock.lang.Shared
import spock.lang.Timeout

import static se.familycentre.process.ServiceApi.*

/**
 * Single-centre issuing against a real process: what an answer said survives a kill -9 the moment after
 * it, and issuers racing on a fresh series take its first numbers without a gap or a duplicate. The
 * H2 and PostgreSQL specs run these same features on their own database.
 */
abstract class IssueProcessFeatures extends ProcessSpecification {

    static final String PERIOD = '2026-Q1'
    static final int ISSUERS = 16

    @Shared
    ServiceProcess service
    @Shared
    ServiceApi api
    @Shared
    CentreCopies copies

    def setupSpec() {
        service = freshService(getClass().simpleName)
        api = new ServiceApi(service)
        copies = new CentreCopies(api)
    }

    /** A feature that failed between a kill and its restart leaves the service down: start it for the next. */
    def setup() {
        if (!service.alive) {
            service.start()
        }
    }

    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    def "every answered issue survives a kill -9 right after the last answer: same numbers, same PDF bytes; the series then continues"() {
        given: 'the fixture centres and eight copies over two new municipalities; one more copy kept for after the restart'
        List<Long> fixtures = api.centres()*.id.collect { it as long }
        List<Long> imported = copies.importCopies(9, copies.newMunicipalities(2), null, 'Krasch')
        List<Long> centres = fixtures + imported.take(8)
        long afterRestart = imported.last()
        assert centres.size() >= 8

        when: 'issued one by one, each answer recorded and each PDF downloaded, but for the last: the kill comes the moment it answers'
        List<Map> answered = []
        centres.eachWithIndex { long centre, int i ->
            boolean last = i == centres.size() - 1
            api.issued(centre, PERIOD).each { Map s ->
                answered << [id           : s.id as long, number: s.number, creditor: creditor(s), centre: centre,
                             statedSha    : statedSha256(s),
                             downloadedSha: last ? null : sha256(api.pdf(s.id as long))]
            }
        }
        service.restart()
        Map<Long, ServiceApi.Answer> now = answered.collectEntries { [(it.id): api.statement(it.id as long)] }
        record("${getClass().simpleName} crash after answers: ${centres.size()} issues answered, ${answered.size()} statements; " +
                "present after restart ${now.values().count { it.status == 200 }}")

        then: 'every answered statement is there, with the number and creditor the answer gave'
        answered.findAll { a ->
            ServiceApi.Answer r = now[a.id]
            r.status != 200 || r.json.number != a.number || creditor(r.json as Map) != a.creditor
        }.collect { "${it.number} of ${it.creditor} (statement ${it.id}, centre ${it.centre}): now ${now[it.id]}" } == []

        and: 'the period holds exactly the answered statements: nothing half-issued, nothing twice'
        api.statements("period=$PERIOD")*.id.collect { it as long }.sort() == answered*.id.sort()

        and: 'each PDF downloaded before the kill has the same bytes now'
        answered.findAll { it.downloadedSha }.findAll { sha256(api.pdf(it.id as long)) != it.downloadedSha }*.number == []

        and: 'every PDF hashes to the SHA-256 the service states for it now'
        pdfProblems(api, now.values()*.json as List<Map>) == []

        and: "the issue's answer already stated each PDF's SHA-256, and it is the hash of the bytes (the last issue's too, whose PDF was never fetched before the kill)"
        answered.findAll { it.statedSha == null || it.statedSha != sha256(api.pdf(it.id as long)) }
                .collect { "${it.number} (statement ${it.id}): answered sha256 ${it.statedSha}" } == []

        when: 'one more centre is issued'
        List<Map> before = api.statements()
        Map<String, Integer> highest = before.groupBy { creditor(it) }.collectEntries { c, l -> [(c): l.collect { sequence(it.number) }.max()] }
        List<Map> more = api.issued(afterRestart, PERIOD)

        then: "each creditor's series continues at the next number: none reused, none skipped"
        more.collect { "${creditor(it)} ${it.number}" } == more.collect { "${creditor(it)} ${year()}-${String.format('%04d', (highest[creditor(it)] ?: 0) + 1)}" }
        seriesProblems(api.statements()) == []
    }

    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    def "16 issuers at once on creditors registered just now take the numbers 0001..0016 of each, none twice, none skipped"() {
        given: 'a region and a municipality registered now, so neither has a number this year; 16 centres of the two'
        String region = copies.newRegion()
        String municipality = copies.newMunicipalities(1).first()
        List<Long> centres = copies.importCopies(ISSUERS, [municipality], region, 'Samtidig')
        List<String> firstNumbers = (1..ISSUERS).collect { String.format('%d-%04d', year(), it) }

        when: 'all 16 issue at once'
        List<Object> answers = atOnce(centres.collect { long c -> { -> api.issue(c, PERIOD) } })

        then: 'no request failed: no exception, no 5xx, every centre issued'
        answers.findAll { it instanceof Throwable }.collect { "$it" } == []
        answers.findAll { it.status >= 500 }.collect { "$it" } == []
        answers.findAll { it.status != 201 }.collect { "$it" } == []

        and: "each creditor's numbers, as the answers gave them, are 0001..0016"
        [region, municipality].every { String c ->
            List numbers = answers.collectMany { a -> (a.json.statements as List<Map>).findAll { creditor(it) == c }*.number }.sort()
            assert numbers == firstNumbers: "creditor $c"
            true
        }

        and: 'and as the service stores them'
        [region, municipality].every { String c ->
            List numbers = api.statements("entity=$c").findAll { creditor(it) == c }*.number.sort()
            assert numbers == firstNumbers: "creditor $c"
            true
        }
    }
}
