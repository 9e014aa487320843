package org.mnistkit.examples.cli;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mnistkit} command line: {@code java -jar mnist-examples/target/mnistkit.jar <command>}.
 * Every subcommand takes the {@link CommonOptions}. Errors are printed as one line on stderr
 * (exit code 1); bad options print the usage (exit code 2).
 */
@Command(name = "mnistkit", mixinStandardHelpOptions = true, versionProvider = MnistkitCommand.Version.class,
    description = "MNIST in Java: load, explore, train a network and a random forest, compare.",
    subcommands = {DataCommand.class, WalkthroughCommand.class, NnCommand.class, ForestCommand.class, SvdCommand.class,
        UmapCommand.class,
        CommandLine.HelpCommand.class})
public final class MnistkitCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /**
   * Builds the command line with mnistkit's error handling: an {@link IOException} or
   * {@link IllegalArgumentException} is reported as {@code mnistkit: message} without a stack trace.
   *
   * @return a configured picocli command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MnistkitCommand());
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof IOException || e instanceof IllegalArgumentException) {
        line.getErr().println("mnistkit: " + message(e));
        return 1;
      }
      throw e;
    });
    return cl;
  }

  /**
   * @param e an error to report
   * @return its message; for a file-system error, whose message is often the path alone, the
   *     path with the kind of error and the reason, such as {@code cannot write /proc/x.mkrf
   *     (AccessDeniedException)}
   */
  static String message(Exception e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      return String.format(java.util.Locale.ROOT, "%s%s: %s%s", f.getFile(),
          f.getOtherFile() == null ? "" : " -> " + f.getOtherFile(), f.getClass().getSimpleName(),
          f.getReason() == null ? "" : " (" + f.getReason() + ")");
    }
    return e.getMessage();
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    System.exit(commandLine().execute(args));
  }

  /** {@code --version}: the version mnist-core was built with, so that it never differs from the POM's. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mnistkit " + org.mnistkit.core.model.Provenance.libraryVersion()};
    }
  }
}
