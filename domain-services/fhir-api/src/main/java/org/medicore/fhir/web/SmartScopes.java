package org.medicore.fhir.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * SMART on FHIR's scopes as the realm grants them: {@code patient/*.read} (a patient's app),
 * {@code user/*.read} (an app acting for a clinician) and {@code system/*.read} (a backend system,
 * e.g. the partner's bulk export). They only narrow: a token that carries one is an app's, and
 * may read and export, never book, cancel or import; what it reads the realm roles decide, in the
 * services, as for any token. A token with none (the portal's, the BFF's) is not narrowed.
 */
final class SmartScopes {

    static final List<String> OFFERED = List.of("patient/*.read", "user/*.read", "system/*.read");

    private SmartScopes() {
    }

    /** A change: any FHIR request but a GET, an {@code $export} kick-off and the removal of an export. */
    static boolean changes(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(FhirPaths.BASE)) {
            return false;
        }
        boolean reads = method.equals("GET") || method.equals("HEAD")
                || (method.equals("POST") && path.endsWith("/$export"))
                || (method.equals("DELETE") && path.startsWith(FhirPaths.BASE + "/bulk-export/"));
        return !reads;
    }

    /** Lets through a token that carries no SMART scope, since SMART's scopes here grant reading only. */
    static AuthorizationManager<RequestAuthorizationContext> notReadOnly() {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) {
                return new AuthorizationDecision(!readOnly(authentication.get()));
            }
        };
    }

    private static boolean readOnly(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return false;
        }
        String scope = token.getToken().getClaimAsString("scope");
        return scope != null && Arrays.stream(scope.split(" ")).anyMatch(granted -> granted.startsWith("patient/")
                || granted.startsWith("user/") || granted.startsWith("system/"));
    }
}
