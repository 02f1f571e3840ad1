package se.familycentre.web.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.familycentre.access.Actor;

/**
 * What the administrators' pages share: who may open them (an ADMIN; anyone else signed in gets
 * the 404 page, as the API's scope answers; a newcomer is sent to sign in), and the form helpers.
 */
final class AdminPages {

    private AdminPages() {
    }

    /** The administrator a request is made by, or the answer for anyone else. */
    record Gate(Actor admin, HttpResponse<?> refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    static Gate gate(HttpRequest<?> request) {
        Optional<Actor> actor = Pages.actor(request);
        if (actor.isEmpty()) {
            return new Gate(null, HttpResponse.seeOther(URI.create(PageController.SIGN_IN)));
        }
        if (se.familycentre.web.api.Access.mustChangePassword(request)) {
            return new Gate(null, HttpResponse.seeOther(URI.create(PageController.PASSWORD)));
        }
        if (!actor.get().isAdmin()) {
            return new Gate(null, notFound(actor.get()));
        }
        return new Gate(actor.get(), null);
    }

    static HttpResponse<?> notFound(Actor actor) {
        return HttpResponse.status(HttpStatus.NOT_FOUND)
                .body(new ModelAndView<>("notfound", Pages.model(actor, "Hittades inte")));
    }

    /** A form page's model: the values as entered ({@code f}) and each field's refusal ({@code err}). */
    static Map<String, Object> form(Actor actor, String title, Map<String, ?> values, Map<String, String> errors) {
        Map<String, Object> model = Pages.model(actor, title);
        model.put("f", values);
        model.put("err", errors);
        model.put("errors", errors.entrySet().stream().map(e -> Pages.error(e.getKey(), e.getValue())).toList());
        return model;
    }

    static HttpResponse<?> refused(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }

    static HttpResponse<?> redirect(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }

    /** A form value, trimmed; blank is null. */
    static String value(Map<String, ?> form, String key) {
        Object v = form.get(key);
        if (v instanceof List<?> list) {
            v = list.isEmpty() ? null : list.get(0);
        }
        if (v == null) {
            return null;
        }
        String s = v.toString().replace("\r\n", "\n").replace('\r', '\n').strip();
        return s.isEmpty() ? null : s;
    }

    /** Every value of a repeated form field (checkboxes): Micronaut binds one as a text, several as a list. */
    static List<String> values(Map<String, ?> form, String key) {
        Object v = form.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof Iterable<?> many) {
            List<String> all = new java.util.ArrayList<>();
            many.forEach(x -> {
                if (x != null && !x.toString().isBlank()) {
                    all.add(x.toString().strip());
                }
            });
            return all;
        }
        return v.toString().isBlank() ? List.of() : List.of(v.toString().strip());
    }

    /** The form's fields as texts (the first of repeated ones), for re-rendering. */
    static Map<String, String> texts(Map<String, ?> form) {
        Map<String, String> m = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            Object x = v instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : v;
            m.put(k, x == null ? "" : x.toString());
        });
        return m;
    }

    static String time(OffsetDateTime at) {
        return at == null ? "" : Pages.time(at.toInstant());
    }
}
