package org.medicore.bff.grpc;

import graphql.GraphQLContext;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Optional;
import java.util.Set;

/**
 * The portal user a GraphQL request runs for: their bearer token, relayed on every gRPC call so
 * each service applies its own access rules, who they are (subject and realm roles, from the
 * verified token) and the client address, relayed for the audit. Kept in the GraphQLContext
 * because data loaders and subscriptions run on other threads than the request, and because over
 * graphql-ws there is no security context: the verified token is the one record of who is calling.
 */
public record Caller(Optional<String> bearerToken, Optional<String> subject, Set<String> roles,
                     Optional<String> clientAddress, Optional<Jwt> verifiedToken) {

    static final String KEY = Caller.class.getName();

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(GraphQLContext context) {
        return context.getOrDefault(KEY, anonymous(Optional.empty()));
    }

    static Caller anonymous(Optional<String> clientAddress) {
        return new Caller(Optional.empty(), Optional.empty(), Set.of(), clientAddress, Optional.empty());
    }

    /** The same client acting with another token, e.g. the BFF's own service account. */
    public Caller actingWith(String token) {
        return new Caller(Optional.of(token), Optional.empty(), Set.of(), clientAddress, Optional.empty());
    }

    public boolean is(String role) {
        return roles.contains(role);
    }
}
