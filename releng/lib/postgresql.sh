# Sourced by releng/test: the catalogue tests need PostgreSQL on 127.0.0.1:5432, user postgres without a password.
# Installs (as root, when missing) and starts the Debian cluster, and lets postgres connect from 127.0.0.1 without a
# password when it cannot yet. Idempotent: does nothing when the server already answers.
postgres_answers() { psql -h 127.0.0.1 -p 5432 -U postgres -w -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; }

ensure_postgresql() {
  postgres_answers && return 0
  if ! command -v pg_lsclusters >/dev/null || [[ -z "$(pg_lsclusters -h 2>/dev/null)" ]]; then
    if [[ $(id -u) -ne 0 ]]; then
      echo "The catalogue tests need PostgreSQL; install it with: sudo apt-get install -y postgresql" >&2
      return 1
    fi
    echo "Installing PostgreSQL for the catalogue tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  fi
  local version cluster status
  read -r version cluster status < <(pg_lsclusters -h | awk '$3 == 5432 {print $1, $2, $4; exit}')
  if [[ -z "${version:-}" ]]; then
    echo "No PostgreSQL cluster listens on port 5432 (see pg_lsclusters)" >&2
    return 1
  fi
  [[ "$status" == online* ]] || pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
  if ! postgres_answers && [[ $(id -u) -eq 0 ]]; then
    # A fresh cluster asks for a password on TCP; the tests connect as postgres from 127.0.0.1 without one.
    local hba="/etc/postgresql/$version/$cluster/pg_hba.conf"
    echo "Letting postgres connect from 127.0.0.1 without a password ($hba)"
    sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" reload
  fi
  for _ in $(seq 30); do postgres_answers && return 0; sleep 1; done
  echo "PostgreSQL on 127.0.0.1:5432 does not answer for user postgres" >&2
  return 1
}
