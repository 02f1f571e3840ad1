package se.familycentre.web.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import se.familycentre.access.Account;

/**
 * The session cookie a person signs in with, from the API ({@link SessionController}) or the web
 * pages alike: a signed JWT carrying the account's session epoch, {@code HttpOnly},
 * {@code SameSite=Strict}, {@code Secure} over TLS, for {@code familycentre.security.session}.
 */
@Singleton
public class SessionCookies {

    static final String NAME = "FC_SESSION";

    private final JwtTokenGenerator tokens;
    private final Duration lifetime;

    public SessionCookies(JwtTokenGenerator tokens, @Value("${familycentre.security.session:8h}") Duration lifetime) {
        this.tokens = tokens;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The cookie of a session for the account, which just proved its password. */
    public Cookie signedIn(HttpRequest<?> request, Account account) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(Access.EPOCH, account.sessionEpoch());
        claims.put(Access.VIA, Access.COOKIE);
        Authentication authentication = Authentication.build(account.username(),
                account.roles().stream().map(Enum::name).toList(), claims);
        String jwt = tokens.generateToken(authentication, (int) lifetime.toSeconds())
                .orElseThrow(() -> new IllegalStateException("no session token could be signed"));
        return Cookie.of(NAME, jwt).httpOnly(true).sameSite(SameSite.Strict).path("/")
                .maxAge(lifetime).secure(request.isSecure());
    }

    /** The cookie that clears the session in the browser. */
    public Cookie signedOut(HttpRequest<?> request) {
        return Cookie.of(NAME, "").httpOnly(true).sameSite(SameSite.Strict).path("/").maxAge(0)
                .secure(request.isSecure());
    }
}
