#!/usr/bin/env bash
# Puts a 'mig' command for the next steps in $GITHUB_ENV as MIG: a released archive when MIG_VERSION is
# set, else this action's own checkout, built here once by its ./mig launcher.
set -euo pipefail
if [[ -n "${MIG_VERSION:-}" ]]; then
    dest="${RUNNER_TEMP:-/tmp}/mig-dist"
    mkdir -p "$dest"
    url="$MIG_RELEASES/v$MIG_VERSION/mig-$MIG_VERSION.tar.gz"
    echo "Downloading $url"
    curl -fsSL "$url" | tar -xz -C "$dest"
    echo "MIG=$dest/mig-$MIG_VERSION/bin/mig" >> "$GITHUB_ENV"
else
    "$GITHUB_ACTION_PATH/mig" --version
    echo "MIG=$GITHUB_ACTION_PATH/mig" >> "$GITHUB_ENV"
fi
