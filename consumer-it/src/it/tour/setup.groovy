// Writes a tiny dataset in the MNIST layout into tiny-mnist/: 3000 training and 500 test images,
// 28 x 28, labels cycling 0..9. Class c lights its own 10 + 5c pixels (255), disjoint from the
// other classes', so the scaled training matrix has singular values sqrt(300 (10 + 5c)) exactly.
def dir = new File(basedir, 'tiny-mnist')
dir.mkdirs()
def write = { String name, int n, boolean images ->
  def out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(new File(dir, name))))
  out.writeInt(images ? 0x00000803 : 0x00000801)
  out.writeInt(n)
  if (images) { out.writeInt(28); out.writeInt(28) }
  for (int i = 0; i < n; i++) {
    int c = i % 10
    if (!images) { out.writeByte(c); continue }
    int from = (0..<c).sum { 10 + 5 * it } ?: 0
    byte[] img = new byte[784]
    for (int p = from; p < from + 10 + 5 * c; p++) { img[p] = (byte) 255 }
    out.write(img)
  }
  out.close()
}
write('train-images-idx3-ubyte', 3000, true)
write('train-labels-idx1-ubyte', 3000, false)
write('t10k-images-idx3-ubyte', 500, true)
write('t10k-labels-idx1-ubyte', 500, false)
return true
