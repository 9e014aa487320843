package org.mnistkit.examples.walkthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Step 8's table and the sentence under it, from two made-up summaries. */
class ComparisonTest {

  static ModelSummary summary(String name, double accuracy, int trainingRows) {
    long right = Math.round(accuracy * 10000);
    org.mnistkit.core.metrics.WilsonInterval ci = org.mnistkit.core.metrics.WilsonInterval.of95(right, 10000);
    return new ModelSummary(name, accuracy, new double[] {ci.lower(), ci.upper()}, 0.9, 0.95, 1.5, 0.25,
        trainingRows, 10000, null, new long[0][0], "", "");
  }

  @Test
  void theTableGivesTheIntervalAndTheRowsOfEachModel() {
    List<String[]> rows = Comparison.rows(List.of(summary("dense network", 0.9809, 60000)));
    // R: prop.test(9809, 10000, correct = FALSE)$conf.int = 0.977992..., 0.983411...
    assertArrayEquals(new String[] {"dense network", "0.9809", "[0.9780, 0.9834]", "0.9000", "0.9500", "1.50",
        "0.25", "60000", "10000"}, rows.get(0));
    assertEquals(Comparison.HEADER.length, rows.get(0).length);
  }

  @Test
  void theNoteSaysHowManyImagesTheForestSaw() {
    ModelSummary net = summary("dense network", 0.9809, 60000);
    ModelSummary forest = summary("random forest", 0.9391, 3000);
    ForestStep.Result f = new ForestStep.Result(forest, 500, 28, 0.0783, "forest-importance.png");
    assertEquals("Every model was tested on the same 10000 test images; the interval is the 95% Wilson score "
        + "interval of the accuracy. The random forest saw 3000 training images sampled with seed 123, as the R "
        + "walkthrough fits randomForest on 3000 sampled images, while the dense network saw 60000: the rows "
        + "differ, so the accuracies compare the models as the walkthrough trains them, not on equal data "
        + "(--forest-train-size 60000 gives the forest as many).", Comparison.note(List.of(net, forest), f, 123));
    ModelSummary fair = summary("random forest", 0.9709, 60000);
    assertEquals("Every model was tested on the same 10000 test images; the interval is the 95% Wilson score "
        + "interval of the accuracy. The random forest saw 60000 training images sampled with seed 7 (the R "
        + "walkthrough samples 3000); here the dense network saw 60000, so both saw as many training images.",
        Comparison.note(List.of(net, fair), new ForestStep.Result(fair, 500, 28, 0.03, "f.png"), 7));
    assertEquals("", Comparison.note(List.of(), null, 1));
  }
}
