-- The facility data model of catalogue API 2.0: facility, instruments, people, proposals, sessions, samples;
-- datasets gain their proposal, provenance, lifecycle, access and change sequence; attachments, publications and
-- minted DOIs. Portable SQL for H2 2.3 and PostgreSQL 15 (one script for both).

-- Release 0.1 recorded its schema version here; Flyway took over (baseline at version 1).
DROP TABLE IF EXISTS schema_version;

CREATE TABLE facility (
    id   VARCHAR(128)  NOT NULL PRIMARY KEY,
    name VARCHAR(1000) NOT NULL,
    ror  VARCHAR(200)  NOT NULL
);

CREATE TABLE instrument (
    id   VARCHAR(128)  NOT NULL PRIMARY KEY,
    name VARCHAR(1000) NOT NULL
);

CREATE TABLE instrument_technique (
    instrument_id VARCHAR(128) NOT NULL REFERENCES instrument (id) ON DELETE CASCADE,
    ordinal       INTEGER      NOT NULL,
    technique     VARCHAR(200) NOT NULL,
    PRIMARY KEY (instrument_id, ordinal)
);

CREATE TABLE person (
    username      VARCHAR(128)  NOT NULL PRIMARY KEY,
    full_name     VARCHAR(1000) NOT NULL,
    email         VARCHAR(1000) NOT NULL,
    orcid         VARCHAR(32)   NOT NULL,
    affiliation   VARCHAR(1000) NOT NULL,
    password_hash VARCHAR(1000)
);

CREATE TABLE person_role (
    username VARCHAR(128) NOT NULL REFERENCES person (username) ON DELETE CASCADE,
    role     VARCHAR(32)  NOT NULL,
    PRIMARY KEY (username, role)
);

-- No foreign key to instrument: staff may be recorded before their instrument is.
CREATE TABLE person_staff_of (
    username      VARCHAR(128) NOT NULL REFERENCES person (username) ON DELETE CASCADE,
    instrument_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (username, instrument_id)
);

-- embargo: ISO-8601 period (P3Y, P6M); NULL means the catalogue's configured default.
CREATE TABLE proposal (
    id                     VARCHAR(128)   NOT NULL PRIMARY KEY,
    title                  VARCHAR(2000)  NOT NULL,
    abstract_text          VARCHAR(100000) NOT NULL,
    principal_investigator VARCHAR(128)   NOT NULL,
    embargo                VARCHAR(64)
);

CREATE TABLE proposal_member (
    proposal_id VARCHAR(128) NOT NULL REFERENCES proposal (id) ON DELETE CASCADE,
    username    VARCHAR(128) NOT NULL,
    PRIMARY KEY (proposal_id, username)
);

-- viewer(username) looks proposals up by member and by PI.
CREATE INDEX proposal_member_username ON proposal_member (username);
CREATE INDEX proposal_pi ON proposal (principal_investigator);

CREATE TABLE session (
    id          VARCHAR(128) NOT NULL PRIMARY KEY,
    proposal_id VARCHAR(128) NOT NULL REFERENCES proposal (id),
    instrument  VARCHAR(128) NOT NULL,
    start_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX session_proposal ON session (proposal_id, start_time);

CREATE TABLE sample (
    id          VARCHAR(128)   NOT NULL PRIMARY KEY,
    name        VARCHAR(1000)  NOT NULL,
    description VARCHAR(100000) NOT NULL,
    proposal_id VARCHAR(128)   REFERENCES proposal (id)
);

-- New dataset columns. Datasets recorded by release 0.1 get public_from when the catalogue starts (it depends on
-- the configured default embargo) and their change sequence then too.
ALTER TABLE dataset ADD COLUMN description VARCHAR(100000) DEFAULT '' NOT NULL;
ALTER TABLE dataset ADD COLUMN proposal_id VARCHAR(128);
ALTER TABLE dataset ADD COLUMN session_id VARCHAR(128);
ALTER TABLE dataset ADD COLUMN sample_id VARCHAR(128);
ALTER TABLE dataset ADD COLUMN technique VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE dataset ADD COLUMN online BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE dataset ADD COLUMN archived BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dataset ADD COLUMN public_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE dataset ADD COLUMN doi VARCHAR(300);
ALTER TABLE dataset ADD COLUMN change_seq BIGINT;

ALTER TABLE dataset ADD CONSTRAINT dataset_proposal_fk FOREIGN KEY (proposal_id) REFERENCES proposal (id);
ALTER TABLE dataset ADD CONSTRAINT dataset_session_fk FOREIGN KEY (session_id) REFERENCES session (id);
ALTER TABLE dataset ADD CONSTRAINT dataset_sample_fk FOREIGN KEY (sample_id) REFERENCES sample (id);

-- The access rule: by proposal, by instrument (staff), by public_from; the change feed by sequence.
CREATE INDEX dataset_proposal ON dataset (proposal_id);
CREATE INDEX dataset_instrument ON dataset (instrument);
CREATE INDEX dataset_public_from ON dataset (public_from);
CREATE UNIQUE INDEX dataset_change ON dataset (change_seq);

CREATE SEQUENCE dataset_change_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dataset_keyword (
    dataset_id VARCHAR(128) NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    ordinal    INTEGER      NOT NULL,
    keyword    VARCHAR(500) NOT NULL,
    PRIMARY KEY (dataset_id, ordinal)
);

-- Provenance: the datasets a derived dataset was made from.
CREATE TABLE dataset_input (
    dataset_id VARCHAR(128) NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    ordinal    INTEGER      NOT NULL,
    input_id   VARCHAR(128) NOT NULL REFERENCES dataset (id),
    PRIMARY KEY (dataset_id, ordinal)
);

CREATE INDEX dataset_input_input ON dataset_input (input_id);

-- Lifecycle: storage tiers holding a verified copy.
CREATE TABLE dataset_tier (
    dataset_id VARCHAR(128) NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    ordinal    INTEGER      NOT NULL,
    tier       VARCHAR(200) NOT NULL,
    PRIMARY KEY (dataset_id, ordinal)
);

-- Quantities in their SI unit, so searches compare 40 degC with 300 K as plain numbers.
ALTER TABLE metadata_entry ADD COLUMN si_value DOUBLE PRECISION;
ALTER TABLE metadata_entry ADD COLUMN si_unit VARCHAR(200);
CREATE INDEX metadata_entry_si ON metadata_entry (name, si_value);

CREATE TABLE attachment (
    id         VARCHAR(128)  NOT NULL PRIMARY KEY,
    dataset_id VARCHAR(128)  NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    name       VARCHAR(1000) NOT NULL,
    media_type VARCHAR(200)  NOT NULL,
    caption    VARCHAR(10000) NOT NULL,
    author     VARCHAR(128)  NOT NULL,
    created    TIMESTAMP WITH TIME ZONE NOT NULL,
    size_bytes BIGINT        NOT NULL,
    content    BYTEA         NOT NULL
);

CREATE INDEX attachment_dataset ON attachment (dataset_id, created);

CREATE TABLE publication (
    doi      VARCHAR(300)  NOT NULL PRIMARY KEY,
    title    VARCHAR(2000) NOT NULL,
    pub_year INTEGER       NOT NULL
);

CREATE TABLE publication_author (
    doi     VARCHAR(300)  NOT NULL REFERENCES publication (doi) ON DELETE CASCADE,
    ordinal INTEGER       NOT NULL,
    author  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (doi, ordinal)
);

CREATE TABLE publication_dataset (
    doi        VARCHAR(300) NOT NULL REFERENCES publication (doi) ON DELETE CASCADE,
    ordinal    INTEGER      NOT NULL,
    dataset_id VARCHAR(128) NOT NULL REFERENCES dataset (id),
    PRIMARY KEY (doi, ordinal)
);

CREATE INDEX publication_dataset_dataset ON publication_dataset (dataset_id);

CREATE TABLE published_data (
    doi        VARCHAR(300)  NOT NULL PRIMARY KEY,
    title      VARCHAR(2000) NOT NULL,
    registered TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE published_data_dataset (
    doi        VARCHAR(300) NOT NULL REFERENCES published_data (doi) ON DELETE CASCADE,
    ordinal    INTEGER      NOT NULL,
    dataset_id VARCHAR(128) NOT NULL REFERENCES dataset (id),
    PRIMARY KEY (doi, ordinal)
);

CREATE INDEX published_data_dataset_dataset ON published_data_dataset (dataset_id);
