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

import torch_common  # noqa: E402

threads, n, X, Y, Xt, Yt = torch_common.data((1, 28, 28), 1)
nn = torch.nn
model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                      nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10))
torch_common.glorot(model)
opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
loss_fn = nn.CrossEntropyLoss()
epochs = int(os.environ.get("EPOCHS", "1"))
t0 = time.perf_counter()
epoch_seconds = torch_common.fit(model, opt, loss_fn, X, Y, epochs)
t1 = time.perf_counter()
model.eval()
with torch.no_grad():
    out = model(Xt)
t2 = time.perf_counter()
print(json.dumps({"tool": "pytorch", "model": "cnn", "threads": threads, "epochs": epochs, "batch_size": 128,
                  "train_size": n, "fit_seconds": t1 - t0, "epoch_seconds": epoch_seconds,
                  "predict_seconds": t2 - t1, "test_loss": float(loss_fn(out, Yt)),
                  "accuracy": float((out.argmax(1) == Yt).float().mean())}))
