"""Training data written by `./vla dataset`: NumPy shards memory-mapped, normalised exactly as the
Java side does it (dev.vla.model.perception.ModelInput)."""
import glob
import json
import os

import numpy as np
import torch

TENSORS = ["rgb", "depth", "crops", "objects", "mask", "text", "state", "skill", "pointer", "offset", "args",
           "color", "category", "outcome"]


class Shards:
    """All shards of one or more dataset folders, concatenated lazily. Folders must share one vocabulary
    and tensor spec (generate later ones with `./vla dataset --vocab FIRST/vocab.txt`)."""

    def __init__(self, folders):
        folders = [folders] if isinstance(folders, str) else list(folders)
        self.folder = folders[0]
        self.spec = json.load(open(os.path.join(folders[0], "spec.json")))
        self.vocab = open(os.path.join(folders[0], "vocab.txt")).read().splitlines()
        self.parts = []
        self.meta = []
        for folder in folders:
            if json.load(open(os.path.join(folder, "spec.json"))) != self.spec:
                raise SystemExit(f"{folder}: tensor spec differs from {folders[0]}'s")
            if open(os.path.join(folder, "vocab.txt")).read().splitlines() != self.vocab:
                raise SystemExit(f"{folder}: vocabulary differs from {folders[0]}'s; regenerate it with --vocab")
            names = sorted({os.path.basename(p)[: -len("_skill.npy")]
                            for p in glob.glob(os.path.join(folder, "*_skill.npy"))})
            if not names:
                raise SystemExit(f"no shards in {folder}: run ./vla dataset first")
            for n in names:
                arrays = {t: np.load(os.path.join(folder, f"{n}_{t}.npy"), mmap_mode="r") for t in TENSORS}
                self.parts.append(arrays)
                with open(os.path.join(folder, f"{n}_meta.jsonl")) as f:
                    self.meta.extend(json.loads(line) for line in f)
        self.offsets = np.cumsum([0] + [len(p["skill"]) for p in self.parts])
        self.size = int(self.offsets[-1])

    def __len__(self):
        return self.size

    def locate(self, i):
        part = int(np.searchsorted(self.offsets, i, side="right") - 1)
        return self.parts[part], int(i - self.offsets[part])

    def batch(self, indices):
        """A dict of tensors for the given sample indices, inputs normalised."""
        cols = {t: [] for t in TENSORS}
        for i in indices:
            p, j = self.locate(int(i))
            for t in TENSORS:
                cols[t].append(p[t][j])
        out = {}
        for t in TENSORS:
            a = np.stack(cols[t])
            out[t] = torch.from_numpy(a.astype(np.int32) if a.dtype == np.uint16 else a)
        return normalise(out)


def normalise(b):
    """Raw dataset tensors to model inputs: colour (v/255-0.5)/0.25, depth mm/1000/4."""
    rgb = b["rgb"].float() / 255.0
    depth = b["depth"].float() / 1000.0 / 4.0
    image = torch.cat([(rgb - 0.5) / 0.25, depth.unsqueeze(1)], dim=1)
    crops = (b["crops"].float() / 255.0 - 0.5) / 0.25
    out = dict(b)
    out["image"] = image
    out["crops"] = crops
    return out


def split_indices(shards, val_fraction=0.1):
    """Episodes whose id hashes into the last tenth are validation (whole episodes, never split)."""
    train, val = [], []
    for i, m in enumerate(shards.meta):
        (val if (m["episode"] * 2654435761 % 1000) < val_fraction * 1000 else train).append(i)
    return np.array(train), np.array(val)
