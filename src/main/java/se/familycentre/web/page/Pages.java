package se.familycentre.web.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.net.URI;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.familycentre.access.Actor;
import se.familycentre.access.Role;

/** What every page's model has, and Swedish formats for what the pages print. */
final class Pages {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Pages() {
    }

    static Optional<Actor> actor(HttpRequest<?> request) {
        return se.familycentre.web.api.Access.of(request);
    }

    /** A signed-in page: its title, who is signed in, and the roles in Swedish. */
    static Map<String, Object> model(Actor actor, String title) {
        Map<String, Object> m = anonymous(title);
        m.put("signedIn", true);
        m.put("user", actor.name());
        m.put("roles", actor.roles().stream().sorted().map(Pages::role).toList());
        m.put("isAdmin", actor.isAdmin());
        m.put("isFinance", actor.has(Role.FINANCE));
        m.put("isSteering", actor.has(Role.STEERING));
        return m;
    }

    /**
     * Where a page sends a person who may not see it yet: to sign in, or first to change the
     * password; empty when the page may be shown.
     */
    static Optional<HttpResponse<?>> gate(HttpRequest<?> request) {
        if (actor(request).isEmpty()) {
            return Optional.of(HttpResponse.seeOther(URI.create(PageController.SIGN_IN)));
        }
        if (se.familycentre.web.api.Access.mustChangePassword(request)) {
            return Optional.of(HttpResponse.seeOther(URI.create(PageController.PASSWORD)));
        }
        return Optional.empty();
    }

    static Map<String, Object> anonymous(String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("signedIn", false);
        m.put("errors", List.of());
        return m;
    }

    static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    static String role(Role role) {
        return switch (role) {
            case ADMIN -> "administratör";
            case FINANCE -> "ekonom";
            case STEERING -> "styrgrupp";
            case SYSTEM -> "system";
        };
    }

    /** {@code 2026-12-02 14:05}, Swedish time. */
    static String time(Instant at) {
        return TIME.format(at.atZone(SWEDEN));
    }

    /** A decimal with a decimal comma and spaces between thousands: {@code 1 234,5}. */
    static String decimal(BigDecimal value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv-SE"));
        symbols.setGroupingSeparator('\u00a0');
        symbols.setMinusSign('\u2212');
        DecimalFormat format = new DecimalFormat("#,##0.##########", symbols);
        format.setParseBigDecimal(true);
        return format.format(value);
    }
}
