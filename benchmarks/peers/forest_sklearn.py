"""scikit-learn RandomForestClassifier, n_jobs=THREADS (2): N_TRAIN (3000) sampled training images,
NTREE (500) trees, predicting all 10000 test images. Prints one JSON object."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402
from sklearn.ensemble import RandomForestClassifier  # noqa: E402

from idx import mnist  # noqa: E402

xtr, ytr, xte, yte = mnist()
n = int(os.environ.get("N_TRAIN", "3000"))
ntree = int(os.environ.get("NTREE", "500"))
threads = int(os.environ.get("THREADS", "2"))
idx = np.random.default_rng(123).choice(len(ytr), n, replace=False)
t0 = time.perf_counter()
rf = RandomForestClassifier(n_estimators=ntree, n_jobs=threads, random_state=123).fit(xtr[idx], ytr[idx])
t1 = time.perf_counter()
p = rf.predict(xte)
t2 = time.perf_counter()
print(json.dumps({"tool": "scikit-learn", "train_size": n, "trees": ntree, "fit_seconds": t1 - t0,
                  "predict_seconds": t2 - t1, "accuracy": float((p == yte).mean())}))
