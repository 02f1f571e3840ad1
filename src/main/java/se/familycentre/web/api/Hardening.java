package se.familycentre.web.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Headers on every answer: no MIME sniffing, a Content-Security-Policy that allows only the service's
 * own origin and no framing, no Referer to other sites, and {@code Cache-Control: no-store} on the
 * API (statements, users and tokens are money and personal data). Swagger UI's page needs its own
 * inline script and styles, and gets them, still from nowhere else.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class Hardening implements HttpServerFilter {

    static final String POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
            + "object-src 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; "
            + "object-src 'none'";

    @Override
    public int getOrder() {
        // outermost, so refusals by the security filters get the headers too
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String path = request.getPath();
        return Flux.from(chain.proceed(request)).doOnNext(response -> {
            response.header("X-Content-Type-Options", "nosniff");
            response.header("Content-Security-Policy", path.startsWith("/swagger-ui") ? SWAGGER_POLICY : POLICY);
            response.header("Referrer-Policy", "same-origin");
            response.header("X-Frame-Options", "DENY");
            if (path.startsWith("/api/")) {
                response.header("Cache-Control", "no-store");
            }
        });
    }
}
