package org.medicore.billing.adapter.in.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.Role;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates BillingService calls by the Keycloak token in the Authorization metadata
 * (signature via JWKS, issuer, expiry, audience) and hands the use cases a Caller. Other
 * services on the server (health, reflection) stay open.
 */
final class BearerTokenInterceptor implements ServerInterceptor {

    static final Context.Key<Caller> CALLER = Context.key("medicore-caller");

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "Bearer ";
    private static final Set<String> ROLES = Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet());

    private static final Logger log = LoggerFactory.getLogger(BearerTokenInterceptor.class);

    private final JwtDecoder tokens;

    BearerTokenInterceptor(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        if (!BillingServiceGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(call, "a bearer token is required");
        }
        Jwt token;
        try {
            token = tokens.decode(authorization.substring(BEARER.length()).trim());
        } catch (JwtException e) {
            log.debug("token refused: {}", e.getMessage());
            return refuse(call, "the token is not valid");
        }
        Context context = Context.current().withValue(CALLER, new Caller(token.getSubject(), realmRoles(token)));
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static Set<Role> realmRoles(Jwt token) {
        Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        return roles.stream().map(String::valueOf).filter(ROLES::contains).filter(role -> !role.equals("SYSTEM"))
                .map(Role::valueOf).collect(Collectors.toSet());
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String description) {
        call.close(Status.UNAUTHENTICATED.withDescription(description), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
