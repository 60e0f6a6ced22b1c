#!/usr/bin/env python3
"""PyTorch-eager reference for Cleave's model benchmark.

The same Llama/Qwen2 architecture written directly in PyTorch (written for this benchmark, independent of
Cleave's Java code), loading the same weights from the Cleave model directory (safetensors parsed by hand, no
extra packages), running the same workloads with the same thread count. Prints one JSON object.
"""
import argparse
import json
import math
import struct
import time

import torch
import torch.nn.functional as F


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        assert meta["dtype"] == "F32", meta["dtype"]
        begin, end = meta["data_offsets"]
        t = torch.frombuffer(bytearray(data[begin:end]), dtype=torch.float32)
        tensors[name] = t.reshape(meta["shape"]).clone()
    return tensors


class Model(torch.nn.Module):
    def __init__(self, cfg, weights):
        super().__init__()
        self.cfg = cfg
        self.params = torch.nn.ParameterDict(
            {k.replace(".", "__"): torch.nn.Parameter(v) for k, v in weights.items()})
        d = cfg["hidden_size"] // cfg["num_attention_heads"]
        self.d = d
        inv = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, d, 2, dtype=torch.float64) / d))
        pos = torch.arange(cfg["max_position_embeddings"], dtype=torch.float64)
        freqs = torch.outer(pos, inv)
        emb = torch.cat([freqs, freqs], dim=-1)
        self.cos = emb.cos().float()
        self.sin = emb.sin().float()

    def w(self, name):
        return self.params[name.replace(".", "__")]

    def norm(self, x, name):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.cfg["rms_norm_eps"]) * self.w(name)

    @staticmethod
    def rotate_half(x):
        h = x.shape[-1] // 2
        return torch.cat([-x[..., h:], x[..., :h]], dim=-1)

    def forward(self, tokens, positions, cache=None):
        cfg, d = self.cfg, self.d
        b, s = tokens.shape
        heads, kv = cfg["num_attention_heads"], cfg["num_key_value_heads"]
        x = F.embedding(tokens, self.w("model.embed_tokens.weight"))
        cos = self.cos[positions].unsqueeze(1)
        sin = self.sin[positions].unsqueeze(1)
        new_cache = []
        for i in range(cfg["num_hidden_layers"]):
            p = f"model.layers.{i}."
            h = self.norm(x, p + "input_layernorm.weight")
            q = F.linear(h, self.w(p + "self_attn.q_proj.weight")).view(b, s, heads, d).transpose(1, 2)
            k = F.linear(h, self.w(p + "self_attn.k_proj.weight")).view(b, s, kv, d).transpose(1, 2)
            v = F.linear(h, self.w(p + "self_attn.v_proj.weight")).view(b, s, kv, d).transpose(1, 2)
            q = q * cos + self.rotate_half(q) * sin
            k = k * cos + self.rotate_half(k) * sin
            if cache is not None:
                k = torch.cat([cache[i][0], k], dim=2)
                v = torch.cat([cache[i][1], v], dim=2)
            new_cache.append((k, v))
            t = k.shape[2]
            k = k.repeat_interleave(heads // kv, dim=1)
            v = v.repeat_interleave(heads // kv, dim=1)
            scores = q @ k.transpose(-1, -2) / math.sqrt(d)
            mask = torch.full((s, t), float("-inf")).triu(t - s + 1)
            a = torch.softmax(scores + mask, dim=-1) @ v
            x = x + F.linear(a.transpose(1, 2).reshape(b, s, heads * d), self.w(p + "self_attn.o_proj.weight"))
            h = self.norm(x, p + "post_attention_layernorm.weight")
            g = F.linear(h, self.w(p + "mlp.gate_proj.weight"))
            u = F.linear(h, self.w(p + "mlp.up_proj.weight"))
            x = x + F.linear(F.silu(g) * u, self.w(p + "mlp.down_proj.weight"))
        x = self.norm(x, "model.norm.weight")
        head = "model.embed_tokens.weight" if cfg["tie_word_embeddings"] else "lm_head.weight"
        return F.linear(x, self.w(head)), new_cache


def token(b, i):
    return 3 + (i * 7 + b * 13) % 90


def sequences(batch, length):
    return torch.tensor([[token(b, i) for i in range(length)] for b in range(batch)], dtype=torch.long)


def matmul_gflops(n=1024, repeats=5):
    a, b = torch.randn(n, n), torch.randn(n, n)
    a @ b
    best = min(timed(lambda: a @ b) for _ in range(repeats))
    return 2 * n ** 3 / best / 1e9


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


@torch.no_grad()
def decode_cached(model, batch, prompt_len, new_tokens):
    tokens = sequences(batch, prompt_len)
    positions = torch.arange(prompt_len).expand(batch, prompt_len)
    logits, cache = model(tokens, positions)
    last = logits[:, -1]
    for step in range(new_tokens):
        nxt = torch.multinomial(torch.softmax(last, -1), 1)
        if step == new_tokens - 1:
            break
        pos = torch.full((batch, 1), prompt_len + step, dtype=torch.long)
        logits, cache = model(nxt, pos, cache)
        last = logits[:, -1]
    return batch * new_tokens


def train_steps(model, opt, batch, length, steps):
    tokens = sequences(batch, length)
    positions = torch.arange(length).expand(batch, length)
    for _ in range(steps):
        logits, _ = model(tokens, positions)
        logp = torch.log_softmax(logits[:, :-1], -1)
        token_logp = logp.gather(-1, tokens[:, 1:].unsqueeze(-1)).squeeze(-1)
        entropy = -(logp.exp() * logp).sum(-1)
        loss = -token_logp.mean()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad()
        del entropy
    return steps * batch * length


def main():
    ap = argparse.ArgumentParser()
    for name in ["batch", "prompt_len", "new_tokens", "train_batch", "train_len", "train_steps", "threads"]:
        ap.add_argument("--" + name.replace("_", "-"), type=int, required=True)
    ap.add_argument("--model", required=True)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    cfg = json.load(open(args.model + "/config.json"))
    model = Model(cfg, load_safetensors(args.model + "/model.safetensors"))
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "matmul_gflops": matmul_gflops()}
    decode_cached(model, args.batch, args.prompt_len, 4)
    t = timed(lambda: decode_cached(model, args.batch, args.prompt_len, args.new_tokens))
    out["decode_cached_tps"] = args.batch * args.new_tokens / t
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01)
    train_steps(model, opt, args.train_batch, args.train_len, 1)
    t = timed(lambda: train_steps(model, opt, args.train_batch, args.train_len, args.train_steps))
    out["train_tps"] = args.train_steps * args.train_batch * args.train_len / t
    print(json.dumps(out))


if __name__ == "__main__":
    main()
