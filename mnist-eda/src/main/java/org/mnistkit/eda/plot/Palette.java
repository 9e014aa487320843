package org.mnistkit.eda.plot;

import java.awt.Color;

/**
 * The class colours of every plot: Petroff's ten-colour sequence, chosen under constraints for
 * the common colour-vision deficiencies (deuteranopia, protanopia, tritanopia), for greyscale
 * printing and for contrast against a white background, and shipped by Matplotlib as its
 * {@code petroff10} style. Source: M. A. Petroff, "Accessible Color Sequences for Data
 * Visualization", arXiv:2107.02270 (2021), the 10-colour sequence. It replaces Tableau 10, whose
 * red/green and brown/grey pairs are weak for colour-blind readers. Labels beyond 9 get evenly
 * spaced hues (not colour-blind safe; ten classes is the most a palette can keep apart).
 */
public final class Palette {

  /** Petroff's 10-colour sequence, in its published order: label l gets colour l. */
  static final Color[] PETROFF10 = {new Color(0x3F90DA), new Color(0xFFA90E), new Color(0xBD1F01),
      new Color(0x94A4A2), new Color(0x832DB6), new Color(0xA96B59), new Color(0xE76300),
      new Color(0xB9AC70), new Color(0x717581), new Color(0x92DADD)};

  private Palette() {}

  /**
   * @param label a class label, at least 0
   * @return its opaque colour: Petroff's sequence for 0..9, then evenly spaced hues
   */
  public static Color colour(int label) {
    if (label < PETROFF10.length) {
      return PETROFF10[label];
    }
    return Color.getHSBColor((label * 0.618034f) % 1f, 0.65f, 0.85f);
  }

  /**
   * @param label a class label, at least 0
   * @param alpha opacity in 0..255
   * @return {@link #colour(int)} with that opacity
   */
  static Color colour(int label, int alpha) {
    Color c = colour(label);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
