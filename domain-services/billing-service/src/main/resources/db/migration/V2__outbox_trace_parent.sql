-- The W3C traceparent of the work that wrote the event, sent as the record's header so the
-- trace goes on through the consumers; empty for events written outside a trace.
alter table outbox add column trace_parent text not null default '';
