#!/usr/bin/env bash
# Sets up (scripts/setup.sh), builds the web app and serves it:
#   bash scripts/serve.sh             release build in dist/, served on http://127.0.0.1:${PORT:-8080}/
#   MODE=dev bash scripts/serve.sh    `trunk serve` (dev build, rebuilds and reloads on every edit)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # also cds to the repository root
PORT=${PORT:-8080}

if [ "${MODE:-release}" = dev ]; then
  echo "== serve: trunk serve (dev) on http://127.0.0.1:$PORT/"
  exec trunk serve --address 127.0.0.1 --port "$PORT"
fi

echo "== serve: release build (scripts/build-web.sh)"
bash scripts/build-web.sh
echo "== serve: chainmap on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
