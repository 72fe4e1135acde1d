package org.medicore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser signing in to the portal through Keycloak's login pages with plain HTTP, behind the
 * load balancer as the deployment has it (X-Forwarded-Proto https): it keeps Keycloak's cookies
 * itself (they are Secure, which java.net's cookie store would not send over http) and follows
 * each page's form, whose action names the public host, to the test's Keycloak.
 */
final class BrowserSignIn {

    /** PKCE: the portal sends the verifier's hash, and exchanges the code with the verifier. */
    static final String CODE_VERIFIER = "a-verifier-of-the-portal-at-least-43-characters-long";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

    private final String baseUrl;
    private final String redirectUri;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private HttpResponse<String> page;

    BrowserSignIn(String baseUrl, String realm, String clientId, String redirectUri) {
        this.baseUrl = baseUrl;
        this.redirectUri = redirectUri;
        page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/auth?"
                + form(Map.of("client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", redirectUri,
                "code_challenge", challenge(CODE_VERIFIER), "code_challenge_method", "S256")))).GET());
    }

    /**
     * Fills the page's form with {@code fields} and sends it; answers the page that follows, after
     * Keycloak's own redirects (to a required action such as setting up an authenticator app).
     */
    HttpResponse<String> submit(Map<String, String> fields) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no form to fill: " + page.statusCode() + " " + page.body());
        }
        URI publicAction = URI.create(action.group(1).replace("&amp;", "&"));
        page = send(HttpRequest.newBuilder(URI.create(baseUrl + publicAction.getRawPath() + "?" + publicAction.getRawQuery()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        while (page.statusCode() == 302 && code().isEmpty()) {
            URI next = URI.create(page.headers().firstValue("Location").orElseThrow());
            page = send(HttpRequest.newBuilder(URI.create(baseUrl + next.getRawPath()
                    + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()))).GET());
        }
        return page;
    }

    /** The authorization code, when the last answer sent the browser back to the portal with one. */
    Optional<String> code() {
        return page.headers().firstValue("Location").filter(location -> location.startsWith(redirectUri))
                .flatMap(location -> Arrays.stream(URI.create(location).getRawQuery().split("&"))
                        .filter(pair -> pair.startsWith("code=")).findFirst())
                .map(pair -> URLDecoder.decode(pair.substring("code=".length()), StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        request.header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String setCookie) {
        Matcher cookie = COOKIE.matcher(setCookie);
        if (!cookie.find()) {
            return;
        }
        if (setCookie.toLowerCase().contains("max-age=0") || cookie.group(2).isEmpty()) {
            cookies.remove(cookie.group(1).trim());
        } else {
            cookies.put(cookie.group(1).trim(), cookie.group(2));
        }
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
