// Checks both builds of the tour (build.log holds them in order: -Djavacpp.platform.host, then
// -Ppom-only): the program's output, the absence of noise, and each dependency tree.
def fail = { String m -> throw new AssertionError(m) }
def runs = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/)
        .findAll { it.contains('Building mnistkit-tour') }
if (runs.size() != 2) fail("expected 2 builds of the tour in build.log, found ${runs.size()}")

// class c lights 10 + 5c pixels in each of its 300 training images, disjoint from the others'
def expected = (9..5).collect { Math.sqrt(300d * (10 + 5 * it)) }
['property', 'pom-only'].eachWithIndex { recipe, i ->
  String log = runs[i]
  if (!log.contains('BUILD SUCCESS')) fail("$recipe: the tour's build failed")
  def m = log =~ /singular values \[([^\]]*)\]/
  if (!m.find()) fail("$recipe: no singular values line")
  def d = m.group(1).split(', ').collect { it as double }
  expected.eachWithIndex { e, k ->
    if (Math.abs(d[k] - e) > 1e-6 * e) fail("$recipe: d[${k + 1}] = ${d[k]}, expected sqrt(300 (10 + 5 c)) = $e")
  }
  ['RandomForestModel', 'Sequential'].each {
    if (!log.contains("$it predicts [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")) fail("$recipe: $it's first predictions are not 0..9")
  }
  if ((log =~ /(?m)^\s+accuracy\s+1\.0000\s+500$/).size() != 2) fail("$recipe: both reports should show accuracy 1.0000 on 500 images")
  if ((log =~ /(?m)^\s+9\s+1\.0000\s+1\.0000\s+1\.0000\s+50$/).size() != 2) fail("$recipe: class 9's report line")
  if (!(log =~ /(?m)^Epoch 3\/3\n24\/24 \[={30}\] - \d+s \d+(ms|us|s)\/step - loss: /).find()) fail("$recipe: the fit's progress lines")
  ['StaticLoggerBinder', 'IllegalThreadStateException', 'did not finish', 'still alive', 'Exception in thread']
      .each { if (log.contains(it)) fail("$recipe: the build log holds '$it'") }

  def tree = new File(basedir, "target/tree-${recipe}.txt").text
  def tests = tree.readLines().findAll { it =~ /junit|opentest4j|apiguardian|hamcrest|mockito|assertj|testng/ }
  if (tests) fail("$recipe: test libraries on the class path: $tests")
  def classifiers = (tree =~ /:jar:([a-z0-9_-]+):[^:\s]+:(compile|runtime)/).collect { it[1] }.unique()
  if (classifiers != ['linux-x86_64']) fail("$recipe: native classifiers $classifiers, expected only linux-x86_64")
  if (!(tree =~ /org\.slf4j:slf4j-api:jar:2\./).find()) fail("$recipe: slf4j-api is not 2.x:\n$tree")
  if (recipe == 'pom-only' && tree.contains('nd4j-native-platform')) fail('pom-only: nd4j-native-platform is still there')
  long bytes = new File(basedir, "target/classpath-${recipe}.txt").text.trim().split(File.pathSeparator)
      .sum { new File(it).length() }
  println String.format(Locale.ROOT, '%s: class path %.1f MB', recipe, bytes / 1e6)
}

// mnistkit came from the staged repository and from nowhere else
['mnistkit-parent', 'mnistkit-bom', 'mnist-core', 'mnist-nn', 'mnist-forest', 'mnist-eda'].each { a ->
  def dir = new File(localRepositoryPath, "org/mnistkit/$a")
  def versions = dir.listFiles()?.findAll { it.isDirectory() } ?: []
  if (versions.size() != 1) fail("$a: expected one version in the consumer's repository, found $versions")
  def origin = new File(versions[0], 'maven-metadata-mnistkit-staging.xml')
  if (!origin.isFile()) fail("$a was not resolved from the staged repository (no $origin.name)")
}

// the README's tour is this program, word for word
def readme = new File(basedir, '../../../../README.md').text
def tour = new File(basedir, 'src/main/java/Tour.java').text
if (!readme.contains('```java\n' + tour + '```')) fail('README.md does not show src/main/java/Tour.java as it is')
return true
