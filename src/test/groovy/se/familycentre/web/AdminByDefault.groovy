package se.familycentre.web

import io.micronaut.http.HttpHeaders
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.annotation.ClientFilter
import io.micronaut.http.annotation.RequestFilter

/**
 * The specs' HTTP client signs in as the first administrator (HTTP Basic) unless a request brings
 * its own credentials (Authorization or a session cookie) or asks to be anonymous with the header
 * {@code X-Test-Anonymous}, which is removed before the request leaves.
 */
@ClientFilter("/**")
class AdminByDefault {

    static final String ANONYMOUS = 'X-Test-Anonymous'
    static final String ADMIN = 'admin'
    static final String PASSWORD = 'test-admin-password'

    static String basic(String user, String password) {
        'Basic ' + "$user:$password".bytes.encodeBase64().toString()
    }

    @RequestFilter
    void authenticate(MutableHttpRequest<?> request) {
        if (request.headers.contains(ANONYMOUS)) {
            request.headers.remove(ANONYMOUS)
            return
        }
        if (request.headers.contains(HttpHeaders.AUTHORIZATION) || request.headers.contains(HttpHeaders.COOKIE)) {
            return
        }
        request.headers.add(HttpHeaders.AUTHORIZATION, basic(ADMIN, PASSWORD))
    }
}
