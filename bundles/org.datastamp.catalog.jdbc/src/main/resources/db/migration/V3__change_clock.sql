-- One row that every writing transaction updates first and so holds locked until it commits. Writers are thereby
-- serialised, and change sequence numbers (drawn inside them) become visible in increasing order: an indexer that
-- resumes after the highest number it has seen can never skip a change that commits later with a lower number.
CREATE TABLE change_clock (
    id     INTEGER NOT NULL PRIMARY KEY,
    writes BIGINT  NOT NULL
);

INSERT INTO change_clock (id, writes) VALUES (1, 0);

-- This database's identity (a random UUID written by the catalogue on first start): indexes built from the change
-- feed compare it to notice that they face another database and must start over.
CREATE TABLE catalog_instance (
    id VARCHAR(64) NOT NULL PRIMARY KEY
);
