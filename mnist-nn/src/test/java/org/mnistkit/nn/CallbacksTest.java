package org.mnistkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnistkit.core.testing.TestAssertions.assertThrowsWithMessage;
import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistkit.nn.callbacks.Callbacks;
import org.mnistkit.nn.callbacks.Callback;
import org.mnistkit.nn.callbacks.EarlyStopping;
import org.mnistkit.nn.callbacks.ModelCheckpoint;

class CallbacksTest {

  @TempDir
  Path dir;

  private static Sequential model() {
    return Sequential.of(dense(8, RELU).inputShape(6), dense(3, SOFTMAX))
        .compile(Optimizer.rmsprop(0.01), Loss.CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
  }

  /** Feeds one value per epoch to a callback, as fit would; returns the epoch at which fit stops. */
  private static int feed(Sequential m, Callback c, String name, double... values) {
    m.clearStopRequest();
    c.onTrainBegin(m);
    for (int e = 0; e < values.length; e++) {
      c.onEpochEnd(m, e, Map.of(name, values[e]));
      if (m.stopRequested()) {
        return e;
      }
    }
    return -1;
  }

  @Test
  void earlyStoppingMinimisesLosses() {
    Sequential m = model();
    EarlyStopping es = Callbacks.earlyStopping("val_loss", 1);
    assertFalse(es.maximizes());
    // Falling loss never stops; a rise stops after patience = 1 epoch without improvement.
    assertEquals(-1, feed(m, es, "val_loss", 0.9, 0.8, 0.7, 0.6));
    assertEquals(3, feed(m, es, "val_loss", 0.9, 0.8, 0.7, 0.75, 0.6));
    assertEquals(2, es.bestEpoch());
    assertEquals(0.7, es.best());
    assertEquals(3, es.stoppedEpoch());
  }

  @Test
  void earlyStoppingMaximisesAccuracies() {
    Sequential m = model();
    EarlyStopping es = Callbacks.earlyStopping("val_accuracy", 0);
    assertTrue(es.maximizes());
    assertEquals(-1, feed(m, es, "val_accuracy", 0.5, 0.6, 0.7));
    assertEquals(2, feed(m, es, "val_accuracy", 0.5, 0.6, 0.55));
    assertEquals(0.6, es.best());
  }

  @Test
  void minDeltaDemandsAMarginInTheRightDirection() {
    Sequential m = model();
    assertEquals(1, feed(m, Callbacks.earlyStopping("accuracy", 0, 0.05, false), "accuracy", 0.5, 0.53));
    assertEquals(-1, feed(m, Callbacks.earlyStopping("accuracy", 0, 0.05, false), "accuracy", 0.5, 0.56));
    assertEquals(1, feed(m, Callbacks.earlyStopping("loss", 0, 0.05, false), "loss", 0.5, 0.47));
    assertEquals(-1, feed(m, Callbacks.earlyStopping("loss", 0, 0.05, false), "loss", 0.5, 0.44));
  }

  @Test
  void restoreBestWeightsPutsBackTheBestEpoch() {
    Sequential m = model();
    EarlyStopping es = Callbacks.earlyStopping("val_loss", 1, 0, true);
    m.clearStopRequest();
    es.onTrainBegin(m);
    float[] best = null;
    double[] losses = {0.9, 0.4, 0.6, 0.7};
    for (int e = 0; e < losses.length && !m.stopRequested(); e++) {
      float[] w = m.getWeights();
      w[0] = e; // a different model per epoch
      m.setWeights(w);
      if (e == 1) {
        best = w;
      }
      es.onEpochEnd(m, e, Map.of("val_loss", losses[e]));
    }
    assertEquals(2, es.stoppedEpoch());
    assertArrayEquals(best, m.getWeights());
  }

  @Test
  void earlyStoppingInFitStopsAndIsRecorded() {
    TinyData d = TinyData.of(24, 6, 3, 1);
    Sequential m = model();
    List<Integer> seen = new ArrayList<>();
    Callback stopAtOne = new Callback() {
      @Override
      public void onEpochEnd(Sequential model, int epoch, Map<String, Double> logs) {
        seen.add(epoch);
        if (epoch == 1) {
          model.stopTraining();
        }
      }
    };
    History h = m.fit(d.x, d.y, f -> f.epochs(10).verbose(0).callback(stopAtOne));
    assertEquals(2, h.epochs());
    assertTrue(h.stoppedEarly());
    assertEquals(List.of(0, 1), seen);
    assertTrue(h.toString().contains("stopped early after 2"), h.toString());
    assertThrowsWithMessage(IllegalArgumentException.class,
        () -> m.fit(d.x, d.y, f -> f.epochs(2).verbose(0).callback(Callbacks.earlyStopping("val_loss", 1))),
        "monitor 'val_loss' is not among the logged quantities [loss, accuracy]", "validationSplit");
  }

  @Test
  void checkpointSavesEachEpochOrOnlyTheBest() throws IOException {
    TinyData d = TinyData.of(24, 6, 3, 2);
    Sequential m = model();
    ModelCheckpoint every = Callbacks.modelCheckpoint(dir.resolve("m-{epoch}.mnn"));
    m.fit(d.x, d.y, f -> f.epochs(2).verbose(0).callback(every));
    assertTrue(Files.exists(dir.resolve("m-1.mnn")));
    assertEquals(dir.resolve("m-2.mnn"), every.lastSaved());
    assertEquals(m.predict(d.x), Sequential.load(every.lastSaved()).predict(d.x));

    Sequential b = model();
    b.fit(d.x, d.y, f -> f.epochs(1).verbose(0)); // a model saves once it has a provenance
    ModelCheckpoint best = Callbacks.modelCheckpoint(dir.resolve("best.mnn"), "val_loss", true);
    b.clearStopRequest();
    best.onTrainBegin(b);
    best.onEpochEnd(b, 0, Map.of("val_loss", 0.5));
    assertEquals(dir.resolve("best.mnn"), best.lastSaved());
    Files.delete(dir.resolve("best.mnn"));
    best.onEpochEnd(b, 1, Map.of("val_loss", 0.6));
    assertFalse(Files.exists(dir.resolve("best.mnn")), "no improvement, no save");
    best.onEpochEnd(b, 2, Map.of("val_loss", 0.4));
    assertTrue(Files.exists(dir.resolve("best.mnn")));
  }
}
