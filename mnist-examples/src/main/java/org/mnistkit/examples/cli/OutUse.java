package org.mnistkit.examples.cli;

/**
 * What a subcommand does with --out. Every subcommand says so, and the shared check
 * ({@code CommonOptions.check}) acts on it before any work: the folder is created and tested, or
 * an explicit --out is refused with the reason instead of being silently ignored.
 */
interface OutUse {

  /**
   * @return null when the command (as configured by its options) writes files into --out;
   *     otherwise why --out does not apply and what to give instead
   */
  String whyNoOut();
}
