#!/usr/bin/env bash
# Builds a self-contained archive of vla-controller per platform (docs/edge.md):
#   dist/vla-controller-VERSION-linux-x86_64.tar.gz
#   dist/vla-controller-VERSION-linux-aarch64.tar.gz   (Jetson-class robots)
# Each holds a Java runtime made with jlink for its platform, the jars with only that platform's natives
# (ONNX Runtime, OpenCV + OpenBLAS, Fast-DDS, sqlite), the model (inside lib/vla-model-*.jar), the bundled
# scenarios, the ROS 2 params and launch files, bin/vla and a systemd unit. Unpack and run bin/vla.
#
#   scripts/package.sh [--platform linux-x86_64|linux-aarch64|all] [--out DIR] [--no-build]
#     --platform   which archive(s) to build (default: all)
#     --out        where the archives go (default: dist/)
#     --no-build   use the jars already built (after mvn package) instead of running Maven
#
# The aarch64 runtime is linked from Debian's arm64 JDK modules, fetched by scripts/edge/arm64-toolchain.sh
# (a private apt download; nothing is installed on this machine).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLATFORMS=(linux-x86_64 linux-aarch64)
OUT="$ROOT/dist"
BUILD=1
MAX_MB=250
# The JDK modules the controller uses (jdeps over every jar; java.naming and jdk.management for log4j
# and the resource readings). Checked by running the archive: a missing one fails its first command.
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.sql,java.xml,jdk.management,jdk.unsupported

die() { echo "package: $*" >&2; exit 2; }
say() { echo "package: $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --platform) [ $# -ge 2 ] || die "--platform needs a value"; case "$2" in
        all) PLATFORMS=(linux-x86_64 linux-aarch64) ;;
        linux-x86_64|linux-aarch64) PLATFORMS=("$2") ;;
        *) die "unknown platform '$2' (expected linux-x86_64, linux-aarch64 or all)" ;;
      esac; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a folder"; OUT="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

command -v jlink >/dev/null || die "jlink not found: install a JDK 17 (Debian: openjdk-17-jdk-headless)"
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)
[ -n "$VERSION" ] || die "cannot read the version from pom.xml"
case "$(uname -m)" in
  x86_64) HOST=linux-x86_64 ;;
  aarch64) HOST=linux-aarch64 ;;
  *) die "cannot build on $(uname -m)" ;;
esac
# bytedeco names the platforms its classifier jars are built for differently.
javacpp_platform() { [ "$1" = linux-aarch64 ] && echo linux-arm64 || echo linux-x86_64; }

START=$(date +%s)
if [ $BUILD -eq 1 ]; then
  say "building the jars (mvn package, tests skipped)..."
  (cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests package) || die "the Maven build failed"
fi
HOST_CP="$ROOT/launch/target/classpath.txt"
LAUNCH_JAR="$ROOT/launch/target/launch-$VERSION.jar"
[ -f "$HOST_CP" ] && [ -f "$LAUNCH_JAR" ] || die "no built jars in launch/target: run without --no-build"

# The classpath for a platform: the host's, with bytedeco's classifier jars swapped for the platform's
# (the other native jars carry every platform inside and are filtered below). Missing ones are fetched.
classpath_for() {
  local platform=$1 host_jcp want_jcp
  host_jcp=$(javacpp_platform "$HOST")
  want_jcp=$(javacpp_platform "$platform")
  # (classpath.txt has no final newline: read's last line must count too)
  tr ':' '\n' < "$HOST_CP" | while read -r jar || [ -n "$jar" ]; do
    [ -n "$jar" ] || continue
    if [ "$host_jcp" != "$want_jcp" ] && [[ "$jar" == */org/bytedeco/*-"$host_jcp".jar ]]; then
      local swapped="${jar%-"$host_jcp".jar}-$want_jcp.jar"
      if [ ! -f "$swapped" ]; then
        # .../org/bytedeco/ARTIFACT/VERSION/ARTIFACT-VERSION-CLASSIFIER.jar
        local version artifact
        version=$(basename "$(dirname "$swapped")")
        artifact=$(basename "$(dirname "$(dirname "$swapped")")")
        say "fetching org.bytedeco:$artifact:$version:$want_jcp"
        (cd "$ROOT" && mvn -q -B -Dstyle.color=never dependency:get \
          -Dartifact="org.bytedeco:$artifact:$version:jar:$want_jcp" -Dtransitive=false) >&2 \
          || die "cannot fetch org.bytedeco:$artifact:$version:$want_jcp"
      fi
      echo "$swapped"
    else
      echo "$jar"
    fi
  done
}

runtime_for() {
  local platform=$1 dest=$2 jlink jmods
  if [ "$platform" = "$HOST" ]; then
    local jdk
    jdk="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"
    jlink="$jdk/bin/jlink"
    jmods="$jdk/jmods"
  else
    [ "$platform" = linux-aarch64 ] || die "cross-linking is set up for linux-aarch64 only"
    "$ROOT/scripts/edge/arm64-toolchain.sh" >/dev/null || die "the arm64 toolchain could not be fetched"
    # shellcheck disable=SC1091
    source "${VLA_EDGE_CACHE:-$HOME/.cache/vla-edge}/toolchain.env"
    jlink="$JLINK"
    jmods="$ARM64_JMODS"
  fi
  [ -d "$jmods" ] || die "no JDK modules at $jmods (Debian: apt-get install openjdk-17-jdk-headless)"
  # The class-data-sharing archive (faster JVM start) can only be made by running the target's java:
  # on the host platform here, on another by `runtime/bin/java -Xshare:dump` once installed (docs/edge.md).
  # Native debug symbols are stripped with the host's objcopy, which cannot read another CPU's
  # libraries (Debian ships them stripped already); Java debug attributes are stripped on every platform.
  local extra=(--strip-debug --generate-cds-archive)
  [ "$platform" = "$HOST" ] || extra=(--strip-java-debug-attributes)
  "$jlink" --module-path "$jmods" --add-modules "$MODULES" --no-header-files --no-man-pages \
    --compress=2 "${extra[@]}" --output "$dest" || die "jlink failed for $platform"
}

build_one() {
  local platform=$1 name stage top
  name="vla-controller-$VERSION-$platform"
  stage="$OUT/.stage"
  top="$stage/$name"
  rm -rf "$stage" && mkdir -p "$top"
  say "$name: Java runtime (jlink: $MODULES)"
  runtime_for "$platform" "$top/runtime"

  say "$name: jars, keeping only $platform natives"
  local jars=("$LAUNCH_JAR")
  mapfile -t -O 1 jars < <(classpath_for "$platform")
  local j expected
  expected=$(( $(tr ':' '\n' < "$HOST_CP" | grep -c .) + 1 ))
  [ ${#jars[@]} -eq "$expected" ] || die "the classpath for $platform has ${#jars[@]} jars, expected $expected"
  for j in "${jars[@]}"; do
    [ -f "$j" ] || die "$j is missing (the classpath for $platform could not be completed)"
  done
  java -cp "$ROOT/launch/target/classes" dev.vla.launch.dist.PlatformJars "$platform" "$top/lib" \
    dev.vla.launch.Main "${jars[@]}" >&2 || die "filtering the jars for $platform failed"

  say "$name: scenarios, ROS 2 files, launcher, systemd unit, docs"
  mkdir -p "$top/bin" "$top/systemd" "$top/docs" "$top/vla-model/model"
  cp -r "$ROOT/scenarios" "$ROOT/ros2" "$top/"
  # The model also sits inside lib/vla-model-*.jar; the folder is what `vla bench inference` and
  # VLA_MODEL_DIR read, and what a person swaps to try another model.
  cp "$ROOT"/vla-model/model/*.onnx "$ROOT"/vla-model/model/{vocab.txt,spec.json,metrics.json} "$top/vla-model/model/"
  cp "$ROOT/packaging/bin/vla" "$top/bin/vla"
  cp "$ROOT/packaging/systemd/vla-controller.service" "$top/systemd/"
  # The budget measurement runs on the robot as it does here (Python 3, standard library only).
  mkdir -p "$top/tools" && cp "$ROOT/scripts/edge/budget.py" "$top/tools/"
  cp "$ROOT/README.md" "$top/"
  cp "$ROOT"/docs/*.md "$top/docs/"
  {
    echo "vla-controller $VERSION $platform"
    echo "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "runtime $(cat "$top/runtime/release" | sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p')"
    echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } > "$top/VERSION"

  local archive="$OUT/$name.tar.gz"
  say "$name: compressing"
  tar --owner=0 --group=0 --numeric-owner -C "$stage" -czf "$archive.part" "$name"
  mv "$archive.part" "$archive"
  local mb unpacked
  mb=$(( ($(stat -c %s "$archive") + 999999) / 1000000 ))
  unpacked=$(du -sm "$top" | cut -f1)
  rm -rf "$stage"
  echo "$archive: $mb MB ($unpacked MiB unpacked; budget $MAX_MB MB)"
  [ "$mb" -le $MAX_MB ] || die "$name is $mb MB, over the $MAX_MB MB budget"
}

mkdir -p "$OUT"
for p in "${PLATFORMS[@]}"; do
  build_one "$p"
done
say "done in $(( $(date +%s) - START )) s"
