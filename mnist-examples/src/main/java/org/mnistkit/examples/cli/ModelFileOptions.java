package org.mnistkit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mnistkit.core.model.FittedModel;
import org.mnistkit.core.model.OnnxExportable;
import picocli.CommandLine.Option;

/**
 * The options of the commands that fit a classifier ({@code nn}, {@code forest}): where to save
 * the fitted model in mnistkit's own format and where to export it as ONNX. Both folders are
 * checked before any work starts, so a bad path fails in a second, not after the fit.
 */
public final class ModelFileOptions {

  @Option(names = "--save", paramLabel = "FILE",
      description = "Save the fitted model (mnistkit's model file, with provenance) to FILE.")
  Path save;

  @Option(names = "--export-onnx", paramLabel = "FILE",
      description = "Export the fitted model as ONNX to FILE (input \"input\": float [N, height x width], "
          + "pixels / 255, 784 for MNIST).")
  Path exportOnnx;

  /**
   * Checks that each requested file can be written: it is not a folder, and its folder is created
   * and proven writable as --out's is ({@link WritableFolder}).
   *
   * @throws IllegalArgumentException naming the option and the path when it cannot be written
   */
  public void check() {
    checkWritable("--save", save);
    checkWritable("--export-onnx", exportOnnx);
  }

  private static void checkWritable(String option, Path file) {
    if (file == null) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(option + " " + file + " is a folder; give a file name");
    }
    Path dir = file.toAbsolutePath().getParent();
    WritableFolder.prepare(option + " " + file + " cannot be written: folder " + dir, dir);
  }

  /**
   * Saves and exports the model as requested.
   *
   * @param model the fitted model
   * @param common for status lines on stderr
   * @return the absolute paths written: [saved file or null, ONNX file or null]
   * @throws IOException when a file cannot be written
   * @throws IllegalArgumentException when ONNX export was asked of a model that has none
   */
  public String[] write(FittedModel model, CommonOptions common) throws IOException {
    String saved = null;
    String onnx = null;
    if (save != null) {
      model.save(save);
      saved = save.toAbsolutePath().toString();
      common.log("model saved to " + saved);
    }
    if (exportOnnx != null) {
      if (!(model instanceof OnnxExportable exportable)) {
        throw new IllegalArgumentException("--export-onnx: " + model.getClass().getSimpleName()
            + " has no ONNX export");
      }
      exportable.exportOnnx(exportOnnx);
      onnx = exportOnnx.toAbsolutePath().toString();
      common.log("ONNX model written to " + onnx);
    }
    return new String[] {saved, onnx};
  }
}
