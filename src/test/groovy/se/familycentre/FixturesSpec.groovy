package se.familycentre

import groovy.json.JsonSlurper
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.HttpStatus
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Shared
import spock.lang.Specification

/**
 * The example centres in {@code fixtures/}: each is a whole calculation request in the API's own format,
 * must be accepted (200), must add up, and gives the amounts computed by hand from src/site/markdown/rules.md below
 * (confirmed with an independent exact day-by-day computation). Amounts are compared as decimals, to the öre.
 */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
class FixturesSpec extends Specification {

    static final File FIXTURES = new File("fixtures")
    static final List<String> POOLS = ["COORDINATOR", "PREMISES", "JOINT"]

    @Inject
    @Client("/")
    HttpClient client

    @Shared
    Map<String, Map> answers = [:]

    static List<File> fixtureFiles() {
        (FIXTURES.listFiles({ File f -> f.name.endsWith(".json") } as FileFilter) ?: []).sort { it.name }
    }

    // ---- helpers ------------------------------------------------------------

    HttpResponse<String> post(File file) {
        try {
            client.toBlocking().exchange(HttpRequest.POST("/api/v1/allocations", file.getText("UTF-8"))
                    .contentType(MediaType.APPLICATION_JSON_TYPE), String)
        } catch (HttpClientResponseException e) {
            throw new AssertionError("${file.name} was refused: ${e.status} ${e.response.getBody(String).orElse('')}", e)
        }
    }

    Map answer(String fixture) {
        answers.computeIfAbsent(fixture) {
            HttpResponse<String> response = post(new File(FIXTURES, fixture))
            assert response.status == HttpStatus.OK
            new JsonSlurper().parseText(response.body()) as Map
        }
    }

    static BigDecimal sek(Object amount) {
        new BigDecimal((amount as Map).amount as String)
    }

    static Map line(Map answer, String id) {
        def l = answer.lines.find { it.id == id }
        assert l != null: "no line $id among ${answer.lines*.id}"
        l as Map
    }

    /** The line's total and its shares, by service id, as decimals. */
    static Map<String, BigDecimal> shares(Map answer, String id) {
        Map l = line(answer, id)
        Map<String, BigDecimal> m = [total: sek(l.total)]
        l.shares.each { m[it.service as String] = sek(it.amount) }
        m
    }

    static Map service(Map answer, String id) {
        answer.services.find { it.id == id } as Map
    }

    static BigDecimal total(Map answer, String serviceId) {
        sek(service(answer, serviceId).total)
    }

    static BigDecimal flow(Map answer, String creditor, String debtor) {
        def f = answer.flows.find { it.creditor.organisationNumber == creditor && it.debtor.organisationNumber == debtor }
        assert f != null: "no flow $creditor <- $debtor"
        sek(f.amount)
    }

    /** One fixture's answer, printed by its centre's name when a condition fails. */
    static class Answer {
        final Map json

        Answer(Map json) {
            this.json = json
        }

        Map<String, BigDecimal> shares(String lineId) { FixturesSpec.shares(json, lineId) }

        Map line(String lineId) { FixturesSpec.line(json, lineId) }

        Map service(String serviceId) { FixturesSpec.service(json, serviceId) }

        BigDecimal total(String serviceId) { FixturesSpec.total(json, serviceId) }

        BigDecimal flow(String creditor, String debtor) { FixturesSpec.flow(json, creditor, debtor) }

        List getClassification() { json.classification as List }

        List getWarnings() { json.warnings as List }

        List getLines() { json.lines as List }

        List getFlows() { json.flows as List }

        Map getPeriod() { json.period as Map }

        @Override
        String toString() { "answer for ${json.centre}" }
    }

    static boolean luhnValid(String orgNo) {
        String digits = orgNo.replace("-", "")
        if (!(digits ==~ /\d{10}/)) {
            return false
        }
        int sum = 0
        for (int i = 0; i < 9; i++) {
            int product = (digits[i] as int) * (i % 2 == 0 ? 2 : 1)
            sum += product.intdiv(10) + product % 10
        }
        (10 - sum % 10) % 10 == (digits[9] as int)
    }

    // ---- every fixture --------------------------------------------------------

    def "the fixtures directory holds the example centres"() {
        expect:
        fixtureFiles()*.name.containsAll(["solrosen-goteborg.json", "backen-boras.json", "ekhagen-trollhattan.json"])
        fixtureFiles().size() >= 3
    }

    def "fixture #file.name is a request in the API's format with valid organisationsnummer"() {
        given:
        Map request = new JsonSlurper().parseText(file.getText("UTF-8")) as Map

        expect:
        request.keySet() == ["period", "centre"] as Set
        request.period ==~ /\d{4}-Q[1-4]/
        request.centre.entities.every { luhnValid(it.organisationNumber as String) }
        request.centre.services.every { s -> request.centre.entities*.organisationNumber.contains(s.entity) }

        where:
        file << fixtureFiles()
    }

    def "fixture #file.name is accepted and every amount adds up"() {
        when:
        HttpResponse<String> response = post(file)
        Map a = new JsonSlurper().parseText(response.body()) as Map

        then: 'accepted'
        response.status == HttpStatus.OK
        !a.lines.isEmpty()

        and: "every line's shares add up to its total, to the öre"
        a.lines.every { l -> l.shares.sum { sek(it.amount) } == sek(l.total) }
        a.lines.every { l -> sek(l.total).scale() == 2 && l.shares.every { sek(it.amount).scale() == 2 } }

        and: "each service's total is the sum of its pools, and each pool the sum of its shares of that pool's lines"
        a.services.every { s -> POOLS.sum { p -> sek(s.pools[p]) } == sek(s.total) }
        a.services.every { s ->
            POOLS.every { p ->
                sek(s.pools[p]) == (a.lines.findAll { it.pool == p }
                        .sum(BigDecimal.ZERO) { l -> sek(l.shares.find { it.service == s.id }.amount) })
            }
        }

        and: 'what the services paid is the sum of the totals of their lines'
        a.services.every { s -> sek(s.paid) == a.lines.findAll { it.payer == s.id }.sum(BigDecimal.ZERO) { sek(it.total) } }

        and: "the shares of all lines sum to the lines' totals (nothing lost between services)"
        a.services.sum { sek(it.total) } == a.lines.sum { sek(it.total) }

        and: 'each flow is the sum of its service flows, and the flows are exactly the shares owed to other services'
        a.flows.every { f -> f.services.sum { sek(it.amount) } == sek(f.amount) }
        a.flows.every { f -> f.internal == (f.creditor.organisationNumber == f.debtor.organisationNumber) }
        flowsFromLines(a) == a.flows.collectEntries { f ->
            [("${f.creditor.organisationNumber}|${f.debtor.organisationNumber}".toString()): sek(f.amount)]
        }

        where:
        file << fixtureFiles()
    }

    /** RULES §5 recomputed from the lines: each member other than the payer owes its share to the payer's entity. */
    static Map<String, BigDecimal> flowsFromLines(Map a) {
        Map<String, String> entityOf = a.services.collectEntries { [(it.id): it.entity] }
        Map<String, BigDecimal> owed = [:]
        a.lines.each { l ->
            l.shares.each { sh ->
                BigDecimal amount = sek(sh.amount)
                if (sh.service != l.payer && amount.signum() != 0) {
                    String key = "${entityOf[l.payer]}|${entityOf[sh.service]}"
                    owed[key] = (owed[key] ?: BigDecimal.ZERO) + amount
                }
            }
        }
        owed
    }

    // ---- (a) Familjecentralen Solrosen, Göteborg, 2025-Q1 ----------------------------------------------

    /*
     * Coordinator (employed by ÖF, 41 800/month, 100 %, PO 40.15 %), EQUAL over the four base services:
     *   salary 41 800 × 3 = 125 400.00 → 31 350.00 each;
     *   on-costs 41 800 × 0.4015 = 16 782.70/month × 3 = 50 348.10 → 12 587.025 each: the 2 missing öre go to
     *   the equal remainders earliest in order, BMM and BVC 12 587.03, ÖF and SOC 12 587.02;
     *   competence development 15 000 / 4 = 3 750.00 → 937.50 each; IT 7 200 / 4 = 1 800.00 → 450.00 each.
     * PREMISES by AREA, dedicated m² BMM 34.5, BVC 46, ÖF 97.5, SOC 26 (sum 204):
     *   shared rent 237 575/year → 59 393.75; exact 10 044.53125, 13 392.7083, 28 386.71875, 7 569.7917;
     *   floors sum to 59 393.73, the 2 öre go to ÖF (.875) and BVC (.833): 10 044.53, 13 392.71, 28 386.72, 7 569.79;
     *   cleaning 8 250 × 3 = 24 750.00, exact 4 185.662, 5 580.882, 11 829.044, 3 154.412: floors sum to 24 749.99,
     *   the öre goes to ÖF (largest remainder .441): 4 185.66, 5 580.88, 11 829.05, 3 154.41;
     *   alarm 2 340/quarter paid by BVC → 395.74, 527.65, 1 118.38, 298.23.
     * Dedicated-room rent (lease holder ÖF, 2 150 kr/m² a year), each borne alone:
     *   BMM 34.5 × 2 150 / 4 = 18 543.75; BVC 46 × 2 150 / 4 = 24 725.00; SOC 26 × 2 150 / 4 = 13 975.00.
     * JOINT EQUAL: ICDP 8 400/quarter (SOC) → 2 100.00 each; föräldracafé 950 × 3 = 2 850.00 → 712.50 each.
     * Service totals: BMM 81 712.59, BVC 92 904.45, ÖF 90 618.23, SOC 73 440.33.
     * Flows: Göteborgs Stad is owed by the region 172 746.59 (ÖF 78 810.97 from BMM + 89 735.62 from BVC,
     * SOC 2 100.00 + 2 100.00 for ICDP); the region is owed by the city 2 869.55 (alarm and printers);
     * internal: SOC→ÖF 70 736.22 and ÖF→SOC 2 100.00 (72 836.22), BMM→BVC 801.62.
     */
    def "Solrosen: a complete familjecentral, premises by area, rent of dedicated rooms recharged"() {
        given:
        Answer a = new Answer(answer("solrosen-goteborg.json"))

        expect:
        a.period.label == "2025-Q1"
        a.classification.size() == 1
        a.classification[0].classification == "FAMILY_CENTRE"
        a.warnings.isEmpty()

        a.shares("samordnare/salary") == [total: 125400.00, bmm: 31350.00, bvc: 31350.00, of: 31350.00, soc: 31350.00]
        a.shares("samordnare/on-costs") == [total: 50348.10, bmm: 12587.03, bvc: 12587.03, of: 12587.02, soc: 12587.02]
        a.shares("samordnare/competence-development") == [total: 3750.00, bmm: 937.50, bvc: 937.50, of: 937.50, soc: 937.50]
        a.shares("samordnare/it") == [total: 1800.00, bmm: 450.00, bvc: 450.00, of: 450.00, soc: 450.00]
        a.shares("hyra") == [total: 59393.75, bmm: 10044.53, bvc: 13392.71, of: 28386.72, soc: 7569.79]
        a.shares("stadning") == [total: 24750.00, bmm: 4185.66, bvc: 5580.88, of: 11829.05, soc: 3154.41]
        a.shares("larm") == [total: 2340.00, bmm: 395.74, bvc: 527.65, of: 1118.38, soc: 298.23]
        a.shares("dedicated-rent/bmm") == [total: 18543.75, bmm: 18543.75, bvc: 0, of: 0, soc: 0]
        a.shares("dedicated-rent/bvc") == [total: 24725.00, bmm: 0, bvc: 24725.00, of: 0, soc: 0]
        a.shares("dedicated-rent/soc") == [total: 13975.00, bmm: 0, bvc: 0, of: 0, soc: 13975.00]
        a.line("dedicated-rent/bvc").payer == "of"
        a.line("dedicated-rent/bvc").borneBy == "bvc"
        !a.lines*.id.contains("dedicated-rent/of")
        a.shares("foraldrautbildning") == [total: 8400.00, bmm: 2100.00, bvc: 2100.00, of: 2100.00, soc: 2100.00]
        a.shares("foraldracafe") == [total: 2850.00, bmm: 712.50, bvc: 712.50, of: 712.50, soc: 712.50]

        a.total("bmm") == 81712.59
        a.total("bvc") == 92904.45
        a.total("of") == 90618.23
        a.total("soc") == 73440.33

        a.flow("212000-1355", "232100-0131") == 172746.59
        a.flow("232100-0131", "212000-1355") == 2869.55
        a.flow("212000-1355", "212000-1355") == 72836.22
        a.flow("232100-0131", "232100-0131") == 801.62
        a.flows.size() == 4
    }

    // ---- (b) Familjecentralen Backen, Borås, 2025-Q1 -----------------------------------------------------

    /*
     * Three base services; BMM is not co-located, so it shares the coordinator and the joint activities
     * but not the premises. Coordinator employed by BVC, 39 800/month at 50 %, PO 48.5 %, split by three:
     *   salary 19 900 × 3 = 59 700.00 → 19 900.00 each; on-costs 19 900 × 0.485 = 9 651.50/month → 28 954.50
     *   → 9 651.50 each; competence development 6 000 / 4 = 1 500.00 → 500.00; IT 4 500 / 4 = 1 125.00 → 375.00.
     * PREMISES EQUAL between BVC and ÖF only: rent 113 100 / 4 = 28 275.00 → 14 137.50 each; cleaning
     *   4 100 × 3 = 12 300.00 → 6 150.00; alarm 1 480 → 740.00; fire safety 2 200 / 4 = 550.00 → 275.00;
     *   the ONCE furniture 31 487.00 on 2025-02-12 → 15 743.50 each; BMM 0.00 of every premises line.
     * JOINT EQUAL by three: 10 000 / 4 = 2 500.00 → 833.33⅓ each; the one missing öre goes to BMM, first in
     *   order on equal remainders: 833.34, 833.33, 833.33.
     * Service totals: BMM 30 426.50 + 833.34 = 31 259.84; BVC and ÖF 30 426.50 + 37 046.00 + 833.33 = 68 305.83.
     * Flows: the region is owed by Borås Stad 31 441.50 (ÖF's coordinator share 30 426.50 + alarm 740.00 + fire
     * safety 275.00); Borås Stad is owed by the region 37 697.67 (BVC 36 864.33 = 14 137.50 + 6 150.00 +
     * 15 743.50 + 833.33, BMM 833.34); internal BMM→BVC 30 426.50.
     */
    def "Backen: a familjecentralsliknande verksamhet, midwife clinic outside the premises pool, a ONCE cost"() {
        given:
        Answer a = new Answer(answer("backen-boras.json"))

        expect:
        a.classification.size() == 1
        a.classification[0].classification == "FAMILY_CENTRE_LIKE"
        a.classification[0].from == "2025-01-01"
        a.classification[0].to == "2025-03-31"
        a.warnings.isEmpty()

        a.shares("samordnare/salary") == [total: 59700.00, bmm: 19900.00, bvc: 19900.00, of: 19900.00]
        a.shares("samordnare/on-costs") == [total: 28954.50, bmm: 9651.50, bvc: 9651.50, of: 9651.50]
        a.shares("samordnare/competence-development") == [total: 1500.00, bmm: 500.00, bvc: 500.00, of: 500.00]
        a.shares("samordnare/it") == [total: 1125.00, bmm: 375.00, bvc: 375.00, of: 375.00]
        a.line("samordnare/salary").payer == "bvc"
        a.shares("hyra") == [total: 28275.00, bmm: 0, bvc: 14137.50, of: 14137.50]
        a.shares("stadning") == [total: 12300.00, bmm: 0, bvc: 6150.00, of: 6150.00]
        a.shares("larm") == [total: 1480.00, bmm: 0, bvc: 740.00, of: 740.00]
        a.shares("brandskydd") == [total: 550.00, bmm: 0, bvc: 275.00, of: 275.00]
        a.shares("mobler") == [total: 31487.00, bmm: 0, bvc: 15743.50, of: 15743.50]
        a.line("mobler").periodicity == "ONCE"
        a.shares("foraldragrupper") == [total: 2500.00, bmm: 833.34, bvc: 833.33, of: 833.33]

        sek(a.service("bmm").pools.PREMISES) == 0
        a.total("bmm") == 31259.84
        a.total("bvc") == 68305.83
        a.total("of") == 68305.83

        a.flow("232100-0131", "212000-1512") == 31441.50
        a.flow("212000-1512", "232100-0131") == 37697.67
        a.flow("232100-0131", "232100-0131") == 30426.50
        a.flows.size() == 3
    }

    // ---- (c) Familjecentralen Ekhagen, Trollhättan, 2025-Q1 ----------------------------------------------

    /*
     * SOC joins on 2025-02-15; BVC belongs to a private health centre (Vårdcentralen Ekhagen AB).
     * Classification as it comes out: 2025-01-01..2025-02-14 FAMILY_CENTRE_LIKE (three base types, BVC and ÖF
     * co-located, social services missing), 2025-02-15..2025-03-31 FAMILY_CENTRE (all four, co-located).
     * Neither stretch is NOT_COVERED, so there is no warning.
     * Coordinator (ÖF, 80 %, PO 40.2 %): salary × FTE 32 160/month, 33 320 from the revision on 2025-03-01.
     *   salary: January 32 160 / 3 = 10 720 each; February 1–14 16 080 / 3 = 5 360, 15–28 16 080 / 4 = 4 020;
     *   March 33 320 / 4 = 8 330 → BMM, BVC, ÖF 28 430.00, SOC 12 350.00, total 97 640.00;
     *   on-costs: 12 928.32 in January and February, 13 394.64 in March → 4 309.44 + 2 154.72 + 1 616.04 +
     *   3 348.66 = 11 428.86 each for the three, SOC 4 964.70, total 39 251.28;
     *   competence development 750/month → 250 + 125 + 93.75 + 187.50 = 656.25, SOC 281.25 (2 250.00);
     *   IT 500/month → 437.50, SOC 187.50 (1 500.00).
     * PREMISES EQUAL: rent 14 400/month → 4 800 + 2 400 + 1 800 + 3 600 = 12 600.00, SOC 5 400.00 (43 200.00);
     *   cleaning 6 300/month → 5 512.50, SOC 2 362.50; alarm 2 100/quarter (paid by BVC) → 612.50, SOC 262.50.
     * JOINT PERCENT 10/30/40/20, 12 600/quarter = 4 200/month: January 10:30:40 of 80 → 525, 1 575, 2 100;
     *   February 1–14 (2 100) → 262.50, 787.50, 1 050; February 15–28 (2 100) → 210, 630, 840, 420;
     *   March → 420, 1 260, 1 680, 840 → BMM 1 417.50, BVC 4 252.50, ÖF 5 670.00, SOC 1 260.00.
     * Totals: BMM 61 095.11, BVC 63 930.11, ÖF 65 347.61, SOC 27 068.45.
     * Flows: Trollhättans Stad is owed 60 482.61 by the region and 63 317.61 by the company; the company is owed
     * 612.50 by the region and 875.00 by the city; internal SOC→ÖF 26 805.95.
     */
    def "Ekhagen: a service joins mid-quarter, a salary revision, JOINT by percent, a private health centre"() {
        given:
        Answer a = new Answer(answer("ekhagen-trollhattan.json"))

        expect:
        a.classification.collect { [it.from, it.to, it.classification] } == [
                ["2025-01-01", "2025-02-14", "FAMILY_CENTRE_LIKE"],
                ["2025-02-15", "2025-03-31", "FAMILY_CENTRE"]]
        a.warnings.isEmpty()

        a.shares("samordnare/salary") == [total: 97640.00, bmm: 28430.00, bvc: 28430.00, of: 28430.00, soc: 12350.00]
        a.line("samordnare/salary").explanation.segments.collect { [it.from, it.to, it.amount, it.weights.size()] } == [
                ["2025-01-01", "2025-02-14", "32160.00", 3],
                ["2025-02-15", "2025-02-28", "32160.00", 4],
                ["2025-03-01", "2025-03-31", "33320.00", 4]]
        a.shares("samordnare/on-costs") == [total: 39251.28, bmm: 11428.86, bvc: 11428.86, of: 11428.86, soc: 4964.70]
        a.shares("samordnare/competence-development") == [total: 2250.00, bmm: 656.25, bvc: 656.25, of: 656.25, soc: 281.25]
        a.shares("samordnare/it") == [total: 1500.00, bmm: 437.50, bvc: 437.50, of: 437.50, soc: 187.50]
        a.shares("hyra") == [total: 43200.00, bmm: 12600.00, bvc: 12600.00, of: 12600.00, soc: 5400.00]
        a.shares("stadning") == [total: 18900.00, bmm: 5512.50, bvc: 5512.50, of: 5512.50, soc: 2362.50]
        a.shares("larm") == [total: 2100.00, bmm: 612.50, bvc: 612.50, of: 612.50, soc: 262.50]
        a.shares("abc") == [total: 12600.00, bmm: 1417.50, bvc: 4252.50, of: 5670.00, soc: 1260.00]

        a.total("bmm") == 61095.11
        a.total("bvc") == 63930.11
        a.total("of") == 65347.61
        a.total("soc") == 27068.45
        a.service("bvc").entity == "559321-0049"

        a.flow("212000-1546", "232100-0131") == 60482.61
        a.flow("212000-1546", "559321-0049") == 63317.61
        a.flow("559321-0049", "232100-0131") == 612.50
        a.flow("559321-0049", "212000-1546") == 875.00
        a.flow("212000-1546", "212000-1546") == 26805.95
        a.flows.size() == 5
    }

    // ---- (d) Familjecentralen Blåsippan, Göteborg (Angered), 2025-Q2 -------------------------------------

    /*
     * Other actors: the library (bib) is in PREMISES and JOINT, dental care (ftv) in JOINT only; neither is
     * ever in COORDINATOR. PREMISES is EQUAL in April and AREA from 2025-05-01 (new local agreement):
     * areas BMM 34, BVC 50, ÖF 88, SOC 27, bib 21 (sum 220; ftv's 12 m² do not count, it is not a member).
     *   rent 248 000/year: April 20 666.67 / 5 = 4 133.33…; May–June 41 333.33… × area / 220 →
     *   BMM 4 133.333 + 6 387.879 = 10 521.21, ÖF 4 133.333 + 16 533.333 = 20 666.67, total 62 000.00;
     *   fire-safety equipment, ONCE 7 380 on 2025-06-10 (AREA) → 7 380 × 34/220 = 1 140.545… → 1 140.55,
     *   ÖF 7 380 × 88/220 = 2 952.00, bib 7 380 × 21/220 = 704.45.
     * Coordinator (SOC, 43 500, PO 40.15 %) split by the four base services: salary 130 500.00 → 32 625.00;
     *   on-costs 17 465.25 × 3 = 52 395.75 → 13 098.9375: 3 öre missing on equal remainders → 13 098.94 for BMM,
     *   BVC, ÖF and 13 098.93 for SOC; other costs 3 000 / 4 = 750.00 → 187.50.
     * JOINT EQUAL by six: sagostund 1 100 × 3 = 3 300.00 → 550.00; tandhälsoträff ONCE 3 900 → 650.00;
     *   Föräldraskap i Sverige 9 600 → 1 600.00.
     * Totals: BMM 66 764.60, BVC 71 803.14, ÖF 83 769.69, SOC 64 560.23, bib 15 603.09, ftv 2 800.00.
     * Flows: the city is owed by the region 138 389.86, the region by the city 3 572.12; internal: city
     * 78 124.54, region 1 749.70.
     */
    def "Blåsippan: other actors naming their pools, a premises rule changing from a date"() {
        given:
        Answer a = new Answer(answer("blasippan-angered.json"))

        expect:
        a.classification.size() == 1
        a.classification[0].classification == "FAMILY_CENTRE"
        a.warnings.isEmpty()

        a.shares("samordnare/salary") == [total: 130500.00, bmm: 32625.00, bvc: 32625.00, of: 32625.00, soc: 32625.00, bib: 0, ftv: 0]
        a.shares("samordnare/on-costs") == [total: 52395.75, bmm: 13098.94, bvc: 13098.94, of: 13098.94, soc: 13098.93, bib: 0, ftv: 0]
        a.shares("samordnare/other") == [total: 750.00, bmm: 187.50, bvc: 187.50, of: 187.50, soc: 187.50, bib: 0, ftv: 0]
        a.shares("hyra") == [total: 62000.00, bmm: 10521.21, bvc: 13527.27, of: 20666.67, soc: 9206.06, bib: 8078.79, ftv: 0]
        a.line("hyra").explanation.segments.collect { [it.from, it.to, it.rule] } == [
                ["2025-04-01", "2025-04-30", "EQUAL"], ["2025-05-01", "2025-06-30", "AREA"]]
        a.shares("brandskydd") == [total: 7380.00, bmm: 1140.55, bvc: 1677.27, of: 2952.00, soc: 905.73, bib: 704.45, ftv: 0]
        a.shares("sagostund") == [total: 3300.00, bmm: 550.00, bvc: 550.00, of: 550.00, soc: 550.00, bib: 550.00, ftv: 550.00]
        a.shares("tandhalsotraff") == [total: 3900.00, bmm: 650.00, bvc: 650.00, of: 650.00, soc: 650.00, bib: 650.00, ftv: 650.00]
        a.shares("foraldraskap") == [total: 9600.00, bmm: 1600.00, bvc: 1600.00, of: 1600.00, soc: 1600.00, bib: 1600.00, ftv: 1600.00]

        a.total("bmm") == 66764.60
        a.total("bvc") == 71803.14
        a.total("of") == 83769.69
        a.total("soc") == 64560.23
        a.total("bib") == 15603.09
        a.total("ftv") == 2800.00
        sek(a.service("bib").pools.COORDINATOR) == 0
        sek(a.service("ftv").pools.PREMISES) == 0

        a.flow("212000-1355", "232100-0131") == 138389.86
        a.flow("232100-0131", "212000-1355") == 3572.12
        a.flow("212000-1355", "212000-1355") == 78124.54
        a.flow("232100-0131", "232100-0131") == 1749.70
    }
}
