package se.familycentre.access

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import javax.sql.DataSource
import se.familycentre.invoicing.StatementApi
import se.familycentre.web.AdminByDefault
import spock.lang.Specification

/**
 * Signing in (issue 9): the first administrator, the session cookie and its flags, signing out,
 * the password change a new user must make, the lockout after repeated failures, the refusal of
 * cross-site requests carried by the cookie, and the headers and size limit of every answer.
 */
@MicronautTest(transactional = false)
class SignInSpec extends Specification {

    static final String PREFIX = 'urn:problem:family-centre:'

    @Inject
    @Client('/')
    HttpClient http

    @Inject
    DataSource dataSource

    @Inject
    Accounts accounts

    StatementApi getApi() {
        new StatementApi(http)
    }

    StatementApi.Answer signIn(String user, String password) {
        api.exchange(HttpRequest.POST('/api/v1/session', JsonOutput.toJson([username: user, password: password]))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(AdminByDefault.ANONYMOUS, 'yes'))
    }

    static String cookie(StatementApi.Answer a) {
        a.response.headers.getAll('Set-Cookie').find { it.startsWith('FC_SESSION=') }
    }

    StatementApi.Answer withCookie(String setCookie, String method, String path, Map<String, String> headers = [:]) {
        String value = setCookie.substring(0, setCookie.indexOf(';'))
        def request = method == 'GET' ? HttpRequest.GET(path)
                : HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path).body('{}')
                .contentType(MediaType.APPLICATION_JSON_TYPE)
        request.header('Cookie', value)
        headers.each { k, v -> request.header(k, v) }
        api.exchange(request)
    }

    String newUser(String name, boolean mustChange = false) {
        String password = "$name-password-1"
        def a = api.post('/api/v1/users', JsonOutput.toJson([username: name, displayName: name, password: password,
                roles: ['FINANCE'], entities: [], mustChangePassword: mustChange]))
        assert a.status == 201: "$a"
        password
    }

    def "the first start made the administrator with the configured password; the hash is BCrypt, never the password"() {
        expect:
        accounts.byUsername('admin').get().roles() == [Role.ADMIN] as Set
        String hash = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).connection.withCloseable { c ->
            def rs = c.createStatement().executeQuery("SELECT password_hash FROM app_user WHERE username = 'admin'")
            rs.next()
            rs.getString(1)
        }
        hash.startsWith('$2a$')
        !hash.contains(AdminByDefault.PASSWORD)

        when: 'a second start finds a user and creates none'
        accounts.ensureAdministrator()

        then:
        accounts.list().count { it.username() == 'admin' } == 1
    }

    def "signing in sets an HttpOnly SameSite=Strict cookie that acts as the user until signing out"() {
        given:
        String password = newUser('cookie-user')

        when:
        def a = signIn('cookie-user', password)
        String c = cookie(a)

        then:
        a.status == 200
        a.json.username == 'cookie-user'
        c.toLowerCase().contains('httponly')
        c.contains('SameSite=Strict')
        !c.contains('Secure')   // plain HTTP here; over TLS the cookie is Secure
        withCookie(c, 'GET', '/api/v1/session').json.username == 'cookie-user'

        when:
        def out = withCookie(c, 'DELETE', '/api/v1/session', [Origin: "http://$ctxHost".toString()])

        then:
        out.status == 204
        withCookie(c, 'GET', '/api/v1/session').status == 401
    }

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server

    String getCtxHost() {
        "${server.host}:${server.port}"
    }

    def "a state-changing request with the cookie is refused without this service's Origin or Referer"() {
        given:
        String c = cookie(signIn('admin', AdminByDefault.PASSWORD))
        int usersBefore = accounts.list().size()
        String body = JsonOutput.toJson([username: 'csrf-victim', displayName: 'x', password: 'csrf-victim-password',
                roles: ['FINANCE']])

        when:
        def none = api.exchange(HttpRequest.POST('/api/v1/users', body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header('Cookie', c.substring(0, c.indexOf(';'))))
        def foreign = api.exchange(HttpRequest.POST('/api/v1/users', body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header('Cookie', c.substring(0, c.indexOf(';'))).header('Origin', 'https://evil.example'))

        then:
        none.status == 403
        none.json.type == PREFIX + 'cross-site-request'
        foreign.status == 403
        accounts.list().size() == usersBefore

        when:
        def own = api.exchange(HttpRequest.POST('/api/v1/users', body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header('Cookie', c.substring(0, c.indexOf(';'))).header('Origin', "http://$ctxHost"))

        then:
        own.status == 201
    }

    def "a new user must change the password before anything else"() {
        given:
        String password = newUser('new-user', true)
        String c = cookie(signIn('new-user', password))

        expect:
        withCookie(c, 'GET', '/api/v1/centres').status == 403
        withCookie(c, 'GET', '/api/v1/centres').json.type == PREFIX + 'password-change-required'
        api.exchange(HttpRequest.GET('/api/v1/centres').header('Authorization', AdminByDefault.basic('new-user', password)))
                .json.type == PREFIX + 'password-change-required'

        when:
        def changed = api.exchange(HttpRequest.PUT('/api/v1/session/password', JsonOutput.toJson(
                [currentPassword: password, newPassword: 'a-much-better-password']))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header('Cookie', c.substring(0, c.indexOf(';')))
                .header('Origin', "http://$ctxHost"))
        String renewed = cookie(changed)

        then:
        changed.status == 200
        withCookie(renewed, 'GET', '/api/v1/centres').status == 200
        withCookie(c, 'GET', '/api/v1/centres').status == 401
    }

    def "a password shorter than 12 characters is refused, naming the field"() {
        when:
        def a = api.post('/api/v1/users', JsonOutput.toJson([username: 'short', displayName: 'x', password: 'short',
                roles: ['FINANCE']]))

        then:
        a.status == 422
        a.json.errors*.field == ['password']
    }

    def "five wrong passwords lock the account: 429 with Retry-After, for sign-in and for Basic, even with the right one"() {
        given:
        String password = newUser('locked-user')

        when:
        def wrong = (1..5).collect { signIn('locked-user', 'wrong-password-x') }
        def right = signIn('locked-user', password)
        def basic = api.exchange(HttpRequest.GET('/api/v1/centres')
                .header('Authorization', AdminByDefault.basic('locked-user', password)))

        then:
        wrong*.status == [401] * 5
        right.status == 429
        right.json.type == PREFIX + 'locked-out'
        right.header('Retry-After') as int > 0
        basic.status == 429
        basic.header('Retry-After') as int > 0
        def events = api.get('/api/v1/audit?size=20').json.items
        events.count { it.action == 'SIGN_IN_FAILED' && it.by == 'locked-user' } >= 6
    }

    def "every answer says nosniff, a same-origin CSP without framing, and the API no-store"() {
        when:
        def api1 = api.get('/api/v1/centres')
        def health = api.exchange(HttpRequest.GET('/health').header(AdminByDefault.ANONYMOUS, 'y'))
        def refused = api.exchange(HttpRequest.GET('/api/v1/centres').header(AdminByDefault.ANONYMOUS, 'y'))

        then:
        [api1, health, refused].every {
            it.header('X-Content-Type-Options') == 'nosniff' &&
                    it.header('Content-Security-Policy').contains("default-src 'self'") &&
                    it.header('Content-Security-Policy').contains("frame-ancestors 'none'") &&
                    it.header('Referrer-Policy')
        }
        api1.header('Cache-Control') == 'no-store'
        refused.status == 401
        refused.header('WWW-Authenticate').contains('Basic')
    }

    def "a body over the configured size is a 413 problem"() {
        when:
        def a = api.post('/api/v1/allocations', '{"x":"' + 'a' * (3 * 1024 * 1024) + '"}')

        then:
        a.status == 413
        a.header('Content-Type').startsWith('application/problem+json')
    }
}
