package se.familycentre.web.api

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import se.familycentre.centre.FixtureLoader
import se.familycentre.invoicing.StatementApi
import spock.lang.Specification

import static se.familycentre.invoicing.StatementApi.orgNo

/**
 * A legal entity's invoicing data (issue 10): payment numbers checked to the check digit, the VAT
 * rules of RULES §5, contact, PEPPOL endpoint and posting accounts with BAS defaults; each refusal a
 * 422 naming the field, and nothing written.
 */
@MicronautTest(transactional = false)
class EntityInvoicingSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    FixtureLoader fixtures

    StatementApi getApi() {
        new StatementApi(http)
    }

    StatementApi.Answer create(Map invoicing, String org = orgNo()) {
        api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: org, name: 'Exempelkommun',
                invoicing: invoicing]))
    }

    def "an entity without invoicing data is VAT outside scope with the BAS default accounts"() {
        when:
        def a = api.post('/api/v1/entities', JsonOutput.toJson([organisationNumber: orgNo(), name: 'Utan uppgifter']))

        then:
        a.status == 201
        a.json.invoicing.vatTreatment == 'OUTSIDE_SCOPE'
        a.json.invoicing.accounts == [receivable: '1510', revenue: '3990', cost: '6990', payable: '2440',
                                      vatOutput: '2611', vatInput: '2641']
    }

    def "valid data is stored as printed: hyphenated giro numbers, IBAN in groups, the PEPPOL endpoint by organisationsnummer"() {
        given:
        String org = orgNo()

        when:
        def a = create([bankgiro: '50501089', plusgiro: '4682316', iban: 'se4550000000058398257466', bic: 'ESSESESS',
                        vatNumber: "SE${org.replace('-', '')}01", vatTreatment: 'STANDARD',
                        contact: [name: 'Eva Ek', email: 'eva.ek@example.se', phone: '031-10 20 30'],
                        accounts: [revenue: '3590']], org)

        then:
        a.status == 201
        a.json.invoicing.bankgiro == '5050-1089'
        a.json.invoicing.plusgiro == '468231-6'
        a.json.invoicing.iban == 'SE45 5000 0000 0583 9825 7466'
        a.json.invoicing.peppol == [scheme: '0007', id: org.replace('-', '')]
        a.json.invoicing.accounts.revenue == '3590'
        a.json.invoicing.accounts.receivable == '1510'
        api.get("/api/v1/entities/$org").json.invoicing == a.json.invoicing
    }

    def "#what is refused with 422 naming #field, and no entity is registered"() {
        given:
        String org = orgNo()

        when:
        def a = create(invoicing, org)

        then:
        a.status == 422
        a.json.errors*.field.contains(field)
        api.get("/api/v1/entities/$org").status == 404

        where:
        what                                  | invoicing                                                         || field
        'a bankgiro with a wrong check digit' | [bankgiro: '5050-1088']                                           || 'invoicing.bankgiro'
        'a plusgiro with a wrong check digit' | [plusgiro: '46 82 31-5']                                          || 'invoicing.plusgiro'
        'an IBAN with wrong check digits'     | [iban: 'SE46 5000 0000 0583 9825 7466', bic: 'ESSESESS']          || 'invoicing.iban'
        'an IBAN without a BIC'               | [iban: 'SE45 5000 0000 0583 9825 7466']                           || 'invoicing.bic'
        "another entity's VAT number"        | [vatNumber: 'SE212000154601', vatTreatment: 'STANDARD']            || 'invoicing.vatNumber'
        'STANDARD without a VAT number'       | [vatTreatment: 'STANDARD']                                        || 'invoicing.vatNumber'
        'EXEMPT without a reason'             | [vatTreatment: 'EXEMPT', vatNumber: 'SE212000154601']             || 'invoicing.vatReason'
        'a reason with STANDARD'              | [vatTreatment: 'STANDARD', vatReason: 'x']                        || 'invoicing.vatReason'
        'an e-mail without a domain'          | [contact: [email: 'eva.ek']]                                      || 'invoicing.contact.email'
        'a PEPPOL id that is no orgnr'        | [peppol: [scheme: '0007', id: '1234567890']]                      || 'invoicing.peppol.id'
        'an account that is not BAS'          | [accounts: [cost: '69']]                                          || 'invoicing.accounts.cost'
    }

    def "an unknown property or VAT treatment is a 400"() {
        expect:
        create([bankgiro: '5050-1089', swish: '123']).status == 400
        create([vatTreatment: 'ZERO']).status == 400
    }

    def "an update without invoicing keeps it; with invoicing replaces it"() {
        given:
        String org = orgNo()
        def created = create([bankgiro: '5050-1089'], org)
        String etag = created.header('ETag')

        when:
        def kept = api.put("/api/v1/entities/$org", JsonOutput.toJson([organisationNumber: org, name: 'Nytt namn']),
                ['If-Match': etag])
        def replaced = api.put("/api/v1/entities/$org", JsonOutput.toJson([organisationNumber: org, name: 'Nytt namn',
                invoicing: [plusgiro: '4682316']]), ['If-Match': kept.header('ETag')])

        then:
        kept.status == 200
        kept.json.invoicing.bankgiro == '5050-1089'
        replaced.status == 200
        replaced.json.invoicing.bankgiro == null
        replaced.json.invoicing.plusgiro == '468231-6'
    }

    def "the fixtures' registry gives every fixture entity realistic invoicing data"() {
        when:
        fixtures.loadIfEmpty()
        Map<String, Map> byOrg = api.get('/api/v1/entities?size=100').json.items.collectEntries { [(it.organisationNumber): it] }

        then:
        ['232100-0131', '212000-1355', '212000-1512', '212000-1546', '559321-0049'].every { byOrg[it]?.invoicing?.bankgiro }
        byOrg['232100-0131'].invoicing.vatTreatment == 'OUTSIDE_SCOPE'
        byOrg['212000-1546'].invoicing.vatTreatment == 'EXEMPT'
        byOrg['559321-0049'].invoicing.vatTreatment == 'STANDARD'
        byOrg['559321-0049'].invoicing.vatNumber == 'SE559321004901'

        and: 'the names and addresses stay the documents\', so a fixture imports again against the registered entities'
        api.post('/api/v1/centres/import', new File('fixtures/solrosen-goteborg.json').getText('UTF-8')).status == 201
    }
}
