-- Metadata is searched in the Lucene index (decision 0010), never by SQL on name or SI value: these two indexes only
-- cost ingest time and disk (30 index rows per dataset each; measured at 100,000 datasets: H2's file and PostgreSQL's
-- database shrink and batches insert faster without them). The primary key (dataset_id, ordinal) serves the reads.
DROP INDEX IF EXISTS metadata_entry_si;
DROP INDEX IF EXISTS metadata_entry_name;
