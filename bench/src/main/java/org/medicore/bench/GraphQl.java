package org.medicore.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** GraphQL over HTTP against the BFF, as the portal sends it; an answer with errors is a failure. */
final class GraphQl {

    private final URI endpoint;
    private final Tokens tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    GraphQl(Target target, Tokens tokens) {
        this.endpoint = URI.create(target.bffGraphQl());
        this.tokens = tokens;
    }

    JsonNode execute(String user, String document, Map<String, Object> variables) throws IOException, InterruptedException {
        return executeWith(tokens.of(user), document, variables);
    }

    JsonNode executeWith(String token, String document, Map<String, Object> variables) throws IOException, InterruptedException {
        String body = JsonMapper.shared().writeValueAsString(Map.of("query", document, "variables", variables));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new Refused(answer.statusCode(), "", "HTTP " + answer.statusCode() + ": " + abbreviate(answer.body()));
        }
        JsonNode json = JsonMapper.shared().readTree(answer.body());
        if (json.has("errors")) {
            throw new Refused(answer.statusCode(), json.path("errors").path(0).path("extensions").path("code").asString(""),
                    "GraphQL errors: " + abbreviate(json.get("errors").toString()));
        }
        return json.get("data");
    }

    /**
     * The BFF answered, but not with data: an HTTP status other than 200, or GraphQL errors, of which the first one's
     * {@code extensions.code} (the gRPC code's name the BFF passes on, empty when there is none) says what to do.
     */
    static final class Refused extends IOException {

        private final int httpStatus;
        private final String code;

        Refused(int httpStatus, String code, String message) {
            super(message);
            this.httpStatus = httpStatus;
            this.code = code;
        }

        int httpStatus() {
            return httpStatus;
        }

        String code() {
            return code;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
