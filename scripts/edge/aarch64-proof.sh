#!/usr/bin/env bash
# Proves the linux-aarch64 archive on an x86_64 machine, under QEMU user-mode emulation of an AArch64 CPU
# (scripts/edge/arm64-toolchain.sh fetches QEMU 10 and an arm64 Debian root with the C library):
#   0. every native library in the archive (runtime and jars) is an AArch64 ELF file: nothing x86 slipped in;
#   1. Fast-DDS: `vla node executor` joins the ROS 2 graph (a DDS participant, publishers, subscriptions);
#   2. one scenario through the whole stack with the trained model, in lock step: `vla eval --policy vla
#      --record` on the bundled demo: OpenCV renders and segments, ONNX Runtime decides, the executor and the
#      safety supervisor act, and the episode is recorded as a rosbag2 bag through sqlite-jdbc's native.
# What this proves: the aarch64 runtime made by jlink starts, and every native the controller uses loads and
# does real work on an AArch64 CPU model, from the archive alone.
# What it cannot prove: a Jetson's own kernel, glibc and JetPack libraries; CUDA and TensorRT; real-time
# behaviour and speed (emulation is about 200 times slower: an inference takes 0.7 s instead of 4 ms);
# DDS across a real network.
#   scripts/edge/aarch64-proof.sh dist/vla-controller-VERSION-linux-aarch64.tar.gz
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ARCHIVE="${1:?usage: aarch64-proof.sh ARCHIVE.tar.gz}"
[ -f "$ARCHIVE" ] || { echo "aarch64-proof: $ARCHIVE not found" >&2; exit 2; }
"$ROOT/scripts/edge/arm64-toolchain.sh" >/dev/null
# shellcheck disable=SC1091
source "${VLA_EDGE_CACHE:-$HOME/.cache/vla-edge}/toolchain.env"

WORK="$(mktemp -d /tmp/vla-aarch64-proof.XXXXXX)"
cleanup() {
  [ -n "${NODE_PID:-}" ] && kill -KILL "$NODE_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/home" "$WORK/scenario"
tar -C "$WORK" -xzf "$ARCHIVE"
TOP="$(find "$WORK" -mindepth 1 -maxdepth 1 -type d -name 'vla-controller-*')"
START=$SECONDS
export HOME="$WORK/home" VLA_RUNS="$WORK/runs" ROS_DOMAIN_ID=93
export VLA_JAVA_PREFIX="$QEMU -L $SYSROOT"

pass() { echo "PASS $1 ($2 s): $3"; }
fail() { echo "FAIL $1: $2" >&2; [ -f "${3:-}" ] && tail -25 "$3" >&2; exit 1; }

# 0. Every ELF in the runtime and in the jars is for AArch64 (e_machine 183).
t0=$SECONDS
mkdir -p "$WORK/natives"
for j in "$TOP"/lib/*.jar; do
  unzip -qo "$j" '*.so' '*.so.*' -d "$WORK/natives/$(basename "$j")" 2>/dev/null || true
done
count=0
while IFS= read -r -d '' f; do
  if head -c 4 "$f" | grep -q $'\x7fELF'; then
    m=$(od -An -tu2 -j18 -N2 "$f" | tr -d ' ')
    [ "$m" = 183 ] || fail "native libraries" "$f is ELF machine $m, not AArch64 (183)"
    count=$((count + 1))
  fi
done < <(find "$TOP/runtime" "$WORK/natives" -type f -print0)
rm -rf "$WORK/natives"
pass "native libraries" $((SECONDS - t0)) "$count ELF files, all AArch64"

# 1. Fast-DDS: a node on the ROS 2 graph.
t0=$SECONDS
"$TOP/bin/vla" node executor >"$WORK/node.log" 2>&1 &
NODE_PID=$!
for _ in $(seq 1 600); do
  grep -q "Ctrl-C to stop" "$WORK/node.log" && break
  kill -0 "$NODE_PID" 2>/dev/null || break
  sleep 1
done
grep -q "Ctrl-C to stop" "$WORK/node.log" || fail "Fast-DDS" "vla node executor did not join the graph" "$WORK/node.log"
# SIGTERM: a background job of a script starts with SIGINT ignored, and the JVM keeps it ignored.
kill -TERM "$NODE_PID"
for _ in $(seq 1 120); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$NODE_PID" 2>/dev/null && fail "Fast-DDS" "vla node executor did not stop on SIGTERM" "$WORK/node.log"
wait "$NODE_PID" 2>/dev/null || true; NODE_PID=
pass "Fast-DDS (vla node executor on the graph)" $((SECONDS - t0)) "$(grep -m1 'Ctrl-C to stop' "$WORK/node.log")"

# 2. One scenario, the model driving the whole stack, recorded.
t0=$SECONDS
cp "$TOP/scenarios/demo/red_cube_blue_bin.sdf" "$WORK/scenario/"
timeout 1800 "$TOP/bin/vla" eval --policy vla --quiet --scenarios "$WORK/scenario" --record "$WORK/record" \
  >"$WORK/eval.log" 2>&1 || fail "scenario" "vla eval did not run to the end" "$WORK/eval.log"
grep -q "red_cube_blue_bin" "$WORK/eval.log" || fail "scenario" "no result line for the scenario" "$WORK/eval.log"
[ -f "$WORK/record/red_cube_blue_bin/bag/metadata.yaml" ] || fail "scenario" "no rosbag2 bag was written" "$WORK/eval.log"
pass "one scenario, vla policy, recorded (vla eval)" $((SECONDS - t0)) \
  "$(grep -m1 'red_cube_blue_bin' "$WORK/eval.log" | tr -s ' ')"
echo "aarch64-proof: $(basename "$ARCHIVE") proven under $("$QEMU" --version | head -1) in $((SECONDS - START)) s"
