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
}
