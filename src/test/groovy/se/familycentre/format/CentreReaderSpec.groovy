package se.familycentre.format

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import se.familycentre.allocation.CostLine
import se.familycentre.allocation.Indexation
import se.familycentre.allocation.Sek
import spock.lang.Specification

/**
 * The centre format on its own, without HTTP: its defaults are rules and live
 * here once; numbers are read exactly; every structural error is reported at
 * once; a key given twice is refused.
 */
class CentreReaderSpec extends Specification {

    static final String EXAMPLE_A = CentreReaderSpec.getResource('/examples/example-a.json').getText('UTF-8')

    static String exampleWith(Closure change) {
        Map doc = new JsonSlurper().parseText(EXAMPLE_A) as Map
        change(doc)
        JsonOutput.toJson(doc)
    }

    def "a service that says nothing of co-location is co-located, and shares the premises as it is co-located (#given)"() {
        when:
        def service = CentreReader.readRequest(exampleWith { it.centre.services[0] += given }).centre().services()[0]

        then:
        service.coLocated() == coLocated
        service.sharesPremises() == sharesPremises

        where:
        given                                          || coLocated | sharesPremises
        [:]                                            || true      | true
        [coLocated: false]                             || false     | false
        [coLocated: false, sharesPremises: true]       || false     | true
        [coLocated: true, sharesPremises: false]       || true      | false
    }

    def "a coordinator without an FTE works full time"() {
        when:
        def coordinator = CentreReader.readRequest(exampleWith { it.centre.coordinators[0].remove('ftePercent') })
                .centre().coordinators()[0]

        then:
        coordinator.ftePercent() == 100
    }

    def "an entity without payment terms is paid within #days days"() {
        when:
        def doc = CentreReader.readImport(exampleWith { it.centre.entities[0] += given }).document()

        then:
        doc.detailsOf(doc.centre().entities()[0].organisationNumber()).paymentTerms() == days

        where:
        given                          || days
        [:]                            || CentreDocument.DEFAULT_PAYMENT_TERMS_DAYS
        [invoiceAddress: 'Box 1']      || 30
        [paymentTermsDays: 45]         || 45
    }

    def "numbers are read exactly from their text: #text"() {
        when:
        String body = exampleWith { it.centre.costLines[0].amount = '@' }.replace('"@"', text)
        def line = CentreReader.readRequest(body).centre().costLines()[0]

        then:
        Sek.decimal(line.amount()) == new BigDecimal(expected)

        where:
        text                     || expected
        '0.1'                    || '0.1'
        '"1234567.8912"'         || '1234567.8912'
        '100000000000000.01'     || '100000000000000.01'
    }

    def "every structural error is reported at once, each under its path"() {
        when:
        CentreReader.readRequest(exampleWith {
            it.centre.services[0].type = 'MIDWIFE'
            it.centre.rooms[0].area = 'lots'
            it.centre.costLines[1].colour = 'blue'
        })

        then:
        def e = thrown(FormatException)
        e.kind() == FormatException.Kind.MALFORMED
        e.errors()*.field() as Set == ['centre.services[0].type', 'centre.rooms[0].area', 'centre.costLines[1].colour'] as Set
    }

    def "a key given twice is refused, never silently the last one"() {
        when:
        CentreReader.readRequest('{"period": "2025-Q1", "period": "2025-Q2", "centre": {}}')

        then:
        def e = thrown(FormatException)
        e.errors()[0].reason().contains('Duplicate field')
    }

    def "a part read on its own lacks what the rules need: #field"() {
        when:
        PartReader.read(body, kind, null)

        then:
        def e = thrown(FormatException)
        e.kind() == FormatException.Kind.INCOMPLETE
        e.errors()*.field() == [field]

        where:
        kind                   | body                                                         || field
        PartKind.SERVICES      | '{"id": "bvc"}'                                              || 'type'
        PartKind.ROOMS         | '{"id": "wc", "type": "STAFF_TOILET"}'                       || 'area'
        PartKind.COST_LINES    | '{"id": "fika", "pool": "JOINT"}'                            || 'pool, periodicity and amount'
        PartKind.COORDINATORS  | '{"id": "s", "employer": "bvc"}'                             || 'employer, monthlySalary and onCostPercent'
    }

    // ---- indexation (RULES §3) --------------------------------------------------------------

    static final String EXAMPLE_E = CentreReaderSpec.getResource('/examples/example-e.json').getText('UTF-8')

    static String exampleEWith(Closure change) {
        Map doc = new JsonSlurper().parseText(EXAMPLE_E) as Map
        change(doc)
        JsonOutput.toJson(doc)
    }

    def "an indexation clause that gives only its base year indexes the whole amount by KPI with the floor on"() {
        when:
        def clause = CentreReader.readRequest(exampleEWith { it.centre.costLines[0].indexation = [baseYear: 2021] })
                .centre().costLines()[0].indexation()

        then:
        clause == new Indexation('KPI', 2021, new BigDecimal(100), true)
        CentreReader.readRequest(exampleEWith { it.centre.costLines[0].indexation = null }).centre().costLines()[0]
                .indexation() == null
    }

    def "the writer writes a line's indexation back, every part of it, and the reader reads the same clause (#clause)"() {
        given:
        Map centre = (new JsonSlurper().parseText(exampleEWith { it.centre.costLines[0].indexation = clause }) as Map).centre as Map
        def doc = CentreReader.readCentre(JsonOutput.toJson(centre))

        when:
        Map written = CentreWriter.document(doc)
        def again = CentreReader.readCentre(JsonOutput.toJson(written))

        then:
        written.costLines[0].indexation == expected
        again.centre().costLines()*.indexation() == doc.centre().costLines()*.indexation()
        !written.costLines[1].containsKey('indexation')

        where:
        clause                                                           || expected
        [baseYear: 2021]                                                 || [series: 'KPI', baseYear: 2021, share: '100', floor: true]
        [series: 'Hyresindex', baseYear: 2019, share: 75.5, floor: false] || [series: 'Hyresindex', baseYear: 2019, share: '75.5', floor: false]
    }

    def "what is read to be stored keeps a line's indexation: an import and a cost line part"() {
        expect:
        CentreReader.readImport(EXAMPLE_E).document().centre().costLines()[0].indexation() ==
                new Indexation('KPI', 2021, 100.toBigDecimal(), true)
        (PartReader.read('{"id": "rent", "pool": "PREMISES", "payer": "ÖF", "periodicity": "YEAR", "amount": 129600, '
                + '"indexation": {"baseYear": 2021, "share": 50}}', PartKind.COST_LINES, null).value() as CostLine)
                .indexation() == new Indexation('KPI', 2021, 50.toBigDecimal(), true)
        CentreReader.readImport(EXAMPLE_A).document().centre().costLines().every { it.indexation() == null }
    }

    def "a malformed indexation clause is a 400 under its path: #what"() {
        when:
        CentreReader.readRequest(exampleEWith { it.centre.costLines[0].indexation = clause })

        then:
        def e = thrown(FormatException)
        e.kind() == FormatException.Kind.MALFORMED
        e.errors().collect { [it.field(), it.reason()] } == [[field, reason]]

        where:
        what                         | clause                               || field                                           | reason
        'an unknown property'        | [baseYear: 2021, sharePercent: 75]   || 'centre.costLines[0].indexation.sharePercent'   | 'is not a known property; known here: baseYear, floor, series, share'
        'no base year'               | [series: 'KPI']                      || 'centre.costLines[0].indexation.baseYear'       | 'is required: the year whose price level the amounts are in'
        'a base year as a string'    | [baseYear: '2021']                   || 'centre.costLines[0].indexation.baseYear'       | 'must be a year written as a whole number of four digits such as 2021, was the string "2021"'
        'a base year with decimals'  | [baseYear: 2021.5]                   || 'centre.costLines[0].indexation.baseYear'       | 'must be a year written as a whole number of four digits such as 2021, was the number 2021.5'
        'a base year of five digits' | [baseYear: 20210]                    || 'centre.costLines[0].indexation.baseYear'       | 'must be a year written as a whole number of four digits such as 2021, was the number 20210'
        'a share that is no number'  | [baseYear: 2021, share: 'all']       || 'centre.costLines[0].indexation.share'          | 'must be a decimal number (a JSON number or a string such as "45225.00"), was the string "all"'
        'a floor that is no boolean' | [baseYear: 2021, floor: 'yes']       || 'centre.costLines[0].indexation.floor'          | 'must be true or false, was the string "yes"'
        'a series that is no string' | [baseYear: 2021, series: 42]         || 'centre.costLines[0].indexation.series'         | 'must be a string, was the number 42'
        'a clause that is no object' | 'KPI'                                || 'centre.costLines[0].indexation'                | 'must be a JSON object, was the string "KPI"'
    }

    def "the index series format: the shipped reference data reads, and #what is refused under #field"() {
        when:
        IndexSeriesReader.read(body)

        then:
        def e = thrown(FormatException)
        e.kind() == kind
        e.errors()*.field() == [field]

        where:
        what                      | body                                                                                      || kind                                   | field
        'an unknown property'     | '{"series": [{"name": "KPI", "octoberValues": {}, "base": 1980}]}'                        || FormatException.Kind.MALFORMED         | 'series[0].base'
        'a year of two digits'    | '{"series": [{"name": "KPI", "octoberValues": {"23": 409.07}}]}'                          || FormatException.Kind.MALFORMED         | 'series[0].octoberValues.23'
        'a value that is no number' | '{"series": [{"name": "KPI", "octoberValues": {"2023": "hög"}}]}'                       || FormatException.Kind.MALFORMED         | 'series[0].octoberValues.2023'
        'a series without a name' | '{"series": [{"octoberValues": {"2023": 409.07}}]}'                                       || FormatException.Kind.MALFORMED         | 'series[0].name'
        'a value of 0'            | '{"series": [{"name": "KPI", "octoberValues": {"2022": 384.04, "2023": 0}}]}'             || FormatException.Kind.OUT_OF_BOUNDS     | 'series[0].octoberValues.2023'
        'a name given twice'      | '{"series": [{"name": "KPI", "octoberValues": {}}, {"name": "KPI", "octoberValues": {}}]}' || FormatException.Kind.OUT_OF_BOUNDS     | 'series[1].name'
    }

    def "the shipped reference data is read exactly: KPI's October values 2018–2023"() {
        when:
        def kpi = IndexSeriesReader.reference().series('KPI')

        then:
        kpi.octoberValues() == [2018: new BigDecimal('330.72'), 2019: new BigDecimal('336.04'),
                                2020: new BigDecimal('336.97'), 2021: new BigDecimal('346.44'),
                                2022: new BigDecimal('384.04'), 2023: new BigDecimal('409.07')]
        IndexSeriesReader.read(CentreReaderSpec.getResource(IndexSeriesReader.REFERENCE).getText('UTF-8')) == IndexSeriesReader.reference()
    }
}
