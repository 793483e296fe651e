-- Spring Modulith 2.0.x JDBC event publication registry (the transactional outbox).
-- Source: spring-modulith-events-jdbc-2.0.3.jar, org/springframework/modulith/events/jdbc/schemas/v2/schema-mysql.sql
-- (the "v2" layout with STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE is what 2.0 uses unless
-- spring.modulith.events.jdbc.use-legacy-structure=true). Keep spring.modulith.events.jdbc.schema-initialization
-- off: Flyway owns the schema.
-- The table name stays UPPER CASE: Modulith's SQL says EVENT_PUBLICATION, and table names are case
-- sensitive on Linux (lower_case_table_names=0), so a lower-case table would not be found.
-- No EVENT_PUBLICATION_ARCHIVE: only spring.modulith.events.completion-mode=ARCHIVE needs it; the
-- default (UPDATE) marks rows completed in place.
-- Changes to Modulith's DDL, for MySQL 8 / MariaDB 10.11 alike, column names and types untouched:
--  * PUBLICATION_DATE gets an explicit DEFAULT, so a server running with explicit_defaults_for_timestamp=OFF
--    does not add ON UPDATE CURRENT_TIMESTAMP to it (completing a publication would rewrite its date);
--  * no IF NOT EXISTS; engine, charset and collation spelt out like every other table.

CREATE TABLE EVENT_PUBLICATION
(
    ID                     VARCHAR(36)   NOT NULL,
    LISTENER_ID            VARCHAR(512)  NOT NULL,
    EVENT_TYPE             VARCHAR(512)  NOT NULL,
    SERIALIZED_EVENT       VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    COMPLETION_DATE        TIMESTAMP(6)  DEFAULT NULL NULL,
    STATUS                 VARCHAR(20),
    COMPLETION_ATTEMPTS    INT,
    LAST_RESUBMISSION_DATE TIMESTAMP(6)  DEFAULT NULL NULL,
    PRIMARY KEY (ID),
    INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'Spring Modulith event publication registry (outbox)';
