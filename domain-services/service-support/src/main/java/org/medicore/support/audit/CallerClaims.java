package org.medicore.support.audit;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import org.medicore.support.security.RealmRoles;

import java.text.ParseException;
import java.util.List;

/**
 * Who made a call, from the claims of its bearer token. The audit sits outside the service's own
 * token check (so refused calls are recorded too) and only believes the claims when that check let
 * the call through; a refused token is recorded as anonymous.
 */
record CallerClaims(String subject, List<String> roles, String clientId) {

    static final CallerClaims ANONYMOUS = new CallerClaims("anonymous", List.of(), "");

    private static final String BEARER = "Bearer ";

    static CallerClaims of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return ANONYMOUS;
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(authorization.substring(BEARER.length()).strip()).getJWTClaimsSet();
            String subject = claims.getSubject() == null ? ANONYMOUS.subject() : claims.getSubject();
            String client = claims.getStringClaim("azp");
            return new CallerClaims(subject, RealmRoles.all(claims.getClaims()), client == null ? "" : client);
        } catch (ParseException unreadable) {
            return ANONYMOUS;
        }
    }
}
