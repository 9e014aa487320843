package org.mnistkit.spark;

/**
 * The uid of a Spark ML stage under construction. Spark's Scala base classes create their params
 * in their own constructors, and a param asks its parent for {@code uid()} at once; a Java
 * subclass sets its uid field only after the base constructor has run. So the subclass stashes
 * the uid here (in an argument of its {@code this(...)} call, evaluated before the base
 * constructor) and its {@code uid()} reads it while the field is still null.
 */
final class StageIds {

  private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

  private StageIds() {}

  /** Stashes a uid for the constructor now running on this thread; returns it. */
  static String stash(String uid) {
    PENDING.set(uid);
    return uid;
  }

  /** @return the uid stashed on this thread */
  static String pending() {
    return PENDING.get();
  }

  /** Forgets the stashed uid. */
  static void clear() {
    PENDING.remove();
  }
}
