"""What the PyTorch peer scripts share: seeding, the thread count, MNIST as tensors and the
training loop (batch 128, reshuffled each epoch)."""
import os
import time

import torch

from idx import mnist


def data(image_shape, default_threads):
    """Seeds torch with 123 and sets THREADS (default_threads) threads.

    Returns (threads, n, X, Y, Xt, Yt): the first N_TRAIN (60000) training images and all test
    images as float32 tensors, each image shaped image_shape, with their labels as long tensors.
    """
    torch.manual_seed(123)
    threads = int(os.environ.get("THREADS", str(default_threads)))
    torch.set_num_threads(threads)
    xtr, ytr, xte, yte = mnist()
    n = int(os.environ.get("N_TRAIN", "60000"))
    X = torch.tensor(xtr[:n].reshape((n,) + image_shape), dtype=torch.float32)
    Y = torch.tensor(ytr[:n], dtype=torch.long)
    Xt = torch.tensor(xte.reshape((len(yte),) + image_shape), dtype=torch.float32)
    Yt = torch.tensor(yte, dtype=torch.long)
    return threads, n, X, Y, Xt, Yt


def glorot(model):
    """Keras's defaults: glorot_uniform kernels, zero biases."""
    for layer in model:
        if isinstance(layer, (torch.nn.Linear, torch.nn.Conv2d)):
            torch.nn.init.xavier_uniform_(layer.weight)
            torch.nn.init.zeros_(layer.bias)


def fit(model, opt, loss_fn, X, Y, epochs):
    """Trains in batches of 128, reshuffled each epoch; returns each epoch's wall seconds."""
    n = len(Y)
    epoch_seconds = []
    model.train()
    for _ in range(epochs):
        e0 = time.perf_counter()
        perm = torch.randperm(n)
        for i in range(0, n, 128):
            b = perm[i:i + 128]
            opt.zero_grad()
            loss_fn(model(X[b]), Y[b]).backward()
            opt.step()
        epoch_seconds.append(time.perf_counter() - e0)
    return epoch_seconds
