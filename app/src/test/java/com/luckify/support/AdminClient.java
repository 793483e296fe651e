package com.luckify.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client of the admin console over real HTTP: keeps the session cookie, does not follow redirects
 * (tests look at them), and sends the CSRF token the last page carried, as a form field or, for htmx requests,
 * as the header the page's script would add. {@link #roundRobin} spreads its requests over several servers in turn, as a
 * load balancer without sticky sessions does.
 */
public final class AdminClient {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final List<String> bases;
    private final AtomicInteger turn = new AtomicInteger();
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    public AdminClient(int port) {
        this(List.of(port));
    }

    private AdminClient(List<Integer> ports) {
        this.bases = ports.stream().map(port -> "http://localhost:" + port).toList();
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client whose requests go to each of {@code ports} in turn, one request each. */
    public static AdminClient roundRobin(int... ports) {
        return new AdminClient(java.util.Arrays.stream(ports).boxed().toList());
    }

    /** Opens the login page and posts the form; the answer is the redirect (to /admin, or back with a reason). */
    public Page login(String username, String password) {
        get("/admin/login");
        Page answer = send("POST", "/admin/login", form(Map.of("username", username, "password", password, "_csrf", csrf)),
                Map.of());
        if (answer.redirectsTo("/admin")) {
            get("/admin");
        }
        return answer;
    }

    public Page get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Page get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    /** A download's bytes (the session's cookie sent); status and headers checked by the caller through {@link #get}. */
    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(nextBase() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Page htmxGet(String path) {
        return send("GET", path, null, Map.of("HX-Request", "true"));
    }

    /** A form post with the page's CSRF token as a field. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) {
            withToken.put("_csrf", csrf);
        }
        return send("POST", path, form(withToken), Map.of());
    }

    /** An htmx post: the token in the X-CSRF-TOKEN header, as admin.js sends it. */
    public Page htmxPost(String path, Map<String, String> fields) {
        return send("POST", path, form(fields), csrf == null ? Map.of("HX-Request", "true")
                : Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf));
    }

    public Page postWithoutToken(String path, Map<String, String> fields, boolean htmx) {
        return send("POST", path, form(fields), htmx ? Map.of("HX-Request", "true") : Map.of());
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Forgets the session cookie, as when the server-side session has expired. */
    public void dropSession() {
        cookies.getCookieStore().removeAll();
    }

    private Page send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nextBase() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response.statusCode(), response.body(), response.headers().map().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> String.join(",", e.getValue()), (a, b) -> a)));
            rememberToken(page.body());
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String nextBase() {
        return bases.get(Math.floorMod(turn.getAndIncrement(), bases.size()));
    }

    private void rememberToken(String html) {
        Matcher form = FORM_TOKEN.matcher(html);
        Matcher meta = META_TOKEN.matcher(html);
        if (meta.find()) {
            csrf = meta.group(1);
        } else if (form.find()) {
            csrf = form.group(1);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    public record Page(int status, String body, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public boolean redirectsTo(String pathAndQuery) {
            String location = header("location");
            return status == 302 && location != null && location.endsWith(pathAndQuery);
        }

        public boolean isFullPage() {
            return body.contains("<html") && body.contains("class=\"sidebar\"");
        }

        @Override
        public String toString() {
            return status + " " + headers.get("location") + " " + (body.length() > 600 ? body.substring(0, 600) : body);
        }
    }
}
