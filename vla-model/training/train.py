"""Trains the vla model on a dataset folder written by `./vla dataset`, logs progress, writes metrics,
and exports ONNX (opset 17).

  python3 train.py --data datasets/train1 datasets/train2 --heldout datasets/heldout-val --out vla-model/model \
      --size small --minutes 42 --threads 2

(docs/model.md has the exact command of the shipped model.) Resumes from OUT/checkpoint.pt when it exists.
Validation: a tenth of the training episodes (held out whole) and, with --heldout, a dataset generated with
held-out phrasings and colour x category pairs; the weights kept are those with the best mean of the two
call accuracies (validation alone without --heldout)."""
import argparse
import json
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # OpenBLAS threads fight torch's own on small machines

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vla_data  # noqa: E402
import vla_model  # noqa: E402

FIND_WEIGHT = 0.3  # find decisions dominate the data (a search is many steps); weigh each less


def losses(out, b, spec):
    ce = nn.functional.cross_entropy
    weight = torch.where(b["skill"] == spec["skills"].index("find"), FIND_WEIGHT, 1.0)
    skill = (ce(out["skill"], b["skill"], reduction="none") * weight).sum() / weight.sum()
    total = skill
    parts = {"skill": skill.item()}
    ptr = b["pointer"]
    if (ptr >= 0).any():
        l_ptr = ce(out["pointer"], ptr, ignore_index=-1)
        total = total + l_ptr
        parts["pointer"] = l_ptr.item()
    has_off = (ptr >= 0) & (ptr < spec["objects"]) & (b["offset"][:, 0] >= 0)
    if has_off.any():
        idx = ptr[has_off]
        pred = out["offset"][has_off, idx]
        l_off = nn.functional.smooth_l1_loss(pred, b["offset"][has_off], beta=0.05) * 4
        total = total + l_off
        parts["offset"] = l_off.item()
    for a, head in enumerate(vla_model.ARG_HEADS):
        target = b["args"][:, a]
        if (target >= 0).any():
            l = ce(out[head], target, ignore_index=-1)
            total = total + 0.5 * l
            parts[head] = l.item()
    region = b["args"][:, 6]
    if (region >= 0).any():
        l = ce(out["region"], region, ignore_index=-1)
        total = total + 0.5 * l
        parts["region"] = l.item()
    for head, key in (("obj_color", "color"), ("obj_category", "category")):
        target = b[key].clone()
        target[b["mask"] == 0] = -1
        l = ce(out[head].reshape(-1, out[head].shape[-1]), target.reshape(-1), ignore_index=-1)
        total = total + 0.3 * l
        parts[head] = l.item()
    l_aff = nn.functional.binary_cross_entropy(out["affordance"].clamp(1e-6, 1 - 1e-6), b["outcome"])
    total = total + 0.2 * l_aff
    parts["affordance"] = l_aff.item()
    return total, parts


def correct(out, b, spec):
    """Per sample: the decision matches the teacher's (skill, where it pointed, and the argument heads used)."""
    skill_ok = out["skill"].argmax(-1) == b["skill"]
    ptr = b["pointer"]
    pred_ptr = out["pointer"].argmax(-1)
    ptr_ok = (ptr < 0) | (pred_ptr == ptr)
    args_ok = torch.ones_like(skill_ok)
    for a, head in enumerate(vla_model.ARG_HEADS):
        t = b["args"][:, a]
        args_ok &= (t < 0) | (out[head].argmax(-1) == t)
    t = b["args"][:, 6]
    args_ok &= (t < 0) | (out["region"].argmax(-1) == t)
    return skill_ok, ptr_ok, skill_ok & ptr_ok & args_ok


def evaluate(model, shards, indices, spec, batch=128):
    model.eval()
    per_cat = {}
    totals = np.zeros(3)
    n = 0
    with torch.no_grad():
        for start in range(0, len(indices), batch):
            idx = indices[start:start + batch]
            b = shards.batch(idx)
            out = model(*[b[k] for k in vla_model.INPUTS])
            s_ok, p_ok, all_ok = correct(out, b, spec)
            totals += [s_ok.sum().item(), p_ok.sum().item(), all_ok.sum().item()]
            n += len(idx)
            for i, ok in zip(idx, all_ok.tolist()):
                cat = shards.meta[int(i)]["category"]
                c = per_cat.setdefault(cat, [0, 0])
                c[0] += ok
                c[1] += 1
    model.train()
    return {"skill": totals[0] / n, "pointer": totals[1] / n, "call": totals[2] / n, "n": n,
            "per_category": {k: v[0] / v[1] for k, v in sorted(per_cat.items())}}


def export(model, spec, path, example):
    model.eval()
    inputs = tuple(example[k][:1] for k in vla_model.INPUTS)
    torch.onnx.export(model, inputs, path, opset_version=17, input_names=vla_model.INPUTS,
                      output_names=vla_model.OUTPUTS,
                      dynamic_axes={n: {0: "batch"} for n in vla_model.INPUTS + vla_model.OUTPUTS})
    model.train()


def write_golden(model, shards, indices, folder):
    """Recorded inputs and PyTorch's outputs for them: the Java side must reproduce these within 1e-4."""
    os.makedirs(folder, exist_ok=True)
    model.eval()
    b = shards.batch(indices)
    with torch.no_grad():
        out = model(*[b[k] for k in vla_model.INPUTS])
    for k in vla_model.INPUTS:
        a = b[k].numpy()
        np.save(os.path.join(folder, f"in_{k}.npy"), a.astype(np.int64 if k == "text" else np.float32))
    for k in vla_model.OUTPUTS:
        np.save(os.path.join(folder, f"out_{k}.npy"), out[k].numpy().astype(np.float32))
    model.train()


# Words whose role the rest of the request also tells (the verb of a put, a preposition, politeness).
# Training swaps them now and then for random word pieces, as an unfamiliar word arrives, so the model
# learns to act from the objects and the sentence's shape when a phrasing is new.
SWAPPABLE = ["put", "place", "drop", "move", "pick", "up", "grab", "take", "get", "go", "drive", "head", "bring",
             "hand", "in", "into", "on", "onto", "to", "please", "could", "you", "can", "robot", "okay", "thanks",
             "me", "and", "then", "that", "is", "the", "a"]
SWAP_RATE = 0.2


class WordSwapper:
    """Replaces some SWAPPABLE instruction tokens (before [SEP]) with random sub-word pieces, in place.
    The id tables are built once, not per batch."""

    def __init__(self, vocab):
        ids = {w: i for i, w in enumerate(vocab)}
        self.swappable = torch.tensor([ids[w] for w in SWAPPABLE if w in ids])
        self.pieces = torch.tensor([i for i, w in enumerate(vocab) if w.startswith("##") or (len(w) == 1 and w.isalpha())])
        self.sep = ids["[SEP]"]

    def __call__(self, text, rng):
        before_sep = torch.cumsum((text == self.sep).long(), dim=1) == 0
        hit = before_sep & torch.isin(text, self.swappable) & (torch.from_numpy(rng.random(text.shape)) < SWAP_RATE)
        text[hit] = self.pieces[torch.from_numpy(rng.integers(0, len(self.pieces), int(hit.sum())))]
        return text


def category_balanced(data, indices, balance):
    """Sampling probabilities: (1 - balance) by sample, balance spread evenly over request categories.
    One-decision categories (ambiguity, nonsense) are ~1% of samples each while a search episode gives
    dozens; without this the model seldom sees an ask or a refusal."""
    cats = np.array([data.meta[int(i)]["category"] for i in indices])
    names, counts = np.unique(cats, return_counts=True)
    per = dict(zip(names, counts))
    p = (1 - balance) / len(indices) + balance / (len(names) * np.array([per[c] for c in cats]))
    return p / p.sum()


def checkpoint(model, opt, data, val_idx, held, held_idx, spec, args, step, elapsed, best, history):
    """Evaluates, keeps best.pt when the score improved, writes the resumable checkpoint; returns the best score."""
    val = evaluate(model, data, val_idx[:2000], spec)
    rec = {"step": step, "minutes": elapsed / 60, "val": val}
    score = val["call"]
    if held:
        h = evaluate(model, held, held_idx[:2000], spec)
        rec["heldout"] = h
        score = 0.5 * val["call"] + 0.5 * h["call"]
    history.append(rec)
    print(f"eval step {step}: validation call accuracy {val['call']:.4f}"
          + (f", held-out {rec['heldout']['call']:.4f}" if held else ""), flush=True)
    if score > best:
        best = score
        torch.save(model.state_dict(), os.path.join(args.out, "best.pt"))
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "best": best,
                "elapsed": elapsed, "history": history, "size": args.size}, os.path.join(args.out, "checkpoint.pt"))
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, nargs="+", help="dataset folder(s) from ./vla dataset, one vocabulary")
    ap.add_argument("--heldout", help="optional dataset with held-out phrasings and pairs, for model selection")
    ap.add_argument("--out", required=True, help="where the model, vocabulary, metrics and checkpoints go")
    ap.add_argument("--size", default="base", choices=sorted(vla_model.SIZES))
    ap.add_argument("--minutes", type=float, default=60, help="training time budget")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: no limit)")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--eval-every", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--init", help="start from these weights (a best.pt or vla.pt of the same size), e.g. to continue "
                    "training the shipped model on more data")
    ap.add_argument("--balance", type=float, default=0.5,
                    help="share of each batch drawn evenly across request categories (0: by sample count)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    os.makedirs(args.out, exist_ok=True)
    data = vla_data.Shards(args.data)
    spec = data.spec
    vocab = data.vocab
    train_idx, val_idx = vla_data.split_indices(data)
    held = vla_data.Shards(args.heldout) if args.heldout else None
    held_idx = np.arange(len(held)) if held else None
    print(f"data: {len(train_idx)} training, {len(val_idx)} validation samples"
          + (f", {len(held)} held-out" if held else ""), flush=True)

    sampling = category_balanced(data, train_idx, args.balance)
    swap_words = WordSwapper(vocab)
    model = vla_model.VlaModel(spec, len(vocab), **vla_model.SIZES[args.size])
    params = sum(p.numel() for p in model.parameters())
    if args.init:
        saved = torch.load(args.init)
        model.load_state_dict(saved["model"] if "model" in saved else saved)
        print(f"initialised from {args.init}", flush=True)
    print(f"model: {args.size}, {params / 1e6:.2f} M parameters", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    ckpt_path = os.path.join(args.out, "checkpoint.pt")
    step, best, elapsed_before = 0, -1.0, 0.0
    history = []
    if os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path)
        if ck["size"] == args.size:
            model.load_state_dict(ck["model"])
            opt.load_state_dict(ck["opt"])
            step, best, elapsed_before, history = ck["step"], ck["best"], ck["elapsed"], ck["history"]
            print(f"resumed at step {step} ({elapsed_before / 60:.1f} min trained, best {best:.4f})", flush=True)
    budget = args.minutes * 60
    t0 = time.time()
    running = {}
    while True:
        elapsed = elapsed_before + time.time() - t0
        if elapsed >= budget or (args.max_steps and step >= args.max_steps):
            break
        frac = min(1.0, max(elapsed / budget, step / args.max_steps if args.max_steps else 0.0))
        lr = args.lr * min(1.0, (step + 1) / 200) * (0.1 + 0.9 * 0.5 * (1 + np.cos(np.pi * frac)))
        for g in opt.param_groups:
            g["lr"] = lr
        b = data.batch(rng.choice(train_idx, size=args.batch, p=sampling))
        swap_words(b["text"], rng)
        out = model(*[b[k] for k in vla_model.INPUTS])
        loss, parts = losses(out, b, spec)
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        for k, v in parts.items():
            running[k] = 0.98 * running.get(k, v) + 0.02 * v
        if step % 50 == 0:
            print(f"step {step:6d}  {elapsed / 60:5.1f} min  lr {lr:.2e}  loss {loss.item():.3f}  "
                  + "  ".join(f"{k} {v:.3f}" for k, v in running.items() if k in ("skill", "pointer", "offset")),
                  flush=True)
        if step % args.eval_every == 0:
            best = checkpoint(model, opt, data, val_idx, held, held_idx, spec, args, step, elapsed, best, history)

    # The budget rarely ends on an evaluation step: evaluate the last weights too, so they can win.
    if not history or history[-1]["step"] != step:
        best = checkpoint(model, opt, data, val_idx, held, held_idx, spec, args, step,
                          elapsed_before + time.time() - t0, best, history)

    # Final evaluation and export of the best checkpoint.
    if os.path.exists(os.path.join(args.out, "best.pt")):
        model.load_state_dict(torch.load(os.path.join(args.out, "best.pt")))
    final = {"size": args.size, "parameters": params, "steps": step,
             "minutes": (elapsed_before + time.time() - t0) / 60, "threads": args.threads,
             "validation": evaluate(model, data, val_idx, spec)}
    if held:
        final["heldout"] = evaluate(model, held, held_idx, spec)
    final["history"] = history
    json.dump(final, open(os.path.join(args.out, "metrics.json"), "w"), indent=2)
    example = data.batch(val_idx[:1] if len(val_idx) else train_idx[:1])
    export(model, spec, os.path.join(args.out, "vla.onnx"), example)
    torch.save({"size": args.size, "vocab": len(vocab), "model": model.state_dict()}, os.path.join(args.out, "vla.pt"))
    write_golden(model, data, (val_idx if len(val_idx) >= 8 else train_idx)[:8], os.path.join(args.out, "golden"))
    with open(os.path.join(args.out, "vocab.txt"), "w") as f:
        f.write("\n".join(vocab) + "\n")
    json.dump(spec, open(os.path.join(args.out, "spec.json"), "w"), indent=2)
    print(f"final validation call accuracy {final['validation']['call']:.4f}"
          + (f", held-out {final['heldout']['call']:.4f}" if held else "")
          + f"; exported {os.path.join(args.out, 'vla.onnx')}", flush=True)


if __name__ == "__main__":
    main()
