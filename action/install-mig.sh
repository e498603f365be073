#!/usr/bin/env bash
# Puts a 'mig' command for the next steps in $GITHUB_ENV as MIG: a released archive when MIG_VERSION is
# set, else this action's own checkout, built here once by its ./mig launcher.
set -euo pipefail
if [[ -n "${MIG_VERSION:-}" ]]; then
    version="${MIG_VERSION#v}"  # 0.1.0 or v0.1.0
    if [[ -z "${MIG_REPOSITORY:-}" ]]; then
        echo "::error::mig-version needs to know where mig's releases are: set the mig-repository input (owner/name)."
        exit 2
    fi
    dest="${RUNNER_TEMP:-/tmp}/mig-dist"
    mkdir -p "$dest"
    url="${MIG_SERVER:-https://github.com}/$MIG_REPOSITORY/releases/download/v$version/mig-$version.tar.gz"
    echo "Downloading $url"
    curl -fsSL "$url" | tar -xz -C "$dest"
    echo "MIG=$dest/mig-$version/bin/mig" >> "$GITHUB_ENV"
else
    "$GITHUB_ACTION_PATH/mig" --version
    echo "MIG=$GITHUB_ACTION_PATH/mig" >> "$GITHUB_ENV"
fi
