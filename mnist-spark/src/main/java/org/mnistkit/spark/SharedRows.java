package org.mnistkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.mnistkit.forest.ForestParts;

/**
 * The binned training rows shipped to the executors: every chunk of codes as its own broadcast
 * variable (a plain {@code byte[]} of at most 256 MiB, so no serialized block or array ever
 * nears 2 GB, whatever n x p), and the rest (labels, value ranges, the chunks' handles) as one
 * small broadcast of this object. An executor fetches each chunk once (torrent broadcast: from the
 * driver or from executors that have it) and joins them on first use; the joined data, with the
 * tree grower's feature-major copy, is kept in this object, of which each executor JVM holds one
 * deserialized copy, so all tasks of an executor share it.
 */
final class SharedRows implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ForestParts.BinnedData header;
  private final List<Broadcast<byte[]>> chunks;
  private transient volatile ForestParts.BinnedData data;

  private SharedRows(ForestParts.BinnedData header, List<Broadcast<byte[]>> chunks) {
    this.header = header;
    this.chunks = chunks;
  }

  /**
   * Broadcasts the data's chunks one by one, then this header; when a broadcast fails, the chunks
   * already broadcast are destroyed before the failure is rethrown.
   *
   * @param jsc the context
   * @param data the binned rows
   * @return the broadcast header; {@link #destroy} it and the chunks after the fit
   */
  static Broadcast<SharedRows> broadcast(JavaSparkContext jsc, ForestParts.BinnedData data) {
    List<Broadcast<byte[]>> handles = new ArrayList<>();
    try {
      for (byte[] chunk : data.rowChunks()) {
        handles.add(jsc.broadcast(chunk));
      }
      return jsc.broadcast(new SharedRows(data.withoutCodes(), handles));
    } catch (RuntimeException | OutOfMemoryError e) {
      // the chunks already shipped would stay in the block managers until the context stops
      for (Broadcast<byte[]> chunk : handles) {
        try {
          chunk.destroy();
        } catch (RuntimeException d) {
          e.addSuppressed(d);
        }
      }
      throw e;
    }
  }

  /** @return the whole data, fetched and joined on first use in this JVM */
  ForestParts.BinnedData data() {
    ForestParts.BinnedData d = data;
    if (d == null) {
      synchronized (this) {
        d = data;
        if (d == null) {
          byte[][] codes = new byte[chunks.size()][];
          for (int c = 0; c < codes.length; c++) {
            codes[c] = chunks.get(c).value();
          }
          d = header.withCodes(codes);
          data = d;
        }
      }
    }
    return d;
  }

  /**
   * Removes the chunks and the header from the driver and the executors.
   *
   * @param shared the broadcast header
   */
  static void destroy(Broadcast<SharedRows> shared) {
    for (Broadcast<byte[]> chunk : shared.getValue().chunks) {
      chunk.destroy();
    }
    shared.destroy();
  }
}
