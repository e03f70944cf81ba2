"""The training steps of TrainingStepBenchmark in real PyTorch 1.13, one thread, for the ratio in the same run.

    /usr/bin/python3 engine/src/test/bench/torch_training_step.py

Each step is zero_grad + forward + backward + SGD update, float32, as the JMH benchmark does; prints the median and
the mean over batches of calls, in microseconds.
"""
import statistics
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def seed_net(batch):
    torch.manual_seed(0)
    x = torch.ones(5) if batch is None else torch.randn(batch, 5)
    y = torch.zeros(3) if batch is None else torch.zeros(batch, 3)
    w = torch.randn(5, 3).requires_grad_(True)
    b = torch.randn(3).requires_grad_(True)
    sgd = torch.optim.SGD([w, b], lr=0.1)

    def step():
        sgd.zero_grad()
        loss = F.binary_cross_entropy_with_logits(x @ w + b, y)
        loss.backward()
        sgd.step()
        return loss.item()
    return step


def mlp():
    torch.manual_seed(0)
    x = torch.randn(256, 512)
    y = torch.zeros(256, 10)
    w1 = (torch.randn(512, 512) * 0.04).requires_grad_(True)
    b1 = torch.zeros(512).requires_grad_(True)
    w2 = (torch.randn(512, 10) * 0.04).requires_grad_(True)
    b2 = torch.zeros(10).requires_grad_(True)
    sgd = torch.optim.SGD([w1, b1, w2, b2], lr=0.01)

    def step():
        sgd.zero_grad()
        h = (x @ w1 + b1).relu()
        loss = F.binary_cross_entropy_with_logits(h @ w2 + b2, y)
        loss.backward()
        sgd.step()
        return loss.item()
    return step


def measure(name, step, calls, rounds=15):
    for _ in range(calls):
        step()
    per_call = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        per_call.append((time.perf_counter() - start) / calls * 1e6)
    print(f"{name}: median {statistics.median(per_call):.1f} us, mean {statistics.mean(per_call):.1f} us "
          f"({rounds} rounds of {calls} steps)")


measure("seedNetStep", seed_net(None), 2000)
measure("batch1024Step", seed_net(1024), 1000)
measure("mlpStep", mlp(), 20, rounds=10)
