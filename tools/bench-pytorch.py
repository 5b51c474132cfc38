#!/usr/bin/env python3
"""The step `study bench` times, written in PyTorch, for a comparison on the same CPU.

    python3 -m venv /tmp/torch && /tmp/torch/bin/pip install torch
    /tmp/torch/bin/python tools/bench-pytorch.py 200

Algorithm 1 with k = 1, m = 100, float32, no dropout, momentum SGD (rate 0.1,
momentum 0.5), the non-saturating generator loss, and the authors' MNIST
networks: G 100-1200-1200-784 (ReLU, ReLU, sigmoid), D 784-maxout(240x5)-
maxout(240x5)-1, the same as tools/bench-jax.py. Eager mode on the CPU with
PyTorch's own thread count; D's weights need no gradient in the G step (as
in JAX and `study bench`); 20 untimed steps come first.
"""
import sys, time, torch
import torch.nn.functional as F

torch.manual_seed(0)
def affine(i, o, r):
    return [torch.empty(i, o).uniform_(-r, r).requires_grad_(), torch.zeros(o, requires_grad=True)]
G = [affine(100, 1200, .05), affine(1200, 1200, .05), affine(1200, 784, .05)]
D = [affine(784, 1200, .005), affine(240, 1200, .005), affine(240, 1, .005)]
def gen(z):
    h = F.relu(z @ G[0][0] + G[0][1]); h = F.relu(h @ G[1][0] + G[1][1]); return torch.sigmoid(h @ G[2][0] + G[2][1])
def maxout(x): return x.reshape(x.shape[0], 240, 5).amax(-1)
def disc(x):
    h = maxout(x @ D[0][0] + D[0][1]); h = maxout(h @ D[1][0] + D[1][1]); return (h @ D[2][0] + D[2][1])[:, 0]
params_d = [p for layer in D for p in layer]; params_g = [p for layer in G for p in layer]
opt_d = torch.optim.SGD(params_d, lr=0.1, momentum=0.5); opt_g = torch.optim.SGD(params_g, lr=0.1, momentum=0.5)
x = torch.rand(100, 784)
def step():
    z = torch.empty(100, 100).uniform_(-1.732, 1.732)
    opt_d.zero_grad(set_to_none=False)
    with torch.no_grad(): fake = gen(z)
    loss_d = -(F.logsigmoid(disc(x)).mean() + F.logsigmoid(-disc(fake)).mean())
    loss_d.backward(); opt_d.step()
    z = torch.empty(100, 100).uniform_(-1.732, 1.732)
    opt_g.zero_grad(set_to_none=False)
    for p in params_d: p.requires_grad_(False)   # the G step needs no gradient of D's weights
    loss_g = -F.logsigmoid(disc(gen(z))).mean()
    loss_g.backward(); opt_g.step()
    for p in params_d: p.requires_grad_(True)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
for _ in range(20): step()
t = time.time()
for _ in range(n): step()
print(f"PyTorch {torch.__version__} ({torch.get_num_threads()} threads): {n / (time.time() - t):.1f} iterations/s")
