#!/usr/bin/env python3
"""Writes the half-precision variant of a vla model: vla.onnx -> vla-fp16.onnx (docs/model.md, "Precision").

    python3 vla-model/training/to_fp16.py vla-model/model/vla.onnx vla-model/model/vla-fp16.onnx

Weights, constants and every float tensor inside the graph become float16; the graph's inputs and outputs
stay float32 (a Cast after each input and before each output), so the Java pre- and post-processing are the
same for both files. A GPU provider (CUDA) computes in float16. ONNX Runtime's CPU provider runs float16
nodes it has no float16 kernel for by casting around them to float32, so on a CPU the variant shows the
effect of float16 weights and float16 rounding between nodes, not float16 arithmetic throughout.
Needs Debian's python3-onnx (scripts/setup.sh --test installs it).
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

FP16_MAX = float(np.finfo(np.float16).max)


def half(t):
    """A float32 TensorProto as float16; finite values beyond float16's range clip to its largest value."""
    a = numpy_helper.to_array(t)
    a = np.where(np.isfinite(a), np.clip(a, -FP16_MAX, FP16_MAX), a).astype(np.float16)
    return numpy_helper.from_array(a, t.name)


def convert(model):
    g = model.graph
    for i, t in enumerate(g.initializer):
        if t.data_type == TensorProto.FLOAT:
            g.initializer[i].CopyFrom(half(t))
    for n in g.node:
        for a in n.attribute:
            if a.type == onnx.AttributeProto.TENSOR and a.t.data_type == TensorProto.FLOAT:
                a.t.CopyFrom(half(a.t))
            if n.op_type == "Cast" and a.name == "to" and a.i == TensorProto.FLOAT:
                a.i = TensorProto.FLOAT16
    # Inputs: float32 in, float16 inside.
    casts = []
    for inp in g.input:
        if inp.type.tensor_type.elem_type != TensorProto.FLOAT:
            continue
        inner = inp.name + "_fp16"
        for n in g.node:
            for k, name in enumerate(n.input):
                if name == inp.name:
                    n.input[k] = inner
        casts.append(helper.make_node("Cast", [inp.name], [inner], to=TensorProto.FLOAT16, name=inner + "_cast"))
    # Outputs: float16 inside, float32 out.
    for out in g.output:
        if out.type.tensor_type.elem_type != TensorProto.FLOAT:
            continue
        inner = out.name + "_fp16"
        for n in g.node:
            for k, name in enumerate(n.output):
                if name == out.name:
                    n.output[k] = inner
            for k, name in enumerate(n.input):
                if name == out.name:
                    n.input[k] = inner
        g.node.append(helper.make_node("Cast", [inner], [out.name], to=TensorProto.FLOAT, name=out.name + "_cast"))
    for c in reversed(casts):
        g.node.insert(0, c)
    # Intermediate type annotations were float32: let the runtime infer them again.
    del g.value_info[:]
    return model


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: to_fp16.py IN.onnx OUT.onnx")
    model = convert(onnx.load(sys.argv[1]))
    onnx.checker.check_model(model)
    onnx.save(model, sys.argv[2])
    print(f"to_fp16: wrote {sys.argv[2]}")


if __name__ == "__main__":
    main()
