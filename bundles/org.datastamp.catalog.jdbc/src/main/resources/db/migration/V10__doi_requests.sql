-- Requests to mint a DOI (issue 7): asked for by a scientist, approved or rejected by a curator. The metadata column
-- holds the DOI metadata as JSON, owned by the minting service. V5, not V4: V4 is reserved for another change.
CREATE TABLE doi_request (
    id         VARCHAR(128)  NOT NULL PRIMARY KEY,
    requester  VARCHAR(128)  NOT NULL,
    state      VARCHAR(16)   NOT NULL CHECK (state IN ('REQUESTED', 'APPROVED', 'REGISTERED', 'REJECTED')),
    doi        VARCHAR(300),
    metadata   VARCHAR(1000000) NOT NULL,
    requested  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided    TIMESTAMP WITH TIME ZONE,
    decided_by VARCHAR(128),
    note       VARCHAR(10000),
    updated    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX doi_request_doi ON doi_request (doi);
CREATE INDEX doi_request_state_updated ON doi_request (state, updated);

CREATE TABLE doi_request_dataset (
    request_id VARCHAR(128) NOT NULL REFERENCES doi_request (id) ON DELETE CASCADE,
    ordinal    INTEGER      NOT NULL,
    dataset_id VARCHAR(128) NOT NULL REFERENCES dataset (id),
    PRIMARY KEY (request_id, ordinal)
);
