-- The two login roles of one service database.
--   owner_role: owns the database and its schema; the service runs its migrations as this role.
--   app_role:   what the service serves requests as; it owns nothing, cannot bypass row-level
--               security and cannot create roles or databases, so the policies always apply.
-- Run as a superuser (or a managed server's CREATEROLE administrator), connected to any database.
-- Idempotent: roles that exist are brought back to these attributes and passwords.
--   psql -X -v ON_ERROR_STOP=1 -v owner_role=... -v owner_password=... -v app_role=... -v app_password=... -f 01_roles.sql

SELECT format('CREATE ROLE %I', :'owner_role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner_role') \gexec
SELECT format('CREATE ROLE %I', :'app_role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_role') \gexec

ALTER ROLE :"owner_role" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
ALTER ROLE :"app_role" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
