-- Metadata is searched in the Lucene index (decision 0010), never by SQL on name or SI value: these two indexes only
-- cost ingest time and disk (30 index rows per dataset each; measured at 20,000 datasets on H2: 244 MB instead of
-- 1,278 MB, 402 instead of 225 datasets/s). The primary key (dataset_id, ordinal) serves the reads.
DROP INDEX IF EXISTS metadata_entry_si;
DROP INDEX IF EXISTS metadata_entry_name;
