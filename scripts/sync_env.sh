#!/usr/bin/env bash
# scripts/sync_env.sh [GROUP...]: install the project's .venv from uv.lock: the runtime dependencies
# (all `make run` needs), plus the dependency groups asked for (pyproject.toml: test, lint, sql, refdata)
# and those already installed.
#
# Why the union: `uv sync` is exact, it uninstalls every package of a group it is not asked for. Syncing
# `make run`'s set (no group) after `make test`'s (test + lint) would remove pytest, ruff, playwright, ...
# and the next `make test` would install them again, back and forth. Asking for the groups already there
# as well keeps the sync exact against the lock (a package the lock no longer has is removed, so nothing
# stale hides a missing dependency) and never churns. `make clean` starts lean again.
#
# .venv/.fulian-sync holds the hash of uv.lock + pyproject.toml and the groups installed; when they
# already cover the request, nothing runs (not even uv), so every make target can call this.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
PYTHON=${PYTHON:-python3}
STATE=.venv/.fulian-sync

lock_hash=$(cat uv.lock pyproject.toml | cksum | cut -d' ' -f1)
synced_hash="" installed=""
if [[ -f $STATE && -x .venv/bin/python ]]; then
  read -r synced_hash installed < "$STATE" || true
fi

# Groups installed before and still declared, and the ones asked for (uv rejects an unknown one).
wanted=()
for group in $installed; do
  grep -qE "^${group} = " pyproject.toml && wanted+=("$group")
done
mapfile -t wanted < <(printf '%s\n' "${wanted[@]}" "$@" | sed '/^$/d' | sort -u)

if [[ $synced_hash == "$lock_hash" && "${wanted[*]}" == "$installed" ]]; then
  exit 0
fi

if [[ ! -x .tools/bin/uv ]]; then
  "$PYTHON" -m venv .tools
  .tools/bin/pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
args=()
for group in "${wanted[@]}"; do
  args+=(--group "$group")
done
echo "uv sync --frozen ${args[*]}"
UV_COMPILE_BYTECODE=1 .tools/bin/uv sync --frozen --quiet "${args[@]}"
echo "$lock_hash ${wanted[*]}" > "$STATE"
