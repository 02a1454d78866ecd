-- What each role may do inside the service's database.
-- Run as a superuser (or the database's administrator), connected to THAT database. Idempotent.
--   psql -X -v ON_ERROR_STOP=1 -v database=... -v owner_role=... -v app_role=... -d <database> -f 03_privileges.sql

-- Only the owner role creates objects; migrations grant the application role its table rights.
ALTER SCHEMA public OWNER TO :"owner_role";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";
-- Bulk writes stage rows in session-private temporary tables (COPY cannot target an RLS table).
GRANT TEMPORARY ON DATABASE :"database" TO :"app_role";
-- Requests are short queries; JIT compilation, set off by the row estimates of large tables,
-- cost a search about 330 ms at a million companies and saves nothing.
ALTER ROLE :"app_role" IN DATABASE :"database" SET jit = off;
