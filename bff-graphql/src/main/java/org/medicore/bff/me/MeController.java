package org.medicore.bff.me;

import graphql.GraphQLContext;
import org.medicore.bff.grpc.Caller;
import org.medicore.support.security.RealmRoles;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/** Who is signed in, from the caller's verified token: the same over HTTP and over graphql-ws. */
@Controller
class MeController {

    @QueryMapping
    Me me(GraphQLContext context) {
        Jwt token = Caller.of(context).verifiedToken()
                .orElseThrow(() -> new IllegalStateException("me without a verified token: CallerInterceptor lets none through"));
        return new Me(token.getSubject(), token.getClaimAsString("name"), token.getClaimAsString("email"),
                RealmRoles.of(token));
    }
}
