#!/usr/bin/env bash
# Proves an x86_64 archive runs on its own: unpacks it into an empty, read-only folder (as under /opt)
# and, with the machine's JDKs and Maven repository hidden (a private mount namespace when run as root)
# and an empty environment, runs through the archive's bin/vla:
#   1. the main job: `vla run` on the bundled scenario (OpenCV, Fast-DDS, sqlite rosbag2), which must succeed
#      and record into the per-user state folder, the install folder being read-only;
#   2. `vla bench inference`: the model in ONNX Runtime;
#   3. `vla run --policy vla`: the model driving the whole stack on the bundled scenario to the end of the
#      episode (success or a judged failure: the model's success rate is docs/model.md's business).
# What it cannot prove: another distribution's system libraries (glibc, zlib, freetype: docs/edge.md).
#   scripts/edge/archive-check.sh dist/vla-controller-VERSION-linux-x86_64.tar.gz
set -euo pipefail

ARCHIVE="${1:?usage: archive-check.sh ARCHIVE.tar.gz}"
[ -f "$ARCHIVE" ] || { echo "archive-check: $ARCHIVE not found" >&2; exit 2; }
ARCHIVE="$(cd "$(dirname "$ARCHIVE")" && pwd)/$(basename "$ARCHIVE")"
WORK="$(mktemp -d /tmp/vla-archive-check.XXXXXX)"
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/opt" "$WORK/home"
tar -C "$WORK/opt" -xzf "$ARCHIVE"
TOP="$(find "$WORK/opt" -mindepth 1 -maxdepth 1 -type d)"
chmod -R a-w "$TOP"
START=$(date +%s)

# Runs bin/vla in an empty environment; as root, in a mount namespace where the JDKs and Maven are gone.
isolated() {
  local cmd=(env -i PATH=/usr/bin:/bin HOME="$WORK/home" ROS_DOMAIN_ID=57 "$TOP/bin/vla" "$@")
  if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
    # root writes through file modes: the install folder becomes a read-only bind mount instead.
    TOP="$TOP" unshare -m bash -c 'for d in /usr/lib/jvm /usr/share/maven /root/.m2 /etc/java-17-openjdk; do
        [ -d "$d" ] && mount -t tmpfs none "$d"; done
      mount --bind "$TOP" "$TOP" && mount -o remount,bind,ro "$TOP"
      ! command -v javac >/dev/null 2>&1 && [ ! -e /usr/lib/jvm/java-17-openjdk-amd64 ] || {
        echo "archive-check: the JDK is still visible" >&2; exit 3; }
      exec "$@"' _ "${cmd[@]}"
  else
    echo "archive-check: not root: the machine's JDK stays visible (only the environment is emptied)" >&2
    "${cmd[@]}"
  fi
}

# step NAME EXPECTED_EXIT_CODES OUTPUT_REGEX VLA_ARGS...
step() {
  local name="$1" codes="$2" expect="$3"; shift 3
  local log="$WORK/step.log" t0=$SECONDS rc=0
  isolated "$@" >"$log" 2>&1 || rc=$?
  if [[ " $codes " == *" $rc "* ]] && grep -qE "$expect" "$log"; then
    echo "PASS $name ($((SECONDS - t0)) s): $(grep -m1 -E "$expect" "$log")"
  else
    echo "FAIL $name: expected exit code $codes (got $rc) and /$expect/ in the output of vla $*:" >&2
    tail -30 "$log" >&2
    exit 1
  fi
}

step "main job (vla run, keyword baseline)" 0 '^SUCCESS: red_cube_blue_bin' run
RUNS="$WORK/home/.local/state/vla-controller/runs"
ls "$RUNS"/*/bag/metadata.yaml >/dev/null 2>&1 \
  || { echo "FAIL the run recorded nothing under $RUNS (install folder read-only)" >&2; exit 1; }
echo "PASS recording with a read-only install: $(ls -d "$RUNS"/*/ | head -1)"
step "model inference (vla bench inference)" 0 '^ONNX Runtime cpu, batch 1' bench inference --iterations 50
# The model does not yet solve every scenario (docs/model.md): a finished episode either way passes.
step "the model drives the stack (vla run --policy vla)" "0 1" '^(SUCCESS|FAILED): red_cube_blue_bin' \
  run --policy vla --no-bag
echo "archive-check: $(basename "$ARCHIVE") runs on its own ($(( $(date +%s) - START )) s)"
