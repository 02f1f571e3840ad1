package se.familycentre.web.page

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import se.familycentre.web.AdminByDefault

/** A request as a browser sends it to the pages: no credentials but the session cookie, if any. */
final class PageRequest {

    private PageRequest() {
    }

    static MutableHttpRequest<?> of(String method, String path, Map<String, String> form, String cookie, int port) {
        MutableHttpRequest<?> request = method == 'GET' ? HttpRequest.GET(path)
                : HttpRequest.POST(path, form.collect { k, v -> "${URLEncoder.encode(k, 'UTF-8')}=${URLEncoder.encode(v ?: '', 'UTF-8')}" }.join('&'))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
        request.header(AdminByDefault.ANONYMOUS, 'yes')
        if (cookie) {
            request.header('Cookie', "FC_SESSION=$cookie")
        }
        if (method != 'GET') {
            // a form sent from the service's own page carries its origin
            request.header('Origin', "http://localhost:$port")
        }
        request
    }
}
