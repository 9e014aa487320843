package org.mnistkit.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The one place where mnist-nn changes ND4J's process-wide settings; every entry point of the
 * package calls {@link #configure()} before touching ND4J. Measured on the project's shared 2-core
 * machine (5 epochs of the 784-512-10 network, same run, other jobs running): 24 s with one native
 * thread, 238 s with two; a profile of a plain Deeplearning4j loop with ND4J's defaults spent 42%
 * of its samples spinning in libgomp, 15% in sched_yield and 5% in sgemm.
 *
 * <ul>
 *   <li><b>One native thread</b> for ND4J's OpenMP loops, its own thread pool and OpenBLAS. With
 *       two threads on two cores, the idle OpenMP and OpenBLAS workers spin (sched_yield) and
 *       contend with the thread doing the work and with the JVM's compiler and collector threads;
 *       the matrices of one batch are too small for the split to pay off. Override with the system
 *       property {@code mnistkit.nn.nativeThreads} (read once). Deeplearning4j 1.0.0-M2.1 ignores
 *       {@code Environment.setMaxThreads}, so the OpenMP count is set through NativeOps.
 *   <li><b>No periodic System.gc()</b> from ND4J's memory manager: mnist-nn reuses its batch arrays
 *       and Deeplearning4j's workspaces, so there is little garbage to chase.
 *   <li><b>No JavaCPP physical-memory probe</b>: unless the user set it, the system property
 *       {@code org.bytedeco.javacpp.maxPhysicalBytes} is set to 0 before ND4J loads, which stops
 *       JavaCPP from reading /proc/self/statm on every native allocation. It has no effect if ND4J
 *       was loaded before mnist-nn.
 * </ul>
 *
 * All-dense networks train and predict outside Deeplearning4j ({@link DenseSteps},
 * {@link DenseForward}) and still use both cores: they cut each large product into two fixed
 * pieces and run them on two Java threads, each calling OpenBLAS's sgemm, which the one-thread
 * setting above keeps on the calling thread; {@link LeanConvLayer} does the same with two pieces
 * of each batch during a convnet's fit. With {@code mnistkit.nn.nativeThreads} above 1, training
 * uses one Java thread.
 *
 * <p>{@link #seed(long)} is the only place where mnist-nn seeds ND4J's global random generator
 * (used by dropout); Deeplearning4j seeds it itself from the configuration when it initializes
 * weights.
 */
final class Nd4jRuntime {

  /** Native threads used by ND4J (OpenMP, its thread pool, OpenBLAS). */
  static final int NATIVE_THREADS = Math.max(1, Integer.getInteger("mnistkit.nn.nativeThreads", 1));

  private static boolean configured;

  private Nd4jRuntime() {}

  /** Applies the settings above once per JVM; later calls return at once. Thread-safe. */
  static synchronized void configure() {
    if (configured) {
      return;
    }
    if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) {
      System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
    }
    Nd4j.getExecutioner();
    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(NATIVE_THREADS);
    Nd4j.getEnvironment().setMaxMasterThreads(NATIVE_THREADS);
    Nd4j.factory().blas().setMaxThreads(NATIVE_THREADS);
    Nd4j.getMemoryManager().togglePeriodicGc(false);
    configured = true;
  }

  /** Seeds ND4J's global generator, which Deeplearning4j's dropout draws from. */
  static void seed(long seed) {
    Nd4j.getRandom().setSeed(seed);
  }
}
