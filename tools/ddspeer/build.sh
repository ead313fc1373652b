#!/usr/bin/env bash
# Builds the Cyclone DDS interop peer (Debian: cyclonedds-dev cyclonedds-tools gcc python3;
# ./vla setup --test installs them). Usage: tools/ddspeer/build.sh OUT_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?usage: build.sh OUT_DIR}
mkdir -p "$out/idl" "$out/gen"
out=$(cd "$out" && pwd)
convert() { # package msg-file
  mkdir -p "$out/idl/$1/msg"
  python3 "$here/msg2idl.py" "$1" "$2" > "$out/idl/$1/msg/$(basename "$2" .msg).idl"
}
for f in "$here"/std/*/*.msg; do convert "$(basename "$(dirname "$f")")" "$f"; done
for f in "$root"/ros2/vla_interfaces/msg/*.msg; do convert vla_interfaces "$f"; done
sources=()
for idl in "$out"/idl/*/msg/*.idl; do
  rel=${idl#"$out/idl/"}
  mkdir -p "$out/gen/$(dirname "$rel")"
  (cd "$out/gen/$(dirname "$rel")" && idlc -x final -I "$out/idl" "$idl")
  sources+=("$out/gen/${rel%.idl}.c")
done
gcc -O1 -Wall -std=c11 -I "$out/gen" -o "$out/ddspeer" "$here/ddspeer.c" "${sources[@]}" -lddsc
cat > "$out/cyclonedds.xml" <<'XML'
<CycloneDDS>
  <Domain id="any">
    <General>
      <Interfaces><NetworkInterface address="127.0.0.1"/></Interfaces>
    </General>
    <Discovery>
      <ParticipantIndex>auto</ParticipantIndex>
      <Peers><Peer address="127.0.0.1"/></Peers>
    </Discovery>
  </Domain>
</CycloneDDS>
XML
