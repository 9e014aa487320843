package org.mnistkit.examples.cli;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mnistkit} command line: {@code java -jar mnist-examples/target/mnistkit.jar <command>}.
 * Every subcommand takes the {@link CommonOptions}, checked by one rule for all of them before any
 * work ({@code CommonOptions.check}). Errors are printed as one line on stderr (exit code 1); bad
 * options print the usage (exit code 2), and so does {@code mnistkit} alone, on stdout.
 */
@Command(name = "mnistkit", mixinStandardHelpOptions = true, versionProvider = MnistkitCommand.Version.class,
    description = "MNIST in Java: load, explore, train a network and a random forest, compare.",
    subcommands = {DataCommand.class, WalkthroughCommand.class, NnCommand.class, ForestCommand.class, SvdCommand.class,
        UmapCommand.class,
        CommandLine.HelpCommand.class})
public final class MnistkitCommand implements java.util.concurrent.Callable<Integer> {

  /** The exit code of a usage error, and of {@code mnistkit} without a command. */
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** {@code mnistkit} without a command: the usage on stdout, as asked for, and exit code 2 (nothing was done). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    spec.commandLine().getOut().flush();
    return USAGE;
  }

  /**
   * Builds the command line with mnistkit's error handling: an {@link IOException} or
   * {@link IllegalArgumentException} is reported as {@code mnistkit: message} without a stack trace.
   *
   * @return a configured picocli command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MnistkitCommand());
    cl.setExecutionStrategy(parsed -> {
      CommandLine.ParseResult last = parsed;
      while (last.hasSubcommand()) {
        last = last.subcommand();
      }
      try {
        checkShared(last);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), e.getMessage(), e);
      }
      return new CommandLine.RunLast().execute(parsed);
    });
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
   * The one validation path of the shared options: runs {@code CommonOptions.check} for the
   * subcommand about to run (not for --help or --version), with what it does with --out.
   */
  private static void checkShared(CommandLine.ParseResult parsed) {
    if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
      return;
    }
    CommandLine.Model.CommandSpec mixin = parsed.commandSpec().mixins().get("common");
    if (mixin == null) {
      return; // mnistkit itself and help take no shared options
    }
    Object command = parsed.commandSpec().userObject();
    if (!(command instanceof OutUse use)) {
      throw new IllegalStateException(parsed.commandSpec().name() + " does not say what it does with --out");
    }
    ((CommonOptions) mixin.userObject()).check(parsed.commandSpec().name(), use.whyNoOut());
  }

  /**
   * @param e an error to report
   * @return its message; for a file-system error, whose message is often the path alone, the
   *     path with the reason in words: the operating system's reason when it gives one, else the
   *     kind of error, such as {@code /proc/x.mkrf: permission denied}, never a Java class name
   */
  static String message(Exception e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      return String.format(java.util.Locale.ROOT, "%s%s: %s", f.getFile(),
          f.getOtherFile() == null ? "" : " -> " + f.getOtherFile(),
          f.getReason() == null ? kind(f) : f.getReason());
    }
    return e.getMessage();
  }

  /** The kind of a file-system error without a reason, in words. */
  private static String kind(java.nio.file.FileSystemException f) {
    if (f instanceof java.nio.file.NoSuchFileException) {
      return "no such file or folder";
    } else if (f instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    } else if (f instanceof java.nio.file.FileAlreadyExistsException) {
      return "already exists";
    } else if (f instanceof java.nio.file.NotDirectoryException) {
      return "not a folder";
    } else if (f instanceof java.nio.file.DirectoryNotEmptyException) {
      return "folder not empty";
    }
    return "file-system error";
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
