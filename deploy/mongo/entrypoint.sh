#!/bin/bash
# Starts MongoDB as a single-member replica set with authentication. A replica set with
# authentication needs a key file for member-to-member authentication even with one member; it is
# generated on the first start and kept in the config volume. Then the image's own entrypoint runs
# (root user, /docker-entrypoint-initdb.d scripts), and the health check initiates the replica set.
set -euo pipefail
key_file=/data/configdb/replica-set.key
if [ ! -s "${key_file}" ]; then
  head -c 756 /dev/urandom | base64 -w 0 > "${key_file}"
fi
chmod 400 "${key_file}"
chown mongodb:mongodb "${key_file}"
exec docker-entrypoint.sh "$@"
