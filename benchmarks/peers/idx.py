"""Reads the four MNIST IDX files (plain or .gz) from $MNIST_DIR (default: mnistkit's cache)."""
import gzip
import os
import struct

import numpy as np

HOME = os.environ.get("MNISTKIT_HOME", os.path.expanduser("~/.mnistkit"))
MNIST_DIR = os.environ.get("MNIST_DIR", os.path.join(HOME, "datasets", "mnist"))


def read_idx(name):
    path = os.path.join(MNIST_DIR, name)
    if not os.path.exists(path):
        path += ".gz"
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    rank = data[3]
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def mnist():
    """Train and test images (n x 784 in [0, 1]) and labels."""
    xtr, ytr = read_idx("train-images-idx3-ubyte"), read_idx("train-labels-idx1-ubyte")
    xte, yte = read_idx("t10k-images-idx3-ubyte"), read_idx("t10k-labels-idx1-ubyte")
    return (xtr.reshape(len(ytr), -1) / 255.0, ytr, xte.reshape(len(yte), -1) / 255.0, yte)
