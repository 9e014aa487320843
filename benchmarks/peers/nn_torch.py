"""The walkthrough's network in PyTorch on THREADS (2) CPU threads: 784-512 relu-10 softmax,
glorot_uniform, RMSprop(lr=1e-3, rho=0.9, eps=1e-7), batch 128, EPOCHS (5) epochs, reshuffled each
epoch, on the first N_TRAIN (60000) training images. On a 2-core machine one thread (THREADS=1) is
often the faster: compare.py runs both. Prints one JSON object; fit_seconds covers the training loop
only (fit_cpu_seconds: its process CPU time, all threads)."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402

import torch_common  # noqa: E402

threads, n, X, Y, Xt, Yt = torch_common.data((784,), 2)
model = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 10))
torch_common.glorot(model)
opt = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
loss_fn = torch.nn.CrossEntropyLoss()
epochs = int(os.environ.get("EPOCHS", "5"))
t0 = time.perf_counter()
c0 = time.process_time()
torch_common.fit(model, opt, loss_fn, X, Y, epochs)
t1 = time.perf_counter()
c1 = time.process_time()
with torch.no_grad():
    out = model(Xt)
print(json.dumps({"tool": "pytorch", "threads": threads, "epochs": epochs, "batch_size": 128, "train_size": n,
                  "fit_seconds": t1 - t0, "fit_cpu_seconds": c1 - c0, "test_loss": float(loss_fn(out, Yt)),
                  "accuracy": float((out.argmax(1) == Yt).float().mean())}))
