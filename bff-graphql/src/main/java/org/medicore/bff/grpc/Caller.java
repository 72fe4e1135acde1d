package org.medicore.bff.grpc;

import graphql.GraphQLContext;

import java.util.Optional;

/**
 * The portal user a GraphQL request runs for: their bearer token, relayed on every gRPC call so
 * each service applies its own access rules, and the client address, relayed for the audit.
 * Kept in the GraphQLContext because data loaders may run on other threads than the request.
 */
public record Caller(Optional<String> bearerToken, Optional<String> clientAddress) {

    static final String KEY = Caller.class.getName();

    public static Caller of(GraphQLContext context) {
        return context.getOrDefault(KEY, new Caller(Optional.empty(), Optional.empty()));
    }
}
