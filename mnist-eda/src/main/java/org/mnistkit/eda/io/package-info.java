/**
 * The binary framing shared by the saved models of this module ({@link
 * org.mnistkit.eda.svd.PcaModel#save}, {@link org.mnistkit.eda.umap.UmapModel#save}): big-endian
 * numbers, a block that starts with an int magic number and an int format version, and a trailing
 * int CRC-32 of every byte before it. {@link org.mnistkit.eda.io.ModelOutput} writes such a file
 * atomically, {@link org.mnistkit.eda.io.ModelInput} reads one back, checking each size against
 * the bytes left before allocating, and {@link org.mnistkit.eda.io.EdaFormatException} reports a
 * bad file. The layout of each model's block is documented by the class that writes it.
 */
package org.mnistkit.eda.io;
