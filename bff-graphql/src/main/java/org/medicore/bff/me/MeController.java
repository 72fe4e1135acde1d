package org.medicore.bff.me;

import org.medicore.bff.security.RealmRoles;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

@Controller
class MeController {

    @QueryMapping
    Me me(@AuthenticationPrincipal Jwt token) {
        return new Me(token.getSubject(), token.getClaimAsString("name"), token.getClaimAsString("email"),
                RealmRoles.of(token));
    }
}
