package se.familycentre.web.api

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.invoicing.StatementApi
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.exampleA
import static se.familycentre.invoicing.StatementApi.orgNo

/**
 * Control characters (C0 U+0000–U+001F, DEL and C1 U+007F–U+009F) in any text the centre format
 * or the entity resource reads are refused with a 422 invalid-value naming the field, and nothing
 * is written. An invoice address alone may run over lines separated by a line feed.
 */
@MicronautTest(transactional = false)
class ControlCharacterSpec extends Specification {

    static final String INVALID_VALUE = 'urn:problem:family-centre:invalid-value'

    @Inject
    @Client('/')
    HttpClient http

    StatementApi getApi() {
        new StatementApi(http)
    }

    /** Example A on entities of its own, as a mutable map. */
    static Map example(String region = orgNo(), String municipality = orgNo()) {
        new JsonSlurper().parseText(exampleA(region, municipality)) as Map
    }

    int centreCount() {
        def a = api.get('/api/v1/centres?size=1')
        assert a.status == 200
        a.json.totalItems as int
    }

    boolean refused(StatementApi.Answer a, String field) {
        assert a.status == 422: "$a"
        assert a.header('Content-Type').startsWith('application/problem+json')
        assert a.json.type == INVALID_VALUE
        assert a.json.errors*.field == [field]: "$a"
        assert a.json.errors[0].reason.contains('control character')
        true
    }

    def "an import with #what in #field is 422 naming the field, and nothing is stored"() {
        given:
        Map doc = example()
        change(doc.centre as Map, text)
        int centres = centreCount()

        when:
        def a = api.post('/api/v1/centres/import', JsonOutput.toJson(doc))

        then:
        refused(a, field)
        a.json.errors[0].reason.contains(String.format('U+%04X', (int) text.toCharArray().find { it < 0x20 || (it >= 0x7F && it <= 0x9F) }))

        and: 'no centre and none of its entities were stored'
        centreCount() == centres
        doc.centre.entities.every { api.get("/api/v1/entities/${it.organisationNumber}").status == 404 }

        where:
        what                 | text                     | field                                   | change
        'a NUL'              | 'Solen\u0000'            | 'centre.name'                           | { Map c, String t -> c.name = t }
        'a tab'              | 'BVC\tNorr'              | 'centre.services[1].name'               | { Map c, String t -> c.services[1].name = t }
        'an escape'          | '\u001B[31mHyra'         | 'centre.costLines[0].name'              | { Map c, String t -> c.costLines[0].name = t }
        'a line feed'        | 'Städ\nning'             | 'centre.costLines[1].name'              | { Map c, String t -> c.costLines[1].name = t }
        'a carriage return'  | 'Konferens\r'            | 'centre.rooms[2].name'                  | { Map c, String t -> c.rooms[2].name = t }
        'a DEL'              | 'Regionen\u007F'         | 'centre.entities[0].name'               | { Map c, String t -> c.entities[0].name = t }
        'a C1 NEL'           | 'Kommunen\u0085'         | 'centre.entities[1].name'               | { Map c, String t -> c.entities[1].name = t }
        'a C1 CSI'           | 'Ref\u009B'              | 'centre.entities[0].invoiceReference'   | { Map c, String t -> c.entities[0].invoiceReference = t }
        'a carriage return'  | 'Box 1\r\nGöteborg'      | 'centre.entities[0].invoiceAddress'     | { Map c, String t -> c.entities[0].invoiceAddress = t }
        'a bell'             | 'KST\u0007 12'           | 'centre.services[0].costReference'      | { Map c, String t -> c.services[0].costReference = t }
        'a vertical tab'     | 'Samordnare\u000B'       | 'centre.coordinators[0].name'           | { Map c, String t -> c.coordinators[0].name = t }
        'a form feed'        | 'Göteborg\f'             | 'centre.municipality'                   | { Map c, String t -> c.municipality = t }
        'a backspace'        | 'LÖK 2025\b'             | 'centre.localAgreement.reference'       | { Map c, String t -> c.localAgreement = [reference: t] }
    }

    def "an invoice address may keep line feeds between its lines: import and entity create store it as given"() {
        given:
        Map doc = example()
        doc.centre.entities[0].invoiceAddress = 'Västra Götalandsregionen\nFakturaservice\nBox 1000\n405 44 Göteborg'
        String entity = orgNo()

        when:
        def imported = api.post('/api/v1/centres/import', JsonOutput.toJson(doc))
        def created = api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: entity, name: 'Kommunen',
                                                                      invoiceAddress    : 'Kommunen\nBox 2\n411 01 Göteborg']))

        then:
        imported.status == 201
        api.get("/api/v1/entities/${doc.centre.entities[0].organisationNumber}").json.invoiceAddress ==
                'Västra Götalandsregionen\nFakturaservice\nBox 1000\n405 44 Göteborg'
        created.status == 201
        api.get("/api/v1/entities/${entity}").json.invoiceAddress == 'Kommunen\nBox 2\n411 01 Göteborg'
    }

    def "a part's #field with a control character is 422 on PUT and POST naming #field, and nothing is written"() {
        given:
        long centre = api.importCentre(JsonOutput.toJson(example()))
        String path = "/api/v1/centres/$centre/$kind"
        def current = api.get("$path/$key")
        assert current.status == 200
        Map part = current.json as Map

        when: 'the part is updated'
        def put = api.put("$path/$key", JsonOutput.toJson(part + [(field): text]), ['If-Match': current.header('ETag')])

        then:
        refused(put, field)
        api.get("$path/$key").text == current.text
        api.get("$path/$key").header('ETag') == current.header('ETag')

        when: 'a new part is added with it'
        def post = api.post(path, JsonOutput.toJson(part + [id: 'new-one', (field): text]))

        then:
        refused(post, field)
        api.get("$path/new-one").status == 404

        where:
        kind           | key           | field           | text
        'services'     | 'BMM'         | 'name'          | 'Barnmorske\u0000mottagning'
        'services'     | 'BVC'         | 'costReference' | 'KST\t4711'
        'rooms'        | 'conference'  | 'name'          | 'Konferens\u0085rum'
        'cost-lines'   | 'rent'        | 'name'          | '=cmd\r'
        'coordinators' | 'coordinator' | 'name'          | 'Samordnare\u001F'
    }

    def "a centre profile whose name has a control character is 422 on create and update, and nothing is written"() {
        given:
        long centre = api.importCentre(JsonOutput.toJson(example()))
        def current = api.get("/api/v1/centres/$centre")
        int centres = centreCount()

        when:
        def created = api.post('/api/v1/centres', JsonOutput.toJson([name: 'Ny\u0007central']))
        def updated = api.put("/api/v1/centres/$centre", JsonOutput.toJson([name: 'Nytt\u009Cnamn', rules: current.json.rules]),
                ['If-Match': current.header('ETag')])

        then:
        refused(created, 'name')
        refused(updated, 'name')
        centreCount() == centres
        api.get("/api/v1/centres/$centre").text == current.text
    }

    def "an entity with a control character in #field is 422 on create and update naming it, and nothing is written"() {
        given:
        String number = orgNo()
        Map body = [organisationNumber: number, name: 'Familjeföretaget AB', invoiceAddress: 'Box 3\n412 01 Göteborg',
                    invoiceReference  : 'Ref 1']

        when:
        def created = api.post('/api/v1/entities', JsonOutput.toJson(body + [(field): text]))

        then:
        refused(created, field)
        api.get("/api/v1/entities/$number").status == 404

        when: 'registered as it should be, then updated with the control character'
        assert api.post('/api/v1/entities', JsonOutput.toJson(body)).status == 201
        def current = api.get("/api/v1/entities/$number")
        def updated = api.put("/api/v1/entities/$number", JsonOutput.toJson(body + [(field): text]),
                ['If-Match': current.header('ETag')])

        then:
        refused(updated, field)
        api.get("/api/v1/entities/$number").text == current.text

        where:
        field              | text
        'name'             | 'Familje\u001Bföretaget'
        'name'             | 'Familjeföretaget\nAB'
        'invoiceAddress'   | 'Box 3\r\n412 01 Göteborg'
        'invoiceAddress'   | 'Box 3\t412 01'
        'invoiceReference' | 'Ref\u0080'
    }

    def "a control character and an invalid organisationsnummer are refused together in one 422"() {
        when:
        def a = api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: '556600-0000', name: 'A\u0000B']))

        then:
        a.status == 422
        a.json.type == INVALID_VALUE
        a.json.errors*.field as Set == ['name', 'organisationNumber'] as Set
    }
}
