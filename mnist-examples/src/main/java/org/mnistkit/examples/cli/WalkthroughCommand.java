package org.mnistkit.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mnistkit.examples.walkthrough.Walkthrough;
import org.mnistkit.examples.walkthrough.WalkthroughOptions;
import org.mnistkit.examples.walkthrough.WalkthroughResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mnistkit walkthrough}: every step of the walkthrough, and an HTML report in --out. */
@Command(name = "walkthrough", mixinStandardHelpOptions = true,
    description = "Run the walkthrough end to end on real MNIST and write an HTML report into --out.")
public final class WalkthroughCommand implements Callable<Integer>, OutUse {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Small subsets, few epochs and trees: well under a minute.")
  boolean quick;

  @Option(names = "--skip", split = ",", paramLabel = "umap|nn|forest",
      description = "Steps to leave out (comma-separated).")
  List<String> skip = List.of();

  @Option(names = "--train-size", paramLabel = "N",
      description = "Use only the first N training images, at least 16: SVD (step 4), UMAP (step 5) and the "
          + "network (step 6) use all N; the forest (step 7) samples its 3000 (1000 with --quick) from them, or "
          + "takes all N when fewer. Default: all (with --quick: 5000 for the SVD, 2000 for UMAP, 10000 for "
          + "the network).")
  Integer trainSize;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs of the network (step 6), at least 1. Default: 5 (3 with --quick).")
  Integer epochs;

  @Option(names = "--trees", paramLabel = "N",
      description = "Trees of the forest (step 7), at least 1. Default: 500 (50 with --quick).")
  Integer trees;

  @Option(names = "--forest-train-size", paramLabel = "N",
      description = "Training images the forest (step 7) samples with the seed, at least 2 and at most the "
          + "training images (or --train-size). Default: 3000 as the R walkthrough (1000 with --quick). With "
          + "60000 the forest sees the network's training rows, a fair comparison (slower: its fit took 6 minutes "
          + "on 2 busy cores, against 17 s for 3000).")
  Integer forestTrainSize;

  @Override
  public String whyNoOut() {
    return null; // index.html and its pictures
  }

  @Override
  public Integer call() throws Exception {
    Set<WalkthroughOptions.Step> steps = EnumSet.noneOf(WalkthroughOptions.Step.class);
    skip.forEach(s -> steps.add(WalkthroughOptions.Step.parse(s)));
    WalkthroughOptions options = new WalkthroughOptions(common.out(), common.data(), steps,
        common.seed(), common.threads(), quick, common.quiet(), trainSize, epochs, trees, forestTrainSize);
    // with --json, stdout carries only the result; the steps' console output goes to stderr
    PrintWriter console = common.json()
        ? new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)
        : spec.commandLine().getOut();
    List<String> commandLine = new java.util.ArrayList<>(List.of("mnistkit"));
    commandLine.addAll(spec.root().commandLine().getParseResult().originalArgs());
    WalkthroughResult r = Walkthrough.run(options, console, commandLine);
    if (common.json()) {
      JsonOutput.print(r, spec.commandLine().getOut());
    }
    return 0;
  }
}
