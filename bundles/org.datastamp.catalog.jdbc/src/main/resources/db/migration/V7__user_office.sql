-- User office (bundle org.datastamp.useroffice.jdbc, decision 0025): block allocations, sample details and mail-in
-- shipments, beside the catalogue's proposals, sessions and samples which they extend. H2 2.3 and PostgreSQL 15.

-- A block allocation group: beamtime granted to a proposal on an instrument, used by several sessions.
CREATE TABLE uo_allocation (
    id          VARCHAR(128)  NOT NULL PRIMARY KEY,
    proposal_id VARCHAR(128)  NOT NULL REFERENCES proposal (id),
    instrument  VARCHAR(128)  NOT NULL,
    title       VARCHAR(2000) NOT NULL,
    shifts      INTEGER       NOT NULL CHECK (shifts >= 0)
);

CREATE TABLE uo_allocation_session (
    session_id    VARCHAR(128) NOT NULL PRIMARY KEY REFERENCES session (id),
    allocation_id VARCHAR(128) NOT NULL REFERENCES uo_allocation (id) ON DELETE CASCADE
);

-- What the catalogue's sample does not say: composition and safety.
CREATE TABLE uo_sample (
    sample_id   VARCHAR(128)   NOT NULL PRIMARY KEY REFERENCES sample (id),
    composition VARCHAR(10000) NOT NULL,
    hazard      VARCHAR(16)    NOT NULL,
    safety      VARCHAR(10000) NOT NULL
);

CREATE TABLE uo_shipment (
    id          VARCHAR(128)  NOT NULL PRIMARY KEY,
    proposal_id VARCHAR(128)  NOT NULL REFERENCES proposal (id),
    instrument  VARCHAR(128)  NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    tracking    VARCHAR(1000) NOT NULL,
    created     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(128)  NOT NULL
);

CREATE INDEX uo_shipment_queue ON uo_shipment (instrument, status, created);

CREATE TABLE uo_shipment_sample (
    shipment_id VARCHAR(128) NOT NULL REFERENCES uo_shipment (id) ON DELETE CASCADE,
    ordinal     INTEGER      NOT NULL,
    sample_id   VARCHAR(128) NOT NULL REFERENCES sample (id),
    PRIMARY KEY (shipment_id, ordinal)
);

-- Every status change with its time and person; the first row is the creation.
CREATE TABLE uo_shipment_event (
    shipment_id VARCHAR(128)   NOT NULL REFERENCES uo_shipment (id) ON DELETE CASCADE,
    ordinal     INTEGER        NOT NULL,
    status      VARCHAR(16)    NOT NULL,
    at_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    username    VARCHAR(128)   NOT NULL,
    note        VARCHAR(10000) NOT NULL,
    PRIMARY KEY (shipment_id, ordinal)
);
