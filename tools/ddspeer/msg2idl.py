#!/usr/bin/env python3
"""Writes the OMG IDL that rosidl would generate for a ROS 2 .msg file, so a plain DDS peer
(Cyclone DDS's idlc) uses exactly the wire layout the .msg defines.
Usage: msg2idl.py PACKAGE FILE.msg > Name.idl"""
import os
import re
import sys

PRIMITIVES = {
    "bool": "boolean", "byte": "octet", "char": "uint8", "uint8": "uint8", "int8": "int8",
    "uint16": "uint16", "int16": "int16", "uint32": "uint32", "int32": "int32",
    "uint64": "uint64", "int64": "int64", "float32": "float", "float64": "double", "string": "string",
}


def idl_type(t, package):
    if t in PRIMITIVES:
        return PRIMITIVES[t], None
    pkg, name = t.split("/") if "/" in t else (package, t)
    if t == "Header":
        pkg, name = "std_msgs", "Header"
    return f"{pkg}::msg::dds_::{name}_", (pkg, name)


def convert(package, path):
    name = os.path.splitext(os.path.basename(path))[0]
    fields, includes, constants = [], [], []
    for raw in open(path, encoding="utf-8"):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^([\w/]+)(\[(\d*)\])?\s+(\w+)\s*(=\s*(.+))?$", line)
        if not m:
            sys.exit(f"{path}: cannot read line: {raw.rstrip()}")
        base, array, size, field, _, const = m.groups()
        t, dep = idl_type(base, package)
        if dep and dep not in includes:
            includes.append(dep)
        if const is not None:
            constants.append(f"      const {t} {name}__{field} = {const};")
        elif array is None:
            fields.append(f"        {t} {field};")
        elif size:
            fields.append(f"        {t} {field}[{size}];")
        else:
            fields.append(f"        sequence<{t}> {field};")
    guard = f"{package}__msg__{name}__idl".upper()
    out = [f"#ifndef {guard}", f"#define {guard}"]
    out += [f'#include "{p}/msg/{n}.idl"' for p, n in includes]
    out += [f"module {package} {{", "  module msg {", "    module dds_ {"]
    out += constants
    out += [f"      struct {name}_ {{"] + fields + ["      };", "    };", "  };", "};", "#endif"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.stdout.write(convert(sys.argv[1], sys.argv[2]))
