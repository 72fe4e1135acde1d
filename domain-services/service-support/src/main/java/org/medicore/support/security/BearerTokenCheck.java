package org.medicore.support.security;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Map;

/**
 * The one token check of every service's gRPC API: each call of a {@code medicore.*} service needs
 * {@code authorization: Bearer <token>} that the realm's decoder accepts, or it ends
 * UNAUTHENTICATED (missing, empty, malformed, expired, forged alike). The verified token rides in
 * the call's gRPC context, where the endpoint turns it into its own caller ({@link #current()}).
 * Health and reflection stay open.
 */
public final class BearerTokenCheck implements ServerInterceptor {

    /** Right inside the audit, which is outermost so that it records refused calls too. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Context.Key<Jwt> VERIFIED = Context.key("medicore-verified-token");
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "Bearer ";
    private static final String OWN_SERVICES = "medicore.";
    private static final Logger log = LoggerFactory.getLogger(BearerTokenCheck.class);

    private final JwtDecoder tokens;

    public BearerTokenCheck(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String service = call.getMethodDescriptor().getServiceName();
        if (service == null || !service.startsWith(OWN_SERVICES)) {
            return next.startCall(call, headers);
        }
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return refuse(call, "a bearer token is required");
        }
        Jwt token;
        try {
            token = tokens.decode(authorization.substring(BEARER.length()).strip());
        } catch (JwtException refused) {
            log.debug("token refused: {}", refused.getMessage());
            return refuse(call, "the token is not valid");
        }
        return Contexts.interceptCall(Context.current().withValue(VERIFIED, token), call, headers, next);
    }

    /** The verified token of the current call; only calls that passed the check reach an endpoint. */
    public static Jwt current() {
        Jwt token = VERIFIED.get();
        if (token == null) {
            throw new IllegalStateException("a call reached the endpoint without passing the token check");
        }
        return token;
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String description) {
        call.close(Status.UNAUTHENTICATED.withDescription(description), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
