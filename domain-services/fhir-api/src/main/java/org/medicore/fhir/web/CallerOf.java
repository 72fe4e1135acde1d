package org.medicore.fhir.web;

import org.medicore.fhir.records.Caller;
import org.medicore.support.security.RealmRoles;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.HashSet;

/** The caller of a request, from the token the resource server verified (MediCore's roles, as its authorities): the same token goes on to the services. */
final class CallerOf {

    private CallerOf() {
    }

    static Caller token(Jwt token) {
        return new Caller(token.getTokenValue(), token.getSubject(), new HashSet<>(RealmRoles.of(token)));
    }
}
