package org.mnistkit.examples.walkthrough;

import java.util.List;

/**
 * Every number of one walkthrough run: what {@code mnistkit walkthrough --json} prints and what
 * the HTML report shows. A step left out with {@code --skip} is null.
 *
 * @param settings the options used
 * @param machine cores, Java and operating system
 * @param load steps 1 to 3
 * @param svd step 4
 * @param umap step 5, or null
 * @param network step 6, or null
 * @param forest step 7, or null
 * @param comparison step 8: one row per model that ran
 * @param report the path of index.html
 * @param totalSeconds wall time of the whole run
 */
public record WalkthroughResult(Settings settings, Machine machine, LoadStep.Result load, SvdStep.Result svd,
    UmapStep.Result umap, NetworkStep.Result network, ForestStep.Result forest, List<ModelSummary> comparison, String report, double totalSeconds) {

  /**
   * @param dataset mnist or fashion-mnist
   * @param seed the seed
   * @param threads worker threads
   * @param quick whether the small sizes were used
   * @param sizes the sizes of each step
   */
  public record Settings(String dataset, long seed, int threads, boolean quick, WalkthroughOptions.Sizes sizes) {}

  /**
   * @param cores available processors
   * @param javaVersion the running JVM's version
   * @param os operating system name and architecture
   * @param maxHeapMib the JVM's maximum heap, in MiB (JSON key max_heap_mib)
   */
  public record Machine(int cores, String javaVersion, String os, long maxHeapMib) {
    static Machine current() {
      return new Machine(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"),
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }
}
