package org.mnistkit.examples;

import java.io.IOException;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.metrics.ConfusionMatrix;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.forest.RandomForestModel;

/**
 * A random forest with R randomForest's defaults on 3000 sampled training images, tested on all
 * 10000 test images. Run: {@code java -cp mnist-examples/target/mnistkit.jar
 * org.mnistkit.examples.ForestExample}.
 */
public final class ForestExample {

  private ForestExample() {}

  /** @param args unused */
  public static void main(String[] args) throws IOException {
    MnistDataset mnist = Mnist.load();
    LabeledImages train = mnist.train().sample(3000, 123);

    RandomForestModel model = RandomForest.builder().trees(500).seed(123).importance(true).build()
        .fit(train.toScaledMatrix(), train.labels());
    System.out.println(model); // like print(randomForest(...)): OOB error and confusion matrix

    int[] predicted = model.predict(mnist.test().toScaledMatrix());
    ConfusionMatrix cm = ConfusionMatrix.of(mnist.test().labels(), predicted, 10);
    System.out.printf("test accuracy %.4f, macro F1 %.4f, kappa %.4f%n", cm.accuracy(), cm.macroF1(), cm.kappa());
    System.out.print(cm); // predictions as rows, truth as columns, like yardstick's conf_mat
  }
}
