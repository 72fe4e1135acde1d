package org.medicore.analytics.adapter.in.web;

import org.medicore.analytics.adapter.proto.AnalyticsProtos;
import org.medicore.analytics.adapter.proto.EventMessages;
import org.medicore.analytics.application.port.in.DashboardAnswer;
import org.medicore.analytics.application.port.in.ViewDashboard;
import org.medicore.analytics.application.port.out.FiguresUnavailable;
import org.medicore.analytics.domain.Dimension;
import org.medicore.analytics.domain.DimensionKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The read API the BFF calls when a dashboard opens: the current figures in the same proto3
 * JSON as the events on medicore.analytics.v1.
 */
@RestController
@RequestMapping(path = "/api/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
public class DashboardController {

    private static final Duration LONGEST_LOOKBACK = Duration.ofDays(1);

    private final ViewDashboard dashboard;
    private final Clock clock;

    public DashboardController(ViewDashboard dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    /** The clinic's {@code RollingFigures} as of now; 404 when no appointment of the clinic was seen. */
    @GetMapping("/clinics/{clinicId}/rolling-figures")
    public ResponseEntity<String> rollingFigures(@PathVariable String clinicId, HttpServletRequest request) {
        return respond(dashboard.rollingFigures(clinicId), request,
                figures -> EventMessages.toJson(AnalyticsProtos.PROTOS.rollingFigures(figures)));
    }

    /** {@code {"windows": [AnalyticsWindow...]}} of one dimension value that started in the lookback (ISO 8601, at most a day). */
    @GetMapping("/windows/{dimension}/{key}")
    public ResponseEntity<String> windows(@PathVariable Dimension dimension, @PathVariable String key,
                                          @RequestParam(defaultValue = "PT1H") Duration lookback, HttpServletRequest request) {
        if (lookback.isNegative() || lookback.compareTo(LONGEST_LOOKBACK) > 0) {
            return ResponseEntity.badRequest().build();
        }
        return respond(dashboard.recentWindows(new DimensionKey(dimension, key), lookback), request,
                windows -> windows.stream()
                        .map(figures -> EventMessages.toJson(AnalyticsProtos.PROTOS.window(figures, clock.instant())))
                        .collect(Collectors.joining(",", "{\"windows\":[", "]}")));
    }

    /** Figures as JSON; figures held by another instance: a redirect there, the caller keeps its token. */
    private static <T> ResponseEntity<String> respond(DashboardAnswer<T> answer, HttpServletRequest request,
                                                      Function<T, String> json) {
        return switch (answer) {
            case DashboardAnswer.Figures<T> found -> ResponseEntity.ok(json.apply(found.figures()));
            case DashboardAnswer.NoFigures<T> none -> ResponseEntity.notFound().build();
            case DashboardAnswer.HeldElsewhere<T> elsewhere -> ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                    .location(elsewhere.instance().resolve(request.getRequestURI()
                            + (request.getQueryString() == null ? "" : "?" + request.getQueryString())))
                    .build();
        };
    }

    @ExceptionHandler(FiguresUnavailable.class)
    ResponseEntity<String> unavailable(FiguresUnavailable unavailable) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").build();
    }
}
