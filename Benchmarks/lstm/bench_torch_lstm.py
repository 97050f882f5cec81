#!/usr/bin/env python3
"""PyTorch (eager, CPU) side of Synapse's W6: a character-level LSTM language model trained on
random token sequences, in the shared peer benchmarks' JSON-line form.

W6: Embedding(65, 64) -> LSTM(256) over 100 steps -> Linear(256, 65) at every step,
cross-entropy on the next token at every step, Adam 1e-3, batch 64, 1280 sequences
(20 steps per epoch); one warm-up epoch on 4 batches, then 2 timed epochs.
Figure: training sequences per second (median epoch). Synapse's `synapse bench train
--workloads W6` runs the same model (`TrainSizes.w6`).

Example (from a copy of ../shared/bench with its .venv):
  ../peer-bench/.venv/bin/python Benchmarks/lstm/bench_torch_lstm.py --shared-bench ../peer-bench --threads 2
"""
import argparse
import os
import sys
import time

parser = argparse.ArgumentParser(description="PyTorch nn.LSTM peer for Synapse's W6")
parser.add_argument("--shared-bench", required=True, help="folder holding the shared peers' common.py")
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--rep", type=int, default=0)
parser.add_argument("--quick", action="store_true", help="tiny sizes, for smoke-testing the script only")
args, _ = parser.parse_known_args()
sys.path.insert(0, os.path.abspath(args.shared_bench))
import common  # noqa: E402

common.pin_threads(args.threads)
import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

torch.set_num_threads(args.threads)
try:
    torch.set_num_interop_threads(args.threads)
except RuntimeError:
    pass
torch.manual_seed(common.SEED)

W6 = dict(name="character LSTM", n=1280, steps=100, vocabulary=65, embedding=64, units=256, batch=64, epochs=2)
if args.quick:
    W6.update(n=128, steps=20)
args.workloads = ["W6"]
common.emit(common.env_record("torch", {"torch": torch.__version__, "numpy": np.__version__}, args,
                              {"intra_op": torch.get_num_threads(), "cpu_capability": torch.backends.cpu.get_cpu_capability()}))


class CharacterModel(nn.Module):
    def __init__(self, w):
        super().__init__()
        self.embedding = nn.Embedding(w["vocabulary"], w["embedding"])
        self.lstm = nn.LSTM(w["embedding"], w["units"], batch_first=True)
        self.head = nn.Linear(w["units"], w["vocabulary"])

    def forward(self, tokens):
        hidden, _ = self.lstm(self.embedding(tokens))
        return self.head(hidden)


def train_epochs(model, x, y, batch, epochs, vocabulary):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    n, times = x.shape[0], []
    model.train()
    for _ in range(epochs):
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        for i in range(0, n, batch):
            idx = perm[i:i + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]).reshape(-1, vocabulary), y[idx].reshape(-1))
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    return times


rng = np.random.default_rng(common.SEED)
tokens = rng.integers(0, W6["vocabulary"], size=(W6["n"], W6["steps"] + 1))
x = torch.from_numpy(tokens[:, :-1].copy())
y = torch.from_numpy(tokens[:, 1:].copy())
model = CharacterModel(W6)
warm = 4 * W6["batch"]
t0 = time.perf_counter()
train_epochs(model, x[:warm], y[:warm], W6["batch"], 1, W6["vocabulary"])
warmup = time.perf_counter() - t0
t0 = time.perf_counter()
times = train_epochs(model, x, y, W6["batch"], W6["epochs"], W6["vocabulary"])
wall = time.perf_counter() - t0
base = dict(kind="result", framework="torch", rep=args.rep, threads=args.threads, workload="W6",
            metric="train_throughput", params=sum(p.numel() for p in model.parameters()), warmup_s=round(warmup, 3))
common.emit(common.train_record(base, W6, times, first_is_cold=False, fit_wall=wall))
