-- Full-text search under row-level security.
-- As with trigrams (04), PostgreSQL uses the GIN index over a timeline's words only when the
-- match operator (tsvector @@ tsquery) is LEAKPROOF, and it is not declared so: without this file
-- a search over a tenant's timeline reads every item of every tenant before the policy filters.
-- ts_match_vq compares a parsed document with a parsed query and raises no error that depends on
-- the data (a malformed query fails while it is parsed, before any row is read).
-- Run as a SUPERUSER, connected to the service's database. Idempotent.
--   psql -X -v ON_ERROR_STOP=1 -d <database> -f 05_text_search_leakproof.sql

ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
ALTER FUNCTION ts_match_qv(tsquery, tsvector) LEAKPROOF;
