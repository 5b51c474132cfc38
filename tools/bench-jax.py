#!/usr/bin/env python3
"""The step `study bench` times, written in JAX, for a comparison on the same CPU.

    python3 -m venv /tmp/jax && /tmp/jax/bin/pip install jax
    /tmp/jax/bin/python tools/bench-jax.py 200

Algorithm 1 with k = 1, m = 100, float32, no dropout, momentum SGD (rate 0.1,
momentum 0.5), the non-saturating generator loss, and the authors' MNIST
networks: G 100-1200-1200-784 (ReLU, ReLU, sigmoid), D 784-maxout(240x5)-
maxout(240x5)-1. The whole step is compiled with jax.jit; 20 untimed steps
come first.
"""
import time, sys, jax, jax.numpy as jnp
from jax import random
key = random.PRNGKey(0)
def affine(key, i, o, r):
    return (random.uniform(key, (i, o), minval=-r, maxval=r, dtype=jnp.float32), jnp.zeros((o,), jnp.float32))
ks = random.split(key, 8)
G = [affine(ks[0], 100, 1200, .05), affine(ks[1], 1200, 1200, .05), affine(ks[2], 1200, 784, .05)]
D = [affine(ks[3], 784, 1200, .005), affine(ks[4], 240, 1200, .005), affine(ks[5], 240, 1, .005)]
def gen(p, z):
    h = jax.nn.relu(z @ p[0][0] + p[0][1]); h = jax.nn.relu(h @ p[1][0] + p[1][1]); return jax.nn.sigmoid(h @ p[2][0] + p[2][1])
def maxout(x): return x.reshape(x.shape[0], 240, 5).max(-1)
def disc(p, x):
    h = maxout(x @ p[0][0] + p[0][1]); h = maxout(h @ p[1][0] + p[1][1]); return (h @ p[2][0] + p[2][1])[:, 0]
def dloss(d, g, x, z):
    return -(jnp.mean(jax.nn.log_sigmoid(disc(d, x))) + jnp.mean(jax.nn.log_sigmoid(-disc(d, gen(g, z)))))
def gloss(g, d, z): return -jnp.mean(jax.nn.log_sigmoid(disc(d, gen(g, z))))
def sgd(p, v, gr, lr=0.1, mu=0.5):
    v = jax.tree_util.tree_map(lambda v, g: mu * v - lr * g, v, gr); return jax.tree_util.tree_map(lambda p, v: p + v, p, v), v
@jax.jit
def step(d, g, vd, vg, x, key):
    k1, k2 = random.split(key)
    z = random.uniform(k1, (100, 100), minval=-1.732, maxval=1.732)
    d, vd = sgd(d, vd, jax.grad(dloss)(d, g, x, z))
    z = random.uniform(k2, (100, 100), minval=-1.732, maxval=1.732)
    g, vg = sgd(g, vg, jax.grad(gloss)(g, d, z))
    return d, g, vd, vg
vd = jax.tree_util.tree_map(jnp.zeros_like, D); vg = jax.tree_util.tree_map(jnp.zeros_like, G)
x = random.uniform(ks[6], (100, 784))
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
for i in range(20): D, G, vd, vg = step(D, G, vd, vg, x, random.PRNGKey(i))
jax.block_until_ready(D)
t = time.time()
for i in range(n): D, G, vd, vg = step(D, G, vd, vg, x, random.PRNGKey(i))
jax.block_until_ready(D)
print(f"JAX {jax.__version__}: {n / (time.time() - t):.1f} iterations/s")
