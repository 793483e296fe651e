-- The W3C trace context an event was recorded in (the traceparent and tracestate headers of the request's span),
-- so that the consumers of the event continue the request's trace wherever and whenever they run. NULL for events
-- recorded outside any span and for those recorded before this migration. Nullable columns added last: instant on
-- MariaDB 10.11, whatever the table's size.
ALTER TABLE outbox_event
    ADD COLUMN trace_parent VARCHAR(55)  NULL COMMENT 'W3C traceparent, e.g. 00-<trace id>-<span id>-01',
    ADD COLUMN trace_state  VARCHAR(512) NULL COMMENT 'W3C tracestate, if the trace had one',
    ALGORITHM = INSTANT;
