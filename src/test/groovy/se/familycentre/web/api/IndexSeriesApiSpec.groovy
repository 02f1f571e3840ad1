package se.familycentre.web.api

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import javax.sql.DataSource
import se.familycentre.web.AdminByDefault
import se.familycentre.invoicing.StatementApi
import se.familycentre.pdf.StatementPdfSpec
import spock.lang.Shared
import spock.lang.Stepwise
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.orgNo

/**
 * Indexed cost lines in the register and the index series behind them (issue 11, RULES §3): a
 * centre with an indexed line is stored, exported and computed with its clause; the shipped KPI
 * October values are in the database; an ADMIN enters the next October value, after which periods
 * that need it compute; nobody else may, and a value once entered does not change.
 */
@Stepwise
@MicronautTest(transactional = false)
class IndexSeriesApiSpec extends Specification {

    static final String EXAMPLE_E = IndexSeriesApiSpec.getResource('/examples/example-e.json').getText('UTF-8')
    /** A test value for KPI October 2024, above October 2023's 409.07. */
    static final String KPI_2024 = '414.89'

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    DataSource dataSource

    @Shared long centre

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** Example E with entities of its own, stored as a centre. */
    static String exampleE() {
        Map doc = new JsonSlurper().parseText(EXAMPLE_E) as Map
        String json = JsonOutput.toJson(doc)
        (doc.centre.entities as List<Map>).each { json = json.replace(it.organisationNumber as String, orgNo()) }
        json
    }

    def "the shipped KPI October values are in the database, read by anyone signed in"() {
        when:
        def a = api.get('/api/v1/index-series')

        then:
        a.status == 200
        def kpi = a.json.series.find { it.name == 'KPI' }
        kpi.values.collectEntries { [(it.year): it.october] } == [2018: '330.72', 2019: '336.04', 2020: '336.97',
                                                                   2021: '346.44', 2022: '384.04', 2023: '409.07']
        kpi.values.every { it.recordedBy == 'reference data' }
        api.get('/api/v1/index-series/KPI').json.values.size() == 6
        api.get('/api/v1/index-series/NOPE').status == 404
    }

    def "an indexed line is stored with its clause: the export gives it back and the allocation prices it (example E, 38 257,33)"() {
        when:
        centre = api.importCentre(exampleE())
        def exported = api.get("/api/v1/centres/$centre/export").json
        def allocation = api.get("/api/v1/centres/$centre/allocation?period=2024-Q1").json

        then:
        exported.centre.costLines.find { it.id == 'rent' }.indexation == [series: 'KPI', baseYear: 2021, share: '100', floor: true]
        !exported.centre.costLines.find { it.id == 'cleaning' }.containsKey('indexation')
        def rent = allocation.lines.find { it.id == 'rent' }
        rent.total.amount == '38257.33'
        rent.shares*.amount*.amount == ['7287.11', '10930.67', '14574.22', '5465.33']
    }

    def "a cost line part keeps its clause too, and changing the clause changes the price"() {
        given:
        def line = api.get("/api/v1/centres/$centre/export").json.centre.costLines.find { it.id == 'rent' } as Map
        line.indexation = [series: 'KPI', baseYear: 2021, share: 50, floor: true]

        when:
        def put = api.put("/api/v1/centres/$centre/cost-lines/rent", JsonOutput.toJson(line),
                ['If-Match': api.get("/api/v1/centres/$centre/cost-lines/rent").header('ETag')])

        then:
        put.status == 200
        put.json.indexation.share == '50'
        // 129 600 a year, a quarter: 32 400 × (1 + 0,5 × (409,07 − 346,44)/346,44) = 35 328,66
        api.get("/api/v1/centres/$centre/allocation?period=2024-Q1").json.lines.find { it.id == 'rent' }.total.amount == '35328.66'
    }

    def "a period that needs October 2024 is refused until it is entered, then computed"() {
        when: 'Q1 2025 is priced by October 2024, not known yet'
        def before = api.get("/api/v1/centres/$centre/allocation?period=2025-Q1")

        then:
        before.status == 422
        before.json.errors*.field == ['centre.costLines[0].indexation']
        before.json.errors[0].reason.contains('October 2024, which is not yet known')

        when: 'an ADMIN enters it'
        def entered = api.put('/api/v1/index-series/KPI/values/2024', JsonOutput.toJson([october: KPI_2024]))
        def after = api.get("/api/v1/centres/$centre/allocation?period=2025-Q1")

        then:
        entered.status == 201
        entered.json.october == KPI_2024
        entered.json.recordedBy == 'admin'
        after.status == 200
        // 32 400 × (1 + 0,5 × (414,89 − 346,44)/346,44) = 35 600,81
        after.json.lines.find { it.id == 'rent' }.total.amount == '35600.81'
    }

    def "the same value again changes nothing (200); another value for the same October is refused (409)"() {
        when:
        def same = api.put('/api/v1/index-series/KPI/values/2024', JsonOutput.toJson([october: '414.890']))
        def other = api.put('/api/v1/index-series/KPI/values/2024', JsonOutput.toJson([october: '415.00']))

        then:
        same.status == 200
        other.status == 409
        other.response.contentType.get().toString().startsWith('application/problem+json')
        other.json.errors*.field == ['october']
        api.get('/api/v1/index-series/KPI').json.values.find { it.year == 2024 }.october == KPI_2024
    }

    def "an issued statement prints the factor an indexed line accrued with and its source; the archive keeps it, and so does the credit"() {
        when: 'Q1 2024 of the centre is issued (the rent indexed by half, October 2023 against 2021)'
        List<Map> issued = api.issued(centre, '2024-Q1')
        Map withRent = issued.find { st -> st.content.lines.any { it.lineId == 'rent' } } as Map
        String pdf = StatementPdfSpec.flat(StatementPdfSpec.read(api.get("/api/v1/statements/${withRent.id}.pdf").bytes))
        def credit = api.credit(withRent.id as long, 'Fel basår')
        String creditPdf = StatementPdfSpec.flat(StatementPdfSpec.read(api.get("/api/v1/statements/${credit.json.id}.pdf").bytes))

        then: '129 600 kr a year, 32 400 kr a quarter, times 1 + 0,5 × 62,63/346,44 = 1,0903908…: 35 328,6629… kr'
        String accrual = '129 600,00 kr/år = 10 800,00 kr/mån × 3 mån = 32 400,00 kr × 1,090390… ' +
                '(KPI okt 2023 409,07 mot basår 2021 346,44: +18,08 %; 50 % av beloppet indexeras: +9,04 %) = 35 328,6629… kr'
        pdf.contains(accrual)
        credit.status == 201
        creditPdf.contains(accrual)
        issued.findAll { st -> st.content.lines.any { it.lineId == 'rent' } }.every { st ->
            StatementPdfSpec.flat(StatementPdfSpec.read(api.get("/api/v1/statements/${st.id}.pdf").bytes)).contains(accrual)
        }
    }

    def "#what is refused with 422 naming #field, and nothing is entered"() {
        given:
        int before = count()

        when:
        def a = api.put(path, body)

        then:
        a.status == status
        a.json.errors*.field == [field]
        count() == before

        where:
        what                      | path                                        | body                    || status | field
        'a value of 0'            | '/api/v1/index-series/KPI/values/2019'      | '{"october": 0}'        || 422    | 'october'
        'five decimals'           | '/api/v1/index-series/KPI/values/2019'      | '{"october": "1.12345"}' || 422   | 'october'
        'no value'                | '/api/v1/index-series/KPI/values/2019'      | '{}'                    || 422    | 'october'
        'a year before 1980'      | '/api/v1/index-series/KPI/values/1979'      | '{"october": "100"}'    || 422    | 'year'
        'a year not yet reached'  | '/api/v1/index-series/KPI/values/2999'      | '{"october": "500"}'    || 422    | 'year'
        'a lower-case series'     | '/api/v1/index-series/kpi/values/2019'      | '{"october": "336.04"}' || 422    | 'series'
        'an unknown property'     | '/api/v1/index-series/KPI/values/2019'      | '{"value": "336.04"}'   || 400    | 'value'
    }

    def "only an ADMIN enters values: a finance officer reads them and is refused (403)"() {
        given:
        String name = 'index-finance'
        assert api.post('/api/v1/users', JsonOutput.toJson([username: name, displayName: name, password: "$name-password-1",
                roles: ['FINANCE'], entities: [], mustChangePassword: false])).status == 201
        String auth = AdminByDefault.basic(name, "$name-password-1")

        when:
        def read = api.exchange(HttpRequest.GET('/api/v1/index-series').header('Authorization', auth))
        def write = api.exchange(HttpRequest.PUT('/api/v1/index-series/KPI/values/2025', '{"october": "420"}')
                .contentType(MediaType.APPLICATION_JSON_TYPE).header('Authorization', auth))

        then:
        read.status == 200
        write.status == 403
        api.get('/api/v1/index-series/KPI').json.values.every { it.year != 2025 }
    }

    int count() {
        io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).connection.withCloseable { c ->
            def rs = c.createStatement().executeQuery('SELECT COUNT(*) FROM index_value')
            rs.next()
            rs.getInt(1)
        }
    }
}
