package org.medicore.bff.registration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Throttles requests to {@code /graphql} without a token, i.e. self-registration (the only thing
 * they may run): at most {@code perAddress} from one client address and {@code overall} from all
 * addresses together in each {@code window}. Over the limit: 429 with Retry-After and a
 * GraphQL-shaped error ({@code TOO_MANY_REQUESTS}), before anything reaches Keycloak.
 */
final class SignUpThrottle extends OncePerRequestFilter {

    /** The oldest address windows are forgotten beyond this many, so the map stays bounded. */
    private static final int TRACKED_ADDRESSES = 10_000;

    private final RegistrationLimits limits;
    private final Clock clock;
    private final Map<String, Window> byAddress = new HashMap<>();
    private Window overall;

    SignUpThrottle(RegistrationLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod()) || !"/graphql".equals(request.getRequestURI())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = admit(request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"errors":[{"message":"too many sign-ups; try again in %d seconds",\
                "extensions":{"code":"TOO_MANY_REQUESTS","classification":"BAD_REQUEST","retryAfterSeconds":%d}}]}"""
                .formatted(seconds, seconds));
    }

    /** Counts the request if both allowances have room; else how long until the fuller one has. */
    synchronized Optional<Duration> admit(String address) {
        Instant now = clock.instant();
        if (overall == null || overall.over(now, limits.window())) {
            overall = new Window(now);
        }
        if (byAddress.size() >= TRACKED_ADDRESSES) {
            byAddress.values().removeIf(window -> window.over(now, limits.window()));
        }
        Window mine = byAddress.compute(address, (key, window) ->
                window == null || window.over(now, limits.window()) ? new Window(now) : window);
        if (mine.count >= limits.perAddress()) {
            return Optional.of(mine.remaining(now, limits.window()));
        }
        if (overall.count >= limits.overall()) {
            return Optional.of(overall.remaining(now, limits.window()));
        }
        mine.count++;
        overall.count++;
        return Optional.empty();
    }

    private static final class Window {

        private final Instant start;
        private int count;

        Window(Instant start) {
            this.start = start;
        }

        boolean over(Instant now, Duration length) {
            return !now.isBefore(start.plus(length));
        }

        Duration remaining(Instant now, Duration length) {
            return Duration.between(now, start.plus(length));
        }
    }
}
