package org.mnistkit.eda.umap;

/**
 * x<sup>b</sup> to float precision, about 2.5 times as fast as {@link Math#pow}: the power the
 * layout optimizer computes for every positive and negative sample (six per positive edge sample
 * with uwot's five negatives), which took about half of its time with {@code Math.pow}. uwot's
 * C++ computes the same power in float ({@code std::pow} on floats); this is our own
 * table-driven evaluation of 2<sup>b log2 x</sup> in double arithmetic:
 *
 * <ul>
 *   <li>log2 x = e + log2 c + log2(1 + z) for x = 2<sup>e</sup> m, m in [1, 2), c the centre of the
 *       32nd of [1, 2) that holds m, and z = m / c - 1 (|z| &lt; 1/64), the logarithm by its Taylor
 *       series to z<sup>4</sup>;
 *   <li>2<sup>y</sup> = 2<sup>q</sup> 2<sup>j/64</sup> e<sup>s</sup> for y = q + j/64 + s / ln 2
 *       (|s| &lt;= ln 2 / 128), e<sup>s</sup> by its Taylor series to s<sup>3</sup>.
 * </ul>
 *
 * The result differs from {@code (float) Math.pow(x, b)} by at most one unit in the last place
 * for normal positive x and b in (0, 4] (FloatPowTest); zero, subnormal, negative, infinite and NaN
 * arguments, and those whose power lies far outside float's range (|b log2 x| &gt;= 1000, or b not
 * finite), go to {@code Math.pow}.
 */
final class FloatPow {

  private static final double LN2 = Math.log(2);
  private static final double INV_LN2 = 1 / LN2;
  /** 1 / c and log2 c for the centre c of each 32nd of [1, 2). */
  private static final double[] INV_C = new double[32];
  private static final double[] LOG2_C = new double[32];
  /** 1.5 * 2^52: adding it to |v| &lt; 2^51 rounds v to an integer held in the low mantissa bits. */
  private static final double SHIFTER = 0x1.8p52;
  /** The bits of 2^(j / 64), j = 0..63. */
  private static final long[] EXP2 = new long[64];

  static {
    for (int i = 0; i < 32; i++) {
      double c = 1 + (i + 0.5) / 32;
      INV_C[i] = 1 / c;
      LOG2_C[i] = Math.log(c) * INV_LN2;
    }
    for (int j = 0; j < 64; j++) {
      EXP2[j] = Double.doubleToRawLongBits(Math.pow(2, j / 64.0));
    }
  }

  private FloatPow() {}

  /**
   * @param x the base
   * @param b the exponent, any value; in (0, 4] for the accuracy stated in the class comment
   * @return x<sup>b</sup> rounded to float
   */
  static float pow(float x, double b) {
    int bits = Float.floatToRawIntBits(x);
    int biased = bits >>> 23; // the exponent field; 256 and more for negative x
    if (biased == 0 || biased >= 255) {
      return (float) Math.pow(x, b);
    }
    int i = (bits >>> 18) & 31;
    double m = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F800000);
    double z = m * INV_C[i] - 1;
    double z2 = z * z;
    double ln1pz = (z - 0.5 * z2) + z2 * (z * (1.0 / 3) - z2 * 0.25);
    double y = b * (((biased - 127) + LOG2_C[i]) + ln1pz * INV_LN2);
    if (!(Math.abs(y) < 1000)) { // 2^y beyond float's range (or b not finite): the exponent bits would overflow
      return (float) Math.pow(x, b);
    }
    double shifted = y * 64 + SHIFTER;
    // round(y * 64): the low 52 bits of shifted hold 2^51 + round(y * 64)
    long k = (Double.doubleToRawLongBits(shifted) & 0xF_FFFF_FFFF_FFFFL) - (1L << 51);
    double s = (y - (shifted - SHIFTER) * (1.0 / 64)) * LN2;
    double es = (1 + s) + (s * s) * (0.5 + s * (1.0 / 6));
    return (float) (es * Double.longBitsToDouble(EXP2[(int) (k & 63)] + ((k >> 6) << 52)));
  }
}
