package org.medicore.fhir.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medicore.fhir.resource.AuditEventResources;
import org.medicore.support.audit.AccessRecord;
import org.medicore.support.audit.Outcome;
import org.medicore.support.audit.RecordAccess;
import org.medicore.support.security.RealmRoles;
import org.medicore.support.tracing.TraceParent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Writes every FHIR interaction to the audit trail, allowed or refused, as the services write
 * every gRPC call: who (the verified token's subject, realm roles and client; anonymous without
 * one), the interaction ({@link FhirInteraction}), the patients it names, the end user's own
 * address (the services see only this API's), how it ended (the HTTP status). The services'
 * records of the gRPC calls it made follow it in the trail. It sits in the security
 * chain just before the bearer token is read, so it sees the caller the chain settled on and the
 * status of a refusal too. The record is written after the answer, before the request ends; a trail
 * that can't be written fails the request, as in the services.
 */
class InteractionAudit extends OncePerRequestFilter {

    private final RecordAccess trail;
    private final Clock clock;

    InteractionAudit(RecordAccess trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // what is open to anyone names no patient and no caller
        return !path.startsWith(FhirPaths.BASE) || path.equals(FhirPaths.BASE + "/metadata")
                || path.startsWith(FhirPaths.BASE + "/.well-known/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant started = clock.instant();
        boolean answered = false;
        try {
            chain.doFilter(request, response);
            answered = true;
        } finally {
            trail.record(access(request, answered ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR, started));
        }
    }

    private static AccessRecord access(HttpServletRequest request, int status, Instant started) {
        FhirInteraction interaction = FhirInteraction.of(request);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        Jwt token = caller instanceof JwtAuthenticationToken verified ? verified.getToken() : null;
        String subject = token == null || token.getSubject() == null ? "anonymous" : token.getSubject();
        List<String> roles = token == null ? List.of() : RealmRoles.all(token.getClaims());
        String client = token == null || token.getClaimAsString("azp") == null ? "" : token.getClaimAsString("azp");
        Outcome outcome = status < 400 ? Outcome.ALLOWED
                : status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN ? Outcome.DENIED
                : Outcome.FAILED;
        return new AccessRecord(started, subject, roles, client, AuditEventResources.FHIR_API, interaction.operation(),
                interaction.action(), interaction.resourceType(), interaction.resourceIds(), interaction.patientIds(), List.of(),
                request.getRemoteAddr(), "", outcome, Integer.toString(status), TraceParent.traceId(request.getHeader(TraceParent.HEADER)));
    }
}
