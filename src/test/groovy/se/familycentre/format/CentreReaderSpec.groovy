package se.familycentre.format

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
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
}
