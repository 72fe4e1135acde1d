package org.medicore.bff.live;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.medicore.bff.grpc.Caller;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.contracts.events.v1.RollingFigures;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current figures from analytics-service's read API, asked with the caller's own token (the
 * API is for administrators and says so itself). Redirects to the instance holding a key are
 * followed by the HTTP client.
 */
final class Dashboard {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient analytics;
    private final String clinicId;

    Dashboard(RestClient analytics, String clinicId) {
        this.analytics = analytics;
        this.clinicId = clinicId;
    }

    record Figures(RollingFigures rolling, List<AnalyticsWindow> lastHour) {

        public long bookingsLastHour() {
            return rolling.getBookingsLastHour();
        }

        public int noShowRateLast7DaysBasisPoints() {
            return rolling.getNoShowRateLast7DaysBasisPoints();
        }
    }

    /** Null before analytics-service has seen any appointment of the clinic. */
    Figures current(Caller caller) {
        try {
            String rolling = get(caller, "/api/analytics/clinics/{clinic}/rolling-figures");
            String windows = get(caller, "/api/analytics/windows/CLINIC/{clinic}?lookback=PT1H");
            RollingFigures.Builder figures = RollingFigures.newBuilder();
            JsonFormat.parser().ignoringUnknownFields().merge(rolling, figures);
            return new Figures(figures.build(), windows(windows));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return null;
            }
            if (e.getStatusCode() == HttpStatus.FORBIDDEN || e.getStatusCode() == HttpStatus.UNAUTHORIZED) {
                throw new org.medicore.bff.error.Forbidden("the dashboard is for administrators");
            }
            throw e;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("analytics-service answered figures that are not RollingFigures", e);
        }
    }

    private String get(Caller caller, String path) {
        return analytics.get().uri(path, clinicId)
                .headers(h -> caller.bearerToken().ifPresent(h::setBearerAuth))
                .retrieve().body(String.class);
    }

    /** {@code {"windows":[…]}}: each window parsed as the proto3 JSON it is. */
    private static List<AnalyticsWindow> windows(String json) throws InvalidProtocolBufferException {
        List<AnalyticsWindow> windows = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json).path("windows")) {
            AnalyticsWindow.Builder window = AnalyticsWindow.newBuilder();
            JsonFormat.parser().ignoringUnknownFields().merge(node.toString(), window);
            windows.add(window.build());
        }
        return windows;
    }
}
