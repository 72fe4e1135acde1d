package org.medicore.appointment.adapter.in.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.Role;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates every call by its bearer token (gRPC metadata {@code authorization}); the
 * decoder checks signature, issuer, expiry and audience. The realm roles become the
 * {@link Caller}'s roles; the call ends UNAUTHENTICATED without a valid token.
 */
final class BearerAuthentication implements ServerInterceptor {

    static final Context.Key<Caller> CALLER = Context.key("medicore-caller");
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "Bearer ";

    private final JwtDecoder decoder;

    BearerAuthentication(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(call, "a bearer token is required");
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(authorization.substring(BEARER.length()).trim());
        } catch (JwtException e) {
            return refuse(call, "invalid token");
        }
        Context context = Context.current().withValue(CALLER, new Caller(jwt.getSubject(), realmRoles(jwt)));
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, String description) {
        call.close(Status.UNAUTHENTICATED.withDescription(description), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private static Set<Role> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        Set<String> known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        return roles.stream().map(String::valueOf).filter(known::contains).map(Role::valueOf).collect(Collectors.toSet());
    }
}
