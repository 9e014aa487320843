package org.mnistkit.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.plot.ChartOptions;
import org.mnistkit.eda.plot.ScatterPlot;
import org.mnistkit.eda.quality.EmbeddingQuality;
import org.mnistkit.eda.svd.Pca;
import org.mnistkit.eda.svd.PcaModel;

/**
 * PCA of the 60000 training images (centred truncated SVD, like {@code prcomp_irlba}), the first
 * two components plotted by digit and judged by kNN purity. Run: {@code java -cp
 * mnist-examples/target/mnistkit.jar org.mnistkit.examples.PcaExample [out-dir]}.
 */
public final class PcaExample {

  private PcaExample() {}

  /** @param args an optional output folder (default: the current one) */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : ".");
    MnistDataset mnist = Mnist.load();
    FloatMatrix x = mnist.train().toScaledMatrix();

    PcaModel pca = Pca.builder().nComponents(30).seed(123).build().fit(x);
    double[] ratio = pca.explainedVarianceRatio();
    System.out.printf("PC1 explains %.1f%%, PC2 %.1f%% of the variance%n", 100 * ratio[0], 100 * ratio[1]);

    FloatMatrix scores = pca.scores(); // 60000 x 30
    int[] labels = mnist.train().labels();
    ScatterPlot.write(scores, 0, 1, labels, ChartOptions.builder().title("PCA of MNIST").axisLabels("PC1", "PC2")
        .build(), out.resolve("pca.png"));
    double purity = EmbeddingQuality.knnPurity(scores.selectColumns(0, 1), labels);
    System.out.printf("kNN-15 purity of PC1/PC2: %.4f%n", purity);
  }
}
