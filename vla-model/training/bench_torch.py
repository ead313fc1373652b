"""Batch-1 latency of the model in PyTorch eager on the inputs the Java benchmark saved, so the two
engines are timed on the same data in one run (`./vla bench inference` calls this).

  python3 bench_torch.py --model vla-model/model --inputs DIR --iterations 1000 --threads 2
Prints one JSON line: {"p50_ms": ..., "p99_ms": ..., "max_ms": ..., "threads": ...}."""
import argparse
import json
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vla_model  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--iterations", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    saved = torch.load(os.path.join(args.model, "vla.pt"))
    spec = json.load(open(os.path.join(args.model, "spec.json")))
    model = vla_model.VlaModel(spec, saved["vocab"], **vla_model.SIZES[saved["size"]])
    model.load_state_dict(saved["model"])
    model.eval()
    inputs = [torch.from_numpy(np.load(os.path.join(args.inputs, f"in_{k}.npy"))) for k in vla_model.INPUTS]
    times = []
    with torch.no_grad():
        for i in range(args.iterations + 50):
            t0 = time.perf_counter()
            model(*inputs)
            if i >= 50:
                times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(json.dumps({"p50_ms": times[len(times) // 2], "p99_ms": times[int(len(times) * 0.99)], "max_ms": times[-1],
                      "threads": args.threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
