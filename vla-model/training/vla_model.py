"""The vision-language-action model: a mixture-of-transformers over robot-state, image-patch, object
and word-piece tokens. Each modality has its own projections, norms and feed-forward weights; one
self-attention joins them all. Attention is written out by hand so ONNX export stays plain."""
import math

import torch
from torch import nn

SIZES = {
    "tiny": dict(d=64, layers=2, heads=4, patch=32),
    "small": dict(d=96, layers=3, heads=4, patch=32),
    "base": dict(d=128, layers=4, heads=4, patch=32),
    "large": dict(d=192, layers=4, heads=6, patch=16),
}


class MoTLayer(nn.Module):
    def __init__(self, d, heads, segments):
        super().__init__()
        self.d, self.heads, self.segments = d, heads, segments
        g = len(segments)
        self.norm1 = nn.ModuleList(nn.LayerNorm(d) for _ in range(g))
        self.qkv = nn.ModuleList(nn.Linear(d, 3 * d) for _ in range(g))
        self.proj = nn.ModuleList(nn.Linear(d, d) for _ in range(g))
        self.norm2 = nn.ModuleList(nn.LayerNorm(d) for _ in range(g))
        self.ffn = nn.ModuleList(nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d)) for _ in range(g))

    def per_group(self, modules, x):
        return torch.cat([m(x[:, s:e]) for m, (s, e) in zip(modules, self.segments)], dim=1)

    def forward(self, x, bias):
        b, t, d = x.shape
        h = self.heads
        normed = torch.cat([n(x[:, s:e]) for n, (s, e) in zip(self.norm1, self.segments)], dim=1)
        qkv = self.per_group(self.qkv, normed).reshape(b, t, 3, h, d // h).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        att = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.d // h) + bias
        att = torch.softmax(att, dim=-1)
        out = torch.matmul(att, v).transpose(1, 2).reshape(b, t, d)
        x = x + self.per_group(self.proj, out)
        normed = torch.cat([n(x[:, s:e]) for n, (s, e) in zip(self.norm2, self.segments)], dim=1)
        return x + self.per_group(self.ffn, normed)


class VlaModel(nn.Module):
    def __init__(self, spec, vocab_size, d=128, layers=4, heads=4, patch=32):
        super().__init__()
        self.spec = spec
        c, hgt, wid = spec["image"]
        self.patch = patch
        self.d = d  # a plain int, so ONNX tracing sees a constant, not a tensor shape
        self.n_patches = (hgt // patch) * (wid // patch)
        self.k = spec["objects"]
        self.text_len = spec["text"]
        self.segments = [(0, 1), (1, 1 + self.n_patches), (1 + self.n_patches, 1 + self.n_patches + self.k),
                         (1 + self.n_patches + self.k, 1 + self.n_patches + self.k + self.text_len)]
        self.state_in = nn.Linear(spec["state"], d)
        self.patch_in = nn.Conv2d(c, d, kernel_size=patch, stride=patch)
        self.patch_pos = nn.Parameter(torch.zeros(1, self.n_patches, d))
        self.crop_in = nn.Sequential(
            nn.Conv2d(3, 16, 3, stride=2, padding=1), nn.GELU(),
            nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.GELU(),
            nn.Conv2d(32, 32, 3, stride=2, padding=1), nn.GELU(), nn.Flatten(),
            nn.Linear(32 * 3 * 3, d))
        self.object_in = nn.Linear(spec["object_features"], d)
        self.word = nn.Embedding(vocab_size, d)
        self.text_pos = nn.Parameter(torch.zeros(1, self.text_len, d))
        self.layers = nn.ModuleList(MoTLayer(d, heads, self.segments) for _ in range(layers))
        self.final = nn.LayerNorm(d)
        n = lambda key: len(spec[key])
        self.skill = nn.Linear(d, n("skills"))
        self.pointer_query = nn.Linear(d, d)
        self.pointer_none = nn.Linear(d, 1)
        self.offset = nn.Linear(d, 2)
        self.push_dir = nn.Linear(d, n("push_directions"))
        self.find_dir = nn.Linear(d, n("find_directions"))
        self.find_range = nn.Linear(d, n("find_ranges"))
        self.nav_mode = nn.Linear(d, n("nav_modes"))
        self.place_mode = nn.Linear(d, n("place_modes"))
        self.ask_kind = nn.Linear(d, n("ask_kinds"))
        self.region_query = nn.Linear(d, d)
        self.obj_color = nn.Linear(d, n("colors"))
        self.obj_category = nn.Linear(d, n("categories"))
        self.affordance = nn.Linear(d, 1)
        nn.init.normal_(self.patch_pos, std=0.02)
        nn.init.normal_(self.text_pos, std=0.02)

    def forward(self, image, crops, objects, mask, text, state):
        b = image.shape[0]
        d = self.d
        s = self.state_in(state).unsqueeze(1)
        p = self.patch_in(image).flatten(2).transpose(1, 2) + self.patch_pos
        o = self.crop_in(crops.reshape(b * self.k, 3, crops.shape[-2], crops.shape[-1])).reshape(b, self.k, d)
        o = o + self.object_in(objects)
        t = self.word(text) + self.text_pos
        x = torch.cat([s, p, o, t], dim=1)
        text_valid = (text != 0).float()
        valid = torch.cat([torch.ones(b, 1 + self.n_patches), mask, text_valid], dim=1)
        bias = ((1.0 - valid) * -1e4).reshape(b, 1, 1, -1)
        for layer in self.layers:
            x = layer(x, bias)
        x = self.final(x)
        cls = x[:, 0]
        objs = x[:, self.segments[2][0]:self.segments[2][1]]
        words = x[:, self.segments[3][0]:self.segments[3][1]]
        pointer = torch.matmul(objs, self.pointer_query(cls).unsqueeze(-1)).squeeze(-1) / math.sqrt(d)
        pointer = pointer + (1.0 - mask) * -1e4
        pointer = torch.cat([pointer, self.pointer_none(cls)], dim=1)
        region = torch.matmul(words, self.region_query(cls).unsqueeze(-1)).squeeze(-1) / math.sqrt(d)
        region = region + (1.0 - text_valid) * -1e4
        return {
            "skill": self.skill(cls),
            "pointer": pointer,
            "offset": torch.sigmoid(self.offset(objs)),
            "push_dir": self.push_dir(cls),
            "find_dir": self.find_dir(cls),
            "find_range": self.find_range(cls),
            "nav_mode": self.nav_mode(cls),
            "place_mode": self.place_mode(cls),
            "ask_kind": self.ask_kind(cls),
            "region": region,
            "obj_color": self.obj_color(objs),
            "obj_category": self.obj_category(objs),
            "affordance": torch.sigmoid(self.affordance(cls)).squeeze(-1),
        }


INPUTS = ["image", "crops", "objects", "mask", "text", "state"]
OUTPUTS = ["skill", "pointer", "offset", "push_dir", "find_dir", "find_range", "nav_mode", "place_mode", "ask_kind",
           "region", "obj_color", "obj_category", "affordance"]
ARG_HEADS = ["push_dir", "find_dir", "find_range", "nav_mode", "place_mode", "ask_kind"]
