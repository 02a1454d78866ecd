-- The service's database, owned by its owner role.
-- Run as a superuser (or an administrator who is a member of owner_role), connected to any
-- database other than this one. Idempotent: an existing database is left as it is.
--   psql -X -v ON_ERROR_STOP=1 -v database=... -v owner_role=... -f 02_database.sql

SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'owner_role')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
