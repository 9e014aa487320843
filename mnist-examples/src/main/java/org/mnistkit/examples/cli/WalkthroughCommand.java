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
public final class WalkthroughCommand implements Callable<Integer> {

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Small subsets, few epochs and trees: well under a minute.")
  boolean quick;

  @Option(names = "--skip", split = ",", paramLabel = "umap|nn|forest",
      description = "Steps to leave out (comma-separated).")
  List<String> skip = List.of();

  @Override
  public Integer call() throws Exception {
    Set<WalkthroughOptions.Step> steps = EnumSet.noneOf(WalkthroughOptions.Step.class);
    skip.forEach(s -> steps.add(WalkthroughOptions.Step.parse(s)));
    WalkthroughOptions options = new WalkthroughOptions(common.out(), common.data(), steps,
        common.seed(), common.threads(), quick, common.quiet());
    // with --json, stdout carries only the result; the steps' console output goes to stderr
    PrintWriter console = common.json()
        ? new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)
        : spec.commandLine().getOut();
    WalkthroughResult r = Walkthrough.run(options, console);
    if (common.json()) {
      JsonOutput.print(r, spec.commandLine().getOut());
    }
    return 0;
  }
}
