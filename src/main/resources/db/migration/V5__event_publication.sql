-- Spring Modulith's event publication registry (JDBC, schema v2), in SQL that H2 and PostgreSQL both take: one row
-- per event and transactional listener, written in the transaction that published the event, completed (and then
-- deleted: spring.modulith.events.completion-mode=delete) once the listener has handled it. V4 is the media store's.
CREATE TABLE event_publication (
    id                     UUID          NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
