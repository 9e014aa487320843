import static org.mnistkit.nn.layers.Activation.RELU;
import static org.mnistkit.nn.layers.Activation.SOFTMAX;
import static org.mnistkit.nn.layers.Layers.dense;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.mnistkit.core.data.LabeledImages;
import org.mnistkit.core.data.Mnist;
import org.mnistkit.core.data.MnistDataset;
import org.mnistkit.core.model.Classifier;
import org.mnistkit.core.tensor.FloatMatrix;
import org.mnistkit.eda.svd.TruncatedSvd;
import org.mnistkit.forest.RandomForest;
import org.mnistkit.nn.Sequential;

public class Tour {
  public static void main(String[] args) throws Exception {
    MnistDataset mnist = args.length > 0 ? Mnist.load(Path.of(args[0])) : Mnist.load();
    LabeledImages train = mnist.train().sample(3000, 123), test = mnist.test();
    FloatMatrix x = train.toScaledMatrix(), testX = test.toScaledMatrix();   // n x 784, in [0, 1]
    double[] d = TruncatedSvd.builder().nv(5).build().fit(x).singularValues();
    System.out.println("singular values " + Arrays.toString(d));

    Sequential network = Sequential.of(dense(64, RELU).inputShape(784), dense(10, SOFTMAX))
        .compile("rmsprop", "categorical_crossentropy", "accuracy");
    network.fit(x, train.toCategorical(), f -> f.epochs(3).batchSize(128));
    Classifier forest = RandomForest.builder().trees(100).seed(123).build().fit(x, train.labels());
    for (Classifier model : List.of(forest, network)) {
      int[] predicted = model.predictClasses(testX);
      System.out.println(model.getClass().getSimpleName() + " predicts " + Arrays.toString(Arrays.copyOf(predicted, 10)));
      System.out.println(model.classificationReport(testX, test.labels()));
    }
  }
}
