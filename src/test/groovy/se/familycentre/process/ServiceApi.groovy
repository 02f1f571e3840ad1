package se.familycentre.process

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.MessageDigest
import java.time.Duration
import java.time.LocalDate
import java.time.ZoneId

/**
 * The service's HTTP API as the process specs use it, with java.net.http (no Micronaut in the test JVM).
 * Every call goes to the process's current port, so one ServiceApi outlives a restart. Non-2xx answers are
 * returned, not thrown, so a spec can assert on them; an I/O failure (the service is gone) is thrown.
 */
class ServiceApi {

    /** Hang guard for one request. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120)

    /** An answer: status, headers, body bytes and (when it is JSON) the parsed body. */
    static class Answer {
        int status
        HttpResponse<byte[]> response
        byte[] bytes

        String getText() {
            new String(bytes, 'UTF-8')
        }

        Object getJson() {
            bytes.length == 0 ? null : new JsonSlurper().parse(bytes, 'UTF-8')
        }

        String header(String name) {
            response.headers().firstValue(name).orElse(null)
        }

        String toString() {
            String t = text
            "$status ${t.length() > 300 ? t.substring(0, 300) + '…' : t}"
        }
    }

    final ServiceProcess service
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build()

    ServiceApi(ServiceProcess service) {
        this.service = service
    }

    Answer get(String path) {
        send(HttpRequest.newBuilder(service.base.resolve(path)).GET())
    }

    Answer post(String path, String json = null, Map<String, String> headers = [:]) {
        HttpRequest.Builder b = HttpRequest.newBuilder(service.base.resolve(path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        if (json != null) {
            b.header('Content-Type', 'application/json')
        }
        headers.each { k, v -> b.header(k, v) }
        send(b)
    }

    /** The first administrator, whose password the harness gives the service (FAMILYCENTRE_ADMIN_PASSWORD). */
    static final String AUTHORIZATION = 'Basic ' + "admin:${ServiceProcess.ADMIN_PASSWORD}".bytes.encodeBase64()

    Answer send(HttpRequest.Builder builder) {
        HttpResponse<byte[]> r = http.send(builder.timeout(REQUEST_TIMEOUT).header('Authorization', AUTHORIZATION)
                .build(), HttpResponse.BodyHandlers.ofByteArray())
        new Answer(status: r.statusCode(), response: r, bytes: r.body() ?: new byte[0])
    }

    // ---- centres and entities ------------------------------------------------------------------------------

    List<Map> centres() {
        List<Map> all = []
        for (int page = 0; ; page++) {
            Answer a = get("/api/v1/centres?size=100&page=$page")
            assert a.status == 200: "centres: $a"
            List<Map> items = a.json.items as List<Map>
            all.addAll(items)
            if (items.size() < 100) {
                return all
            }
        }
    }

    /** A centre with its dated history, in the format import takes. */
    String export(long centre) {
        Answer a = get("/api/v1/centres/$centre/export")
        assert a.status == 200: "export of centre $centre: $a"
        a.text
    }

    long importCentre(String document) {
        Answer a = post('/api/v1/centres/import', document)
        assert a.status == 201: "import refused: $a"
        a.json.id as long
    }

    void registerEntity(String organisationNumber, String name) {
        Answer a = post('/api/v1/entities', JsonOutput.toJson([organisationNumber: organisationNumber, name: name]))
        assert a.status == 201: "entity $organisationNumber: $a"
    }

    // ---- statements ----------------------------------------------------------------------------------------

    Answer issue(long centre, String period) {
        post("/api/v1/centres/$centre/statements/issue?period=$period")
    }

    /** Issues and asserts 201; the issued statements as the answer gave them. */
    List<Map> issued(long centre, String period) {
        Answer a = issue(centre, period)
        assert a.status == 201: "issue of centre $centre for $period: $a"
        a.json.statements as List<Map>
    }

    Answer statement(long id) {
        get("/api/v1/statements/$id")
    }

    byte[] pdf(long id) {
        Answer a = get("/api/v1/statements/${id}.pdf")
        assert a.status == 200: "PDF of statement $id: $a"
        a.bytes
    }

    /** Every statement the list gives for the query (e.g. {@code period=2026-Q1}), page by page at the largest size. */
    List<Map> statements(String query = '') {
        List<Map> all = []
        for (int page = 0; ; page++) {
            Answer a = get("/api/v1/statements?${query ? query + '&' : ''}size=200&page=$page")
            assert a.status == 200: "statements ($query): $a"
            all.addAll(a.json.items as List<Map>)
            if (page + 1 >= (a.json.totalPages as int)) {
                return all
            }
        }
    }

    // ---- the quarterly run ---------------------------------------------------------------------------------

    Answer runQuarter(String period) {
        post("/api/v1/statements/issue?period=$period")
    }

    Map job(String location) {
        Answer a = get(location)
        assert a.status == 200: "job $location: $a"
        a.json as Map
    }

    // ---- facts about a statement ---------------------------------------------------------------------------

    /**
     * The SHA-256 the service states for a statement's PDF: {@code sha256} as the contract names it
     * ({@code pdfSha256} where the service still calls it so).
     */
    static String statedSha256(Map statement) {
        statement.containsKey('sha256') ? statement.sha256 : statement.pdfSha256
    }

    static String creditor(Map statement) {
        statement.content.creditor.organisationNumber
    }

    static String debtor(Map statement) {
        statement.content.debtor.organisationNumber
    }

    /** The sequence part of {@code 2026-0007}. */
    static int sequence(Object number) {
        (number as String).split('-')[1] as int
    }

    static String sha256(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
    }

    /** The year numbers are issued in: today's, in Sweden. */
    static int year() {
        LocalDate.now(ZoneId.of('Europe/Stockholm')).year
    }
}
