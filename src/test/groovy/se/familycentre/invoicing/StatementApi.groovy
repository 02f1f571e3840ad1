package se.familycentre.invoicing

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import java.time.LocalDate
import java.time.ZoneId
import java.util.concurrent.atomic.AtomicInteger
import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper

/**
 * The statement API as the invoicing specs use it: import a centre, read drafts,
 * issue, credit, list and download, with every answer as status and parsed body.
 * Non-2xx answers are returned, not thrown, so a spec can assert on them.
 */
class StatementApi {

    static final String EXAMPLE_A = StatementApi.getResource('/examples/example-a.json').getText('UTF-8')
    static final String REGION = '232100-0131'
    static final String MUNICIPALITY = '212000-1561'
    static final String Q1 = '2025-Q1'

    /** An answer: status, headers and the body as text and as parsed JSON (when it is JSON). */
    static class Answer {
        int status
        HttpResponse<?> response
        String text
        byte[] bytes

        Object getJson() {
            text ? new JsonSlurper().parseText(text) : null
        }

        String header(String name) {
            response.header(name)
        }

        String toString() {
            "$status $text"
        }
    }

    final HttpClient client

    StatementApi(HttpClient client) {
        this.client = client
    }

    Answer exchange(MutableHttpRequest<?> request) {
        try {
            HttpResponse<byte[]> r = client.toBlocking().exchange(request, byte[])
            byte[] body = r.body() ?: new byte[0]
            new Answer(status: r.status.code, response: r, bytes: body, text: new String(body, 'UTF-8'))
        } catch (HttpClientResponseException e) {
            byte[] body = e.response.getBody(byte[]).orElse(new byte[0])
            new Answer(status: e.status.code, response: e.response, bytes: body, text: new String(body, 'UTF-8'))
        }
    }

    Answer get(String path) {
        exchange(HttpRequest.GET(path))
    }

    Answer post(String path, String body = '', Map<String, String> headers = [:]) {
        def request = HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)
        headers.each { k, v -> request.header(k, v) }
        exchange(request)
    }

    Answer put(String path, String body, Map<String, String> headers = [:]) {
        def request = HttpRequest.PUT(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)
        headers.each { k, v -> request.header(k, v) }
        exchange(request)
    }

    /** Imports a request document {@code {"period","centre"}}; returns the new centre's id. */
    long importCentre(String document) {
        Answer a = post('/api/v1/centres/import', document)
        assert a.status == 201: "import refused: $a"
        a.json.id as long
    }

    Map drafts(long centre, String period = Q1) {
        Answer a = get("/api/v1/centres/$centre/statements?period=$period")
        assert a.status == 200: "drafts refused: $a"
        a.json as Map
    }

    Answer issue(long centre, String period = Q1, String key = null) {
        post("/api/v1/centres/$centre/statements/issue?period=$period", '', key == null ? [:] : ['Idempotency-Key': key])
    }

    /** Issues and asserts 201; the issued statements. */
    List<Map> issued(long centre, String period = Q1) {
        Answer a = issue(centre, period)
        assert a.status == 201: "issue refused: $a"
        a.json.statements as List<Map>
    }

    Answer credit(long statement) {
        post("/api/v1/statements/$statement/credit")
    }

    Answer credit(long statement, String reason) {
        post("/api/v1/statements/$statement/credit", groovy.json.JsonOutput.toJson([reason: reason]))
    }

    Map statement(long id) {
        Answer a = get("/api/v1/statements/$id")
        assert a.status == 200: "statement $id: $a"
        a.json as Map
    }

    /** Every statement the list gives for the query, page by page. */
    List<Map> list(String query) {
        List<Map> all = []
        for (int page = 0; ; page++) {
            Answer a = get("/api/v1/statements?${query ? query + '&' : ''}size=200&page=$page")
            assert a.status == 200: "list refused: $a"
            all.addAll(a.json.items as List<Map>)
            if (page + 1 >= (a.json.totalPages as int)) {
                return all
            }
        }
    }

    /** The text of a PDF with no-break and thin spaces made plain spaces. */
    static String pdfText(byte[] pdf) {
        Loader.loadPDF(pdf).withCloseable { doc -> normalise(new PDFTextStripper().getText(doc)) }
    }

    static String normalise(String text) {
        text.replaceAll('[\u00A0\u202F\u2007\u2009]', ' ')
    }

    /** {@code 111592.85} as Swedish print: {@code 111 592,85}, a negative amount with U+2212. */
    static String swedish(String amount) {
        BigDecimal v = new BigDecimal(amount).setScale(2)
        String plain = v.abs().toPlainString()
        String whole = plain.substring(0, plain.indexOf('.'))
        String grouped = whole.reverse().toList().collate(3)*.join('').join(' ').reverse()
        (v.signum() < 0 ? '\u2212' : '') + grouped + ',' + plain.substring(plain.indexOf('.') + 1)
    }

    static BigDecimal sek(Object amount) {
        new BigDecimal((amount as Map).amount as String)
    }

    /** The year numbers are issued in: today's, in Sweden. */
    static int year() {
        LocalDate.now(ZoneId.of('Europe/Stockholm')).year
    }

    static Map between(List<Map> statements, String creditor, String debtor) {
        statements.find {
            it.content.creditor.organisationNumber == creditor && it.content.debtor.organisationNumber == debtor
        } as Map
    }

    /** The sequence part of {@code 2025-0007}. */
    static int sequence(String number) {
        number.split('-')[1] as int
    }

    // ---- fresh organisationsnummer --------------------------------------------

    static final AtomicInteger SEQUENCE = new AtomicInteger(0)

    /** The Luhn check digit of RULES §1 appended to a nine-digit prefix, hyphenated. */
    static String luhn(String nine) {
        se.familycentre.allocation.OrganisationNumber.withCheckDigit(nine).value()
    }

    /** A valid organisationsnummer not used before in this JVM. */
    static String orgNo() {
        luhn(String.valueOf(556600000 + SEQUENCE.incrementAndGet()))
    }

    /** Example A with the region and the municipality replaced by the given entities. */
    static String exampleA(String region = REGION, String municipality = MUNICIPALITY) {
        EXAMPLE_A.replace(REGION, region).replace(MUNICIPALITY, municipality)
    }

    /**
     * Example A with the municipality's services (and entity) listed first: the centre's entities
     * follow its services, so its statements come creditor by creditor in the other order.
     */
    static String exampleAMunicipalityFirst(String region, String municipality) {
        Map doc = new JsonSlurper().parseText(exampleA(region, municipality)) as Map
        doc.centre.entities = (doc.centre.entities as List).reverse()
        List services = doc.centre.services as List
        doc.centre.services = services.findAll { it.entity == municipality } + services.findAll { it.entity == region }
        JsonOutput.toJson(doc)
    }
}
