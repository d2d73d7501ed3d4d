# Shared by the benchmark scripts, sourced once they are in bench/ (every
# path is relative to it): logging, Debian packages installed when a tool
# is missing, the release binaries, and the machine's description.
# ROOT is the repository.

log() { printf '== %s\n' "$*" >&2; }

# apt_need COMMAND PACKAGE: installs the Debian package when COMMAND is missing.
apt_updated=""
apt_need() {
    if [ -x "$1" ] || command -v "$1" >/dev/null 2>&1; then return 0; fi
    log "installing $2"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if [ -z "$apt_updated" ]; then $sudo apt-get update -qq >>work/apt.log 2>&1 || true; apt_updated=1; fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >>work/apt.log 2>&1 ||
        { cat work/apt.log >&2; return 1; }
}

# release_binaries PACKAGE...: the binaries of these packages (one each, of
# the same name) in the `dist` profile (thin LTO: what is deployed), built once (the build takes minutes; again with
# BENCH_BUILD=1), then copied to work/bin so that a rebuild during the run
# cannot change what is measured.
release_binaries() {
    local package missing="" packages=() target="${CARGO_TARGET_DIR:-$ROOT/target}"
    for package in "$@"; do
        [ -x "$target/dist/$package" ] || missing=1
        packages+=(-p "$package")
    done
    if [ -n "${BENCH_BUILD:-}" ] || [ -n "$missing" ]; then
        log "building dist binaries: $*"
        (cd "$ROOT" && cargo build --profile dist "${packages[@]}" >&2)
    fi
    mkdir -p work/bin
    for package in "$@"; do
        cp -p "$target/dist/$package" work/bin/
    done
}

# describe_machine VIGIE: the Machine, Kernel and vigie lines of a result.
describe_machine() {
    echo "Machine:  $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), \
$(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)"
    echo "Kernel:   $(uname -sr)"
    echo "vigie:    $("$1" --version), binary sha256 $(sha256sum "$1" | cut -c1-12), built $(date -r "$1" '+%F %T')"
}
