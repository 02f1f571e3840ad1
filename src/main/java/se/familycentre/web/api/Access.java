package se.familycentre.web.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.familycentre.access.Account;
import se.familycentre.access.Accounts;
import se.familycentre.access.Actor;
import se.familycentre.centre.AuditLog;
import se.familycentre.centre.AuditPrincipal;

/**
 * Who a request acts as, established once per request after Micronaut Security has read its
 * credentials: an {@link Actor} kept on the request for the controllers and the audit. A session
 * cookie counts only while its user is enabled and has not signed out or changed password since;
 * a state-changing request carried by the cookie must come from the service's own origin
 * ({@code Origin}, else {@code Referer}); a user who must change the password may do only that.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class Access implements HttpServerFilter {

    static final String ACTOR = "familycentre.actor";
    static final String LOCKED_UNTIL = "familycentre.locked-until";
    static final String CHALLENGE = "Basic realm=\"family-centre\", Bearer";
    /** Claims a session cookie's JWT carries besides the username and roles. */
    static final String EPOCH = "epoch";
    static final String MUST_CHANGE = "mustChangePassword";
    static final String VIA = "via";
    static final String COOKIE = "cookie";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** What a user who must change the password may still do. */
    private static final String SESSION = "/api/v1/session";

    private final Accounts accounts;

    public Access(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return chain.proceed(request);
        }
        return checkedOffLoop(request, chain, () -> resolve(request, authentication.get()));
    }

    /**
     * Runs a check that reads the database off the event loop, then answers its refusal or lets the
     * request through: what this filter and {@link Guard} do for every request.
     */
    static Publisher<MutableHttpResponse<?>> checkedOffLoop(HttpRequest<?> request, ServerFilterChain chain,
                                                            java.util.concurrent.Callable<Optional<MutableHttpResponse<?>>> check) {
        return Mono.fromCallable(check)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(refusal -> refusal.isPresent() ? Mono.<MutableHttpResponse<?>>just(refusal.get())
                        : Mono.<MutableHttpResponse<?>>from(chain.proceed(request)));
    }

    private Optional<MutableHttpResponse<?>> resolve(HttpRequest<?> request, Authentication authentication) {
        Object given = authentication.getAttributes().get(ACTOR);
        Actor actor;
        boolean cookie = false;
        if (given instanceof Actor a) {
            actor = a;
            if (Boolean.TRUE.equals(authentication.getAttributes().get(MUST_CHANGE))
                    && !request.getPath().startsWith(SESSION)) {
                return Optional.of(mustChange(request));
            }
        } else {
            Optional<Account> account = accounts.byUsername(authentication.getName());
            Object epoch = authentication.getAttributes().get(EPOCH);
            if (account.isEmpty() || account.get().disabled() || !(epoch instanceof Number n)
                    || n.intValue() != account.get().sessionEpoch()) {
                if (!request.getPath().startsWith("/api/")) {
                    // a web page with an ended session: shown as to anyone, so it can send the person to sign in
                    return Optional.empty();
                }
                return Optional.of(refuse(request, HttpStatus.UNAUTHORIZED, ProblemMapper.UNAUTHENTICATED,
                        "Not signed in", "the session has ended; sign in again"));
            }
            actor = account.get().actor();
            cookie = true;
            if (account.get().mustChangePassword() && !request.getPath().startsWith(SESSION)) {
                if (request.getPath().startsWith("/api/")) {
                    return Optional.of(mustChange(request));
                }
                // the web pages send the person to change it (web/page), and to nothing else
                request.setAttribute(MUST_CHANGE, Boolean.TRUE);
            }
        }
        if (cookie && !SAFE.contains(request.getMethod()) && !sameOrigin(request)) {
            return Optional.of(refuse(request, HttpStatus.FORBIDDEN, ProblemMapper.CROSS_SITE,
                    "Cross-site request refused", "a request that changes something with the session cookie must come "
                            + "from this service's own pages (its Origin or Referer must be this service)"));
        }
        request.setAttribute(ACTOR, actor);
        return Optional.empty();
    }

    private static MutableHttpResponse<?> mustChange(HttpRequest<?> request) {
        return refuse(request, HttpStatus.FORBIDDEN, ProblemMapper.PASSWORD_CHANGE_REQUIRED,
                "The password must be changed", "change the password (PUT " + SESSION + "/password) before anything else");
    }

    /** The request's Origin (else Referer) names the host it was sent to. */
    static boolean sameOrigin(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            origin = request.getHeaders().get(HttpHeaders.REFERER);
        }
        if (host == null || origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static MutableHttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String type, String title,
                                                 String detail) {
        return HttpResponse.status(status).contentType(Problem.MEDIA_TYPE)
                .body(new Problem(type, title, status.getCode(), detail, request.getPath(), List.of()));
    }

    /** The request's actor, if it is signed in: what the web pages, open to anyone, ask. */
    public static Optional<Actor> of(HttpRequest<?> request) {
        return request.getAttribute(ACTOR, Actor.class);
    }

    /** A signed-in person who must change the password before anything else. */
    public static boolean mustChangePassword(HttpRequest<?> request) {
        return request.getAttribute(MUST_CHANGE, Boolean.class).orElse(false);
    }

    /** The actor of a request that passed security: every controller but the anonymous ones has one. */
    static Actor actor(HttpRequest<?> request) {
        return request.getAttribute(ACTOR, Actor.class)
                .orElseThrow(() -> new se.familycentre.access.AccessRefusal.BadCredentials());
    }

    static long secondsUntil(Instant until) {
        return Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
    }

    /** The audit's principal: the current request's actor, or "system" outside a request. */
    @Singleton
    static class RequestPrincipal implements AuditPrincipal {
        @Override
        public String current() {
            return ServerRequestContext.currentRequest().flatMap(r -> r.getAttribute(ACTOR, Actor.class))
                    .map(Actor::name).orElse(AuditLog.SYSTEM);
        }
    }
}
