-- The electronic logbook (bundle org.datastamp.logbook.jdbc, decision 0025): kept in the catalogue's database so a
-- session's notes live beside its datasets. Portable SQL for H2 2.3 and PostgreSQL 15.

-- The scans overview: one row per scan the logbook's scan feed has seen. session_id is NULL until the scan's
-- session is known (its dataset names one, or a session on its instrument covers its start).
CREATE TABLE logbook_scan (
    scan_id    VARCHAR(64)    NOT NULL PRIMARY KEY,
    session_id VARCHAR(128)   REFERENCES session (id),
    instrument VARCHAR(128)   NOT NULL,
    started    TIMESTAMP WITH TIME ZONE NOT NULL,
    title      VARCHAR(2000)  NOT NULL,
    scan_type  VARCHAR(200)   NOT NULL,
    sample     VARCHAR(1000)  NOT NULL,
    status     VARCHAR(32)    NOT NULL,
    dataset_id VARCHAR(128),
    frames     BIGINT         NOT NULL,
    error      VARCHAR(10000) NOT NULL
);

CREATE INDEX logbook_scan_session ON logbook_scan (session_id, started);

-- The beamline's key metadata columns of a scan (names chosen per instrument in the logbook's configuration).
CREATE TABLE logbook_scan_value (
    scan_id VARCHAR(64)   NOT NULL REFERENCES logbook_scan (scan_id) ON DELETE CASCADE,
    name    VARCHAR(200)  NOT NULL,
    val     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (scan_id, name)
);

-- Notes (scan_id NULL) and comments on a scan. The text is in logbook_entry_version: never updated, only appended.
CREATE TABLE logbook_entry (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    session_id VARCHAR(128) NOT NULL REFERENCES session (id),
    scan_id    VARCHAR(64)  REFERENCES logbook_scan (scan_id),
    kind       VARCHAR(16)  NOT NULL,
    author     VARCHAR(128) NOT NULL,
    created    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX logbook_entry_session ON logbook_entry (session_id, created);

CREATE TABLE logbook_entry_version (
    entry_id VARCHAR(64)     NOT NULL REFERENCES logbook_entry (id),
    version  INTEGER         NOT NULL,
    markdown VARCHAR(200000) NOT NULL,
    author   VARCHAR(128)    NOT NULL,
    created  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (entry_id, version)
);

-- Uploaded images (checked PNG, JPEG or TIFF) with a PNG thumbnail.
CREATE TABLE logbook_image (
    id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    session_id VARCHAR(128)  NOT NULL REFERENCES session (id),
    name       VARCHAR(1000) NOT NULL,
    media_type VARCHAR(100)  NOT NULL,
    width      INTEGER       NOT NULL,
    height     INTEGER       NOT NULL,
    size_bytes BIGINT        NOT NULL,
    content    BYTEA         NOT NULL,
    thumbnail  BYTEA         NOT NULL,
    author     VARCHAR(128)  NOT NULL,
    created    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX logbook_image_session ON logbook_image (session_id, created);

-- One rating per person and scan; the overview shows their mean.
CREATE TABLE logbook_rating (
    scan_id  VARCHAR(64)  NOT NULL REFERENCES logbook_scan (scan_id) ON DELETE CASCADE,
    username VARCHAR(128) NOT NULL,
    stars    INTEGER      NOT NULL CHECK (stars BETWEEN 1 AND 5),
    rated    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scan_id, username)
);

CREATE TABLE logbook_tag (
    scan_id VARCHAR(64)  NOT NULL REFERENCES logbook_scan (scan_id) ON DELETE CASCADE,
    tag     VARCHAR(100) NOT NULL,
    author  VARCHAR(128) NOT NULL,
    created TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scan_id, tag)
);
