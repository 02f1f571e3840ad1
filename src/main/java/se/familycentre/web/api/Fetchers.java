package se.familycentre.web.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.familycentre.access.AccessRefusal;
import se.familycentre.access.Account;
import se.familycentre.access.Accounts;
import se.familycentre.access.Actor;
import se.familycentre.access.ApiTokens;

/**
 * How scripts and systems authenticate: HTTP Basic with a user's password, and
 * {@code Authorization: Bearer fct_…} with an API token. Both resolve to an {@link Actor} kept in
 * the authentication's attributes; a locked account is remembered on the request, so the refusal
 * can say 429 and when to try again. People use the session cookie (a JWT, read by Micronaut).
 */
final class Fetchers {


    private Fetchers() {
    }

    static Authentication authentication(Actor actor) {
        return authentication(actor, false);
    }

    static Authentication authentication(Actor actor, boolean mustChangePassword) {
        return Authentication.build(actor.name(), actor.roles().stream().map(Enum::name).toList(),
                Map.of(Access.ACTOR, actor, Access.MUST_CHANGE, mustChangePassword));
    }

    static Optional<String> credentials(HttpRequest<?> request, String scheme) {
        return request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .filter(h -> h.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1))
                .map(h -> h.substring(scheme.length() + 1).trim());
    }

    /** HTTP Basic: the username and password of a user. */
    @Singleton
    static final class Basic implements AuthenticationFetcher<HttpRequest<?>> {
        private final Accounts accounts;

        Basic(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
            Optional<String> encoded = credentials(request, "Basic");
            if (encoded.isEmpty()) {
                return Mono.empty();
            }
            return Mono.fromCallable(() -> {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(encoded.get()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return null;
                }
                try {
                    Account account = accounts.authenticate(decoded.substring(0, colon),
                            decoded.substring(colon + 1), false);
                    return authentication(account.actor(), account.mustChangePassword());
                } catch (AccessRefusal.LockedOut e) {
                    request.setAttribute(Access.LOCKED_UNTIL, e.until());
                    return null;
                } catch (AccessRefusal.BadCredentials e) {
                    return null;
                }
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }

    /** {@code Authorization: Bearer fct_…}: an API token. */
    @Singleton
    static final class Token implements AuthenticationFetcher<HttpRequest<?>> {
        private final ApiTokens tokens;

        Token(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
            Optional<String> secret = credentials(request, "Bearer").filter(s -> s.startsWith(ApiTokens.MARK));
            if (secret.isEmpty()) {
                return Mono.empty();
            }
            return Mono.fromCallable(() -> {
                try {
                    return authentication(tokens.authenticate(secret.get()));
                } catch (AccessRefusal.BadCredentials e) {
                    return null;
                }
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }

}
