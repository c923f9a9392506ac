package dev.multisession.sample.cli;

import dev.multisession.sample.cli.demo.DemoCommand;
import dev.multisession.sample.cli.hub.HubCommand;
import dev.multisession.sample.cli.terminal.TerminalCommand;
import dev.multisession.runtime.store.jdbc.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar: {@code java -jar multisession-sample.jar demo|hub|terminal}. */
@Command(
        name = "multisession-sample",
        mixinStandardHelpOptions = true,
        version = "multisession sample 0.1.0",
        description = "A restaurant point of sale whose terminals stay in sync through a multisession hub.",
        subcommands = {DemoCommand.class, HubCommand.class, TerminalCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, for {@link #main} and for tests. */
    public static CommandLine commandLine() {
        return withStoreErrorsInOneLine(new CommandLine(new Main()));
    }

    /** The command line with its commands made by {@code factory} (tests hand in their own streams this way). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return withStoreErrorsInOneLine(new CommandLine(new Main(), factory));
    }

    /** A store that cannot be opened (in use by another hub, unreachable) is one line for the operator, not a trace. */
    private static CommandLine withStoreErrorsInOneLine(CommandLine commandLine) {
        return commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            if (error instanceof StoreException) {
                line.getErr().println("error: " + error.getMessage());
                return 2;
            }
            throw error;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
