package org.mnistkit.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.plot.ChartOptions;
import org.mnistkit.eda.plot.ScatterPlot;
import org.mnistkit.eda.quality.EmbeddingQuality;
import org.mnistkit.eda.umap.Umap;
import org.mnistkit.eda.umap.UmapModel;

/**
 * UMAP of the 60000 training images with the walkthrough's parameters ({@code uwot::umap(x,
 * n_neighbors = 15, min_dist = 0.001, pca = 50)}), plotted by digit and judged by kNN-15 purity;
 * then the model saved, loaded back (uwot's {@code save_uwot}/{@code load_uwot}) and the test
 * images placed into the same embedding. Run: {@code java -Xmx4g -cp
 * mnist-examples/target/mnistkit.jar org.mnistkit.examples.UmapExample [out-dir]}.
 */
public final class UmapExample {

  private UmapExample() {}

  /** @param args an optional output folder (default: the current one) */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : ".");
    MnistDataset mnist = Mnist.load();
    FloatMatrix x = mnist.train().toScaledMatrix();
    int[] labels = mnist.train().labels();

    UmapModel umap = Umap.builder().nNeighbors(15).minDist(0.001).pca(50).seed(123).verbose(true).build().fit(x);
    System.out.printf("kNN-15 purity %.4f%n", EmbeddingQuality.knnPurity(umap.embedding(), labels));
    ScatterPlot.write(umap.embedding(), 0, 1, labels,
        ChartOptions.builder().title("UMAP of MNIST").axisLabels("UMAP1", "UMAP2").build(), out.resolve("umap.png"));

    Path file = out.resolve("umap.model");
    umap.save(file); // about 34 MB for 60000 images with pca = 50
    UmapModel loaded = UmapModel.load(file);
    FloatMatrix test = loaded.transform(mnist.test().toScaledMatrix()); // uwot's umap_transform
    System.out.printf("test images embedded: %d x %d%n", test.rows(), test.cols());
  }
}
