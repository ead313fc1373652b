#!/usr/bin/env bash
# Fetches what building and proving the linux-aarch64 archive needs on an x86_64 Debian machine, into a cache
# folder, without installing anything or touching the machine's apt configuration (a private apt state):
#   - Debian's arm64 OpenJDK 17 (its jmods: jlink links the archive's aarch64 runtime from them), and the
#     amd64 JDK of the same version (jlink refuses modules of another version than its own);
#   - QEMU 10 user-mode emulation from bookworm-backports (bookworm's QEMU 7.2 is not enough: ONNX Runtime
#     crashes reading the host's /proc/cpuinfo and Fast-DDS multicast fails on IP_MULTICAST_IF);
#   - an arm64 root with the C library and the system libraries the runtime links (for the emulated proof).
# Writes CACHE/toolchain.env (JLINK, ARM64_JMODS, QEMU, SYSROOT) for scripts/package.sh and
# scripts/edge/aarch64-proof.sh. Cached: a second run is offline and immediate. --refresh fetches again.
#   CACHE = ${VLA_EDGE_CACHE:-$HOME/.cache/vla-edge}
set -euo pipefail

CACHE="${VLA_EDGE_CACHE:-$HOME/.cache/vla-edge}"
ENV_FILE="$CACHE/toolchain.env"
# The arm64 libraries Debian's OpenJDK and the bundled natives link (readelf -d), with their dependencies,
# and fontconfig with one font: the episode record's plots draw text.
ARM64_LIBS=(libc6 libstdc++6 libgcc-s1 libgomp1 zlib1g
  libfreetype6 libpng16-16 libbrotli1 libharfbuzz0b libglib2.0-0 libgraphite2-3 libpcre2-8-0 libffi8
  libmount1 libblkid1 libselinux1 liblcms2-2 libjpeg62-turbo libgif7
  libfontconfig1 libexpat1 libuuid1)
ALL_PKGS=(fontconfig-config fonts-dejavu-core)   # architecture-independent

say() { echo "arm64-toolchain: $*" >&2; }
die() { say "$*"; exit 2; }

if [ "${1:-}" != "--refresh" ] && [ -f "$ENV_FILE" ]; then
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  if [ -x "$JLINK" ] && [ -d "$ARM64_JMODS" ] && [ -x "$QEMU" ] && [ -d "$SYSROOT/lib" ]; then
    cat "$ENV_FILE"
    exit 0
  fi
fi
[ "$(uname -m)" = x86_64 ] || die "this fetches x86_64 tools; on $(uname -m) use a native JDK instead"
command -v apt-get >/dev/null && command -v dpkg >/dev/null || die "needs a Debian-based machine (apt-get, dpkg)"
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || die "needs Debian's archive keyring (package debian-archive-keyring)"

APT="$CACHE/apt"
mkdir -p "$APT"/{lists/partial,archives/partial,sources.list.d,preferences.d} "$CACHE/debs"
KEY=/usr/share/keyrings/debian-archive-keyring.gpg
cat > "$APT/sources.list" <<EOF
deb [signed-by=$KEY] http://deb.debian.org/debian bookworm main
deb [signed-by=$KEY] http://deb.debian.org/debian bookworm-updates main
deb [signed-by=$KEY] http://deb.debian.org/debian-security bookworm-security main
deb [signed-by=$KEY] http://deb.debian.org/debian bookworm-backports main
EOF
: > "$APT/status"
OPTS=(-o "Dir::State=$APT" -o "Dir::State::Lists=$APT/lists" -o "Dir::State::status=$APT/status"
  -o "Dir::Cache=$APT" -o "Dir::Cache::archives=$APT/archives" -o "Dir::Etc::SourceList=$APT/sources.list"
  -o "Dir::Etc::SourceParts=$APT/sources.list.d" -o "Dir::Etc::PreferencesParts=$APT/preferences.d"
  -o APT::Architecture=amd64 -o APT::Architectures::=amd64 -o APT::Architectures::=arm64
  -o Debug::NoLocking=1 -o APT::Sandbox::User="$(id -un)" -q)

say "reading the package lists (private apt state in $APT)"
apt-get "${OPTS[@]}" update >/dev/null || die "apt-get update failed (is deb.debian.org reachable?)"
JDK_VERSION=$(apt-cache "${OPTS[@]}" policy openjdk-17-jdk-headless:arm64 | sed -n 's/^ *Candidate: //p')
[ -n "$JDK_VERSION" ] && [ "$JDK_VERSION" != "(none)" ] || die "no openjdk-17-jdk-headless for arm64"
say "fetching QEMU (bookworm-backports), OpenJDK $JDK_VERSION for arm64 and amd64, $((${#ARM64_LIBS[@]} + ${#ALL_PKGS[@]})) packages for the arm64 root"
rm -f "$CACHE"/debs/*.deb
(cd "$CACHE/debs" && apt-get "${OPTS[@]}" download qemu-user/bookworm-backports \
  "openjdk-17-jdk-headless:arm64=$JDK_VERSION" "openjdk-17-jre-headless:arm64=$JDK_VERSION" \
  "openjdk-17-jdk-headless:amd64=$JDK_VERSION" "openjdk-17-jre-headless:amd64=$JDK_VERSION" \
  "${ARM64_LIBS[@]/%/:arm64}" "${ALL_PKGS[@]}" >/dev/null) || die "downloading the packages failed"

say "unpacking"
rm -rf "$CACHE/qemu" "$CACHE/jdk-amd64" "$CACHE/sysroot"
mkdir -p "$CACHE/qemu" "$CACHE/jdk-amd64" "$CACHE/sysroot"
dpkg -x "$CACHE"/debs/qemu-user_*_amd64.deb "$CACHE/qemu"
for d in "$CACHE"/debs/openjdk-17-j*_amd64.deb; do dpkg -x "$d" "$CACHE/jdk-amd64"; done
for d in "$CACHE"/debs/*_arm64.deb "$CACHE"/debs/*_all.deb; do dpkg -x "$d" "$CACHE/sysroot"; done
# Only the aarch64 emulator is used; the packages themselves are not needed once unpacked.
find "$CACHE/qemu" -type f ! -name qemu-aarch64 -delete
rm -f "$CACHE"/debs/*.deb

JLINK="$CACHE/jdk-amd64/usr/lib/jvm/java-17-openjdk-amd64/bin/jlink"
ARM64_JMODS="$CACHE/sysroot/usr/lib/jvm/java-17-openjdk-arm64/jmods"
QEMU="$CACHE/qemu/usr/bin/qemu-aarch64"
SYSROOT="$CACHE/sysroot"
"$JLINK" --version >/dev/null || die "the fetched jlink does not run"
"$QEMU" --version | head -1 >&2
cat > "$ENV_FILE" <<EOF
JDK_VERSION='$JDK_VERSION'
JLINK='$JLINK'
ARM64_JMODS='$ARM64_JMODS'
QEMU='$QEMU'
SYSROOT='$SYSROOT'
EOF
say "ready ($(du -sm "$CACHE" | cut -f1) MB in $CACHE)"
cat "$ENV_FILE"
