-- The W3C traceparent of the request that wrote the event, sent as the record's header so the
-- consumers' work joins that trace; empty for events written outside a trace.
alter table outbox_event add column trace_parent text not null default '';
