-- Every copy of a dataset's files on a storage backend, and its state (issue 5, docs/storage-lifecycle.md). The rows
-- are also the lifecycle engine's journal: WRITING is committed before the first byte is written, RELEASED before the
-- first byte is deleted, so a restart after a crash knows what to clean up.
CREATE TABLE dataset_copy (
    dataset_id  VARCHAR(128)  NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    backend     VARCHAR(200)  NOT NULL,
    key_prefix  VARCHAR(2000) NOT NULL,
    format      VARCHAR(16)   NOT NULL CHECK (format IN ('PLAIN', 'OCFL')),
    state       VARCHAR(16)   NOT NULL CHECK (state IN ('WRITING', 'VERIFIED', 'RELEASED')),
    verified_at TIMESTAMP WITH TIME ZONE,
    purged_at   TIMESTAMP WITH TIME ZONE,
    updated     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dataset_id, backend)
);

CREATE INDEX dataset_copy_state ON dataset_copy (state);

-- The last read or recall request of a dataset, for "N days without access" policies; no row means none since ingest.
CREATE TABLE dataset_access (
    dataset_id  VARCHAR(128) NOT NULL PRIMARY KEY REFERENCES dataset (id) ON DELETE CASCADE,
    last_access TIMESTAMP WITH TIME ZONE NOT NULL
);
