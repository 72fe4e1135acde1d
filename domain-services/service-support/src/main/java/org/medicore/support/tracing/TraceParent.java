package org.medicore.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The current span as a W3C {@code traceparent}. An event is written to the outbox inside the
 * request that caused it but published later by the relay, outside any request: kept with the
 * event and sent as its {@code traceparent} header, it lets the consumers' work join the trace of
 * the request that caused it.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";

    private TraceParent() {
    }

    /** Empty when no trace is active. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : "";
    }

    /** The trace id of a W3C {@code traceparent} (version-traceid-spanid-flags); empty when there is none. */
    public static String traceId(String traceParent) {
        if (traceParent == null) {
            return "";
        }
        String[] parts = traceParent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : "";
    }
}
