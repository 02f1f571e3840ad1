package se.familycentre.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the web pages answer a crowd (issue 12: every page ≤ 150 ms at p95 with 16 concurrent
 * users, measured by a load tool): the service starts in this JVM on a fresh H2 file database with
 * the fixtures loaded, sixteen finance officers, sixteen steering group members and sixteen
 * administrators sign in on the pages, and {@code wrk} (16 connections, two threads) asks each page
 * for a while after a warm-up, each request with the session of one of the role's sixteen, in turn.
 * Each page's p50, p95 and p99 and its count of answers that were not 2xx go to the console and
 * {@code target/page-bench.txt}. Passwords are hashed at BCrypt cost 4 here: no page measured hashes
 * one, and 48 people at cost 12 would take minutes to set up.
 *
 * <p>Run with {@code ./mvnw -B -Pbench-pages test-compile exec:exec} (needs {@code wrk}:
 * {@code apt-get install -y wrk}). {@code -Dbench.seconds=8} sets each page's measured time;
 * {@code -Dbench.only=REGEX} measures only the pages whose method and path (as
 * in {@code POST /simulering}) match.
 */
public final class PageBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    /** People of each role, each with a session of their own; wrk's 16 connections take turns among them. */
    private static final int USERS = 16;
    private static final Pattern P = Pattern.compile("p50 ([0-9.]+) p95 ([0-9.]+) p99 ([0-9.]+) requests (\\d+) bad (\\d+)");

    private PageBenchmark() {
    }

    /** One page: who asks, the path, a form body for a POST (null for a GET), and whether htmx asks for it. */
    record Page(String who, String path, String form, boolean htmx) {
        Page(String who, String path, String form) {
            this(who, path, form, false);
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 8);
        Path out = Path.of(System.getProperty("bench.out", "target/page-bench.txt"));
        Path dir = Files.createTempDirectory("page-bench");
        try (ApplicationContext ctx = ApplicationContext.run(Map.<String, Object>of(
                "familycentre.data-dir", dir.toAbsolutePath().toString(),
                "familycentre.fixtures.directory", "fixtures",
                "familycentre.fixtures.load-on-empty-database", true,
                "familycentre.admin-password", ADMIN_PASSWORD,
                "familycentre.security.bcrypt-cost", 4,
                "micronaut.server.port", -1))) {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            String base = "http://localhost:" + server.getPort();
            JsonMapper json = ctx.getBean(JsonMapper.class);
            HttpClient http = HttpClient.newHttpClient();

            Map<?, ?> centres = json.readValue(api(http, base, "GET", "/api/v1/centres?size=200", null), Map.class);
            Map<?, ?> first = (Map<?, ?>) ((List<?>) centres.get("items")).get(0);
            long centre = ((Number) first.get("id")).longValue();
            Map<?, ?> exported = json.readValue(api(http, base, "GET", "/api/v1/centres/" + centre + "/export", null),
                    Map.class);
            Map<?, ?> doc = exported.containsKey("centre") ? (Map<?, ?>) exported.get("centre") : exported;
            String entity = (String) ((Map<?, ?>) ((List<?>) doc.get("entities")).get(0)).get("organisationNumber");
            // sixteen people of each role, each signed in with a session of their own
            Map<String, List<String>> cookies = new LinkedHashMap<>();
            for (String[] u : new String[][] {{"ekonom", "FINANCE"}, {"styrgrupp", "STEERING"}, {"admin", "ADMIN"}}) {
                List<String> signedIn = new ArrayList<>();
                for (int i = 1; i <= USERS; i++) {
                    String name = u[0] + "-" + i;
                    api(http, base, "POST", "/api/v1/users", "{\"username\":\"" + name + "\",\"displayName\":\"" + name
                            + "\",\"password\":\"" + name + "-bench-password\",\"roles\":[\"" + u[1]
                            + "\"],\"entities\":[\"" + entity + "\"],\"mustChangePassword\":false}");
                    signedIn.add(signIn(http, base, name, name + "-bench-password"));
                }
                cookies.put(u[0], signedIn);
            }

            List<Page> pages = new ArrayList<>(List.of(
                    new Page("anonym", "/logga-in", null),
                    new Page("ekonom", "/", null),
                    new Page("ekonom", "/centraler/" + centre + "?kvartal=2025-Q1", null),
                    new Page("ekonom", "/centraler/" + centre + "/utfarda?kvartal=2025-Q2", null),
                    new Page("ekonom", "/centraler/" + centre + "/underlag", null),
                    new Page("ekonom", "/korning", null),
                    new Page("styrgrupp", "/", null),
                    new Page("admin", "/", null)));
            String costLine = (String) ((Map<?, ?>) ((List<?>) doc.get("costLines")).get(0)).get("id");
            String form = formOf(http.send(request(base, new Page("styrgrupp", "/simulering", null),
                    cookies.get("styrgrupp").get(0)).build(), HttpResponse.BodyHandlers.ofString()).body(), "simuleringsformular");
            pages.addAll(List.of(
                    new Page("ekonom", "/centraler/" + centre + "/redigera", null),
                    new Page("ekonom", "/centraler/" + centre + "/redigera/kostnader/"
                            + URLEncoder.encode(costLine, StandardCharsets.UTF_8), null),
                    new Page("styrgrupp", "/simulering", null),
                    new Page("styrgrupp", "/simulering", form),
                    new Page("styrgrupp", "/simulering/jamforelser", form, true),
                    new Page("styrgrupp", "/simulering/planer", null),
                    new Page("admin", "/admin", null),
                    new Page("admin", "/admin/organisationer", null),
                    new Page("admin", "/admin/anvandare", null),
                    new Page("admin", "/admin/tokens", null),
                    new Page("admin", "/admin/index", null),
                    new Page("admin", "/admin/logg", null)));

            StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                    "# wrk -t2 -c16, %d s a page after %d s of warm-up; fixtures on a fresh H2 file database%n"
                            + "%-10s %-48s %8s %8s %8s %9s %5s%n", seconds, 3, "who", "page", "p50 ms", "p95 ms",
                    "p99 ms", "requests", "bad"));
            String only = System.getProperty("bench.only", "");
            for (Page page : pages) {
                if (!only.isEmpty() && !((page.form() == null ? "GET " : "POST ") + page.path()).matches(only)) {
                    continue;
                }
                List<String> cookie = cookies.get(page.who());
                check(http, base, page, cookie);
                wrk(base, page, cookie, 3);
                String line = wrk(base, page, cookie, seconds);
                Matcher m = P.matcher(line);
                if (!m.find()) {
                    throw new IllegalStateException("wrk said: " + line);
                }
                String row = String.format(Locale.ROOT, "%-10s %-48s %8s %8s %8s %9s %5s%n", page.who(),
                        (page.form() == null ? "GET " : "POST ") + page.path() + (page.htmx() ? " (htmx)" : ""), m.group(1), m.group(2), m.group(3),
                        m.group(4), m.group(5));
                System.out.print(row);
                table.append(row);
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
            System.out.print(table);
            System.out.println("# written to " + out.toAbsolutePath());
        }
        System.exit(0);
    }

    private static final Pattern FORM_INPUT = Pattern.compile("<input([^>]*)>");
    private static final Pattern FORM_SELECT = Pattern.compile("(?s)<select([^>]*)>(.*?)</select>");

    /** The form's fields as a browser would post them: inputs, checked boxes, selected options. */
    static String formOf(String html, String id) {
        Matcher form = Pattern.compile("(?s)<form[^>]*id=\"" + id + "\".*?</form>").matcher(html);
        if (!form.find()) {
            throw new IllegalStateException("no form " + id);
        }
        List<String> fields = new ArrayList<>();
        Matcher inputs = FORM_INPUT.matcher(form.group());
        while (inputs.find()) {
            String attrs = inputs.group(1);
            String name = attr(attrs, "name");
            boolean box = "checkbox".equals(attr(attrs, "type"));
            if (name != null && (!box || attrs.contains(" checked"))) {
                fields.add(field(name, attr(attrs, "value") == null ? (box ? "on" : "") : attr(attrs, "value")));
            }
        }
        Matcher selects = FORM_SELECT.matcher(form.group());
        while (selects.find()) {
            Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected").matcher(selects.group(2));
            String name = attr(selects.group(1), "name");
            if (name != null && chosen.find()) {
                fields.add(field(name, chosen.group(1)));
            }
        }
        return String.join("&", fields);
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1).replace("&amp;", "&").replace("&quot;", "\"") : null;
    }

    private static String field(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One answer of the page, which must be a 200 for the person (not a redirect to sign in). */
    static void check(HttpClient http, String base, Page page, List<String> cookies) throws Exception {
        for (String cookie : cookies == null ? java.util.Collections.<String>singletonList(null) : cookies) {
            check(http, base, page, cookie);
        }
    }

    static void check(HttpClient http, String base, Page page, String cookie) throws Exception {
        HttpResponse<String> r = http.send(request(base, page, cookie).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(page + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static HttpRequest.Builder request(String base, Page page, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + page.path()));
        if (cookie != null) {
            b.header("Cookie", "FC_SESSION=" + cookie);
        }
        if (page.form() != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString(page.form()));
        }
        if (page.htmx()) {
            b.header("HX-Request", "true");
        }
        return b;
    }

    /** Runs wrk on the page; its last line, which the script's done() writes. */
    static String wrk(String base, Page page, List<String> cookies, int seconds) throws Exception {
        Path script = Files.createTempFile("page-bench", ".lua");
        StringBuilder lua = new StringBuilder();
        if (page.form() != null) {
            lua.append("wrk.method = \"POST\"\nwrk.body = ").append(luaString(page.form())).append('\n')
                    .append("wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n")
                    .append("wrk.headers[\"Origin\"] = ").append(luaString(base)).append('\n');
        }
        if (page.htmx()) {
            lua.append("wrk.headers[\"HX-Request\"] = \"true\"\n");
        }
        if (cookies != null) {
            // each request is one of the people, in turn
            lua.append("sessions = {");
            for (String cookie : cookies) {
                lua.append(luaString("FC_SESSION=" + cookie)).append(',');
            }
            lua.append("}\nturn = 0\nrequest = function()\n  turn = turn % #sessions + 1\n"
                    + "  wrk.headers[\"Cookie\"] = sessions[turn]\n  return wrk.format()\nend\n");
        }
        lua.append("""
                done = function(summary, latency, requests)
                  io.write(string.format("p50 %.1f p95 %.1f p99 %.1f requests %d bad %d\\n",
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.requests, summary.errors.status))
                end
                """);
        Files.writeString(script, lua);
        Process p = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "-s", script.toString(),
                base + page.path()).redirectErrorStream(true).start();
        String last = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                last = line;
            }
        }
        p.waitFor();
        Files.deleteIfExists(script);
        return last;
    }

    static String luaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String signIn(HttpClient http, String base, String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/logga-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("FC_SESSION="))
                .map(c -> c.substring("FC_SESSION=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException(user + " did not sign in: " + r.statusCode()));
    }

    static String api(HttpClient http, String base, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
