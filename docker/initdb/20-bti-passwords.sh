#!/bin/sh
# Passwords of the three logins (10-bti-roles.sql made them), from the compose environment.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v migrator="$BTI_MIGRATOR_PASSWORD" -v api="$BTI_API_PASSWORD" -v worker="$BTI_WORKER_PASSWORD" <<'EOSQL'
ALTER ROLE bti_migrator PASSWORD :'migrator';
ALTER ROLE bti_api PASSWORD :'api';
ALTER ROLE bti_worker PASSWORD :'worker';
EOSQL
