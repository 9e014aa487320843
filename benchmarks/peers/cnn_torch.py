"""The convnet of `mnistkit nn --model cnn` (Keras's MNIST convnet) in PyTorch on THREADS (1) CPU threads:
conv 32 3x3 relu, maxpool 2, conv 64 3x3 relu, maxpool 2, flatten, dropout 0.5, dense 10 softmax;
glorot_uniform kernels, zero biases; Adam(lr=1e-3, betas 0.9/0.999, eps=1e-7) as ours; batch 128,
reshuffled each epoch; the first N_TRAIN (60000) training images, EPOCHS (1) epochs. One thread is
the fastest on a 2-core machine (two contend). Prints one JSON object: fit_seconds covers the training
loop only, epoch_seconds each epoch, predict_seconds the forward pass over the 10000 test images."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402

from idx import mnist  # noqa: E402

torch.manual_seed(123)
threads = int(os.environ.get("THREADS", "1"))
torch.set_num_threads(threads)
xtr, ytr, xte, yte = mnist()
n = int(os.environ.get("N_TRAIN", "60000"))
X = torch.tensor(xtr[:n].reshape(n, 1, 28, 28), dtype=torch.float32)
Y = torch.tensor(ytr[:n], dtype=torch.long)
Xt = torch.tensor(xte.reshape(len(yte), 1, 28, 28), dtype=torch.float32)
Yt = torch.tensor(yte, dtype=torch.long)
nn = torch.nn
model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                      nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10))
for layer in model:
    if isinstance(layer, (nn.Linear, nn.Conv2d)):
        nn.init.xavier_uniform_(layer.weight)
        nn.init.zeros_(layer.bias)
opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
loss_fn = nn.CrossEntropyLoss()
epochs = int(os.environ.get("EPOCHS", "1"))
epoch_seconds = []
model.train()
t0 = time.perf_counter()
for _ in range(epochs):
    e0 = time.perf_counter()
    perm = torch.randperm(n)
    for i in range(0, n, 128):
        b = perm[i:i + 128]
        opt.zero_grad()
        loss_fn(model(X[b]), Y[b]).backward()
        opt.step()
    epoch_seconds.append(time.perf_counter() - e0)
t1 = time.perf_counter()
model.eval()
with torch.no_grad():
    out = model(Xt)
t2 = time.perf_counter()
print(json.dumps({"tool": "pytorch", "model": "cnn", "threads": threads, "epochs": epochs, "batch_size": 128,
                  "train_size": n, "fit_seconds": t1 - t0, "epoch_seconds": epoch_seconds,
                  "predict_seconds": t2 - t1, "test_loss": float(loss_fn(out, Yt)),
                  "accuracy": float((out.argmax(1) == Yt).float().mean())}))
