-- EVENT_PUBLICATION (V6) was Spring Modulith's event publication registry. Luckify's events go through its own
-- outbox (outbox_event, V8) and nothing ever wrote to this table; the Modulith BOM is gone from the build too.
DROP TABLE IF EXISTS EVENT_PUBLICATION;
