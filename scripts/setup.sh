#!/usr/bin/env bash
# Installs the Debian packages vla-controller needs, if any are missing. Runs apt-get as root (or via
# sudo without a password); otherwise prints the exact command to run. Safe to run repeatedly.
#   setup.sh            what running the controller needs
#   setup.sh --test     also what the tests need
#   --quiet             say nothing when everything is there
set -euo pipefail

QUIET=0
TEST=0
for a in "$@"; do
  case "$a" in
    --quiet) QUIET=1 ;;
    --test) TEST=1 ;;
    *) echo "setup: unknown option $a (expected --test, --quiet)" >&2; exit 2 ;;
  esac
done

# OpenCV, ONNX Runtime and Fast-DDS come as Maven jars with their natives: the controller needs a JDK and Maven.
PACKAGES=(openjdk-17-jdk-headless maven)
# The simulated person's voice for --speech and the speech test set: two synthesisers from Debian.
PACKAGES+=(flite espeak-ng)
if [ $TEST -eq 1 ]; then
  # The strict scenario-file check against Gazebo's SDF parser (tools/sdfcheck).
  PACKAGES+=(libsdformat-dev pkg-config g++)
  # Training the model (and its smoke test): PyTorch, NumPy, and an optimised BLAS: without
  # libopenblas0 Debian's torch falls back to the reference BLAS, twenty times slower.
  PACKAGES+=(python3-torch python3-numpy libopenblas0-pthread)
  # Regenerating the model's half-precision variant (vla-model/training/to_fp16.py).
  PACKAGES+=(python3-onnx)
  # The DDS interop test's non-Java peer (tools/ddspeer): Eclipse Cyclone DDS, its IDL compiler, a C compiler.
  PACKAGES+=(cyclonedds-dev cyclonedds-tools gcc python3)
  # Reading recorded bags back with a reader that is not ours: the sqlite3 command-line tool.
  PACKAGES+=(sqlite3)
  # The edge archives' checks (scripts/edge/): listing natives inside jars, the mount namespace, the
  # private apt download of the arm64 toolchain.
  PACKAGES+=(unzip util-linux debian-archive-keyring)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  [ $QUIET -eq 1 ] || echo "setup: all required packages are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
