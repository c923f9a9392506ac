package dev.multisession.sample.cli.hub;

import dev.multisession.runtime.hub.tokens.TokenBatchException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hub token create}: issues a terminal's token and prints it, the only time it is shown; with
 * {@code --from}, issues the tokens of every terminal listed in a file in one write.
 */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Creates a token for one terminal of a multi-session and prints it once; only its hash is stored.",
            "A terminal that already had a token gets a new one and the old one stops working.",
            "With --from, creates the tokens of every terminal listed, one session,terminal per line (blank lines and"
                    + " lines starting with # are skipped), in one write, and prints session<TAB>terminal<TAB>token"
                    + " for each.",
            "A malformed or refused line is reported with its number, and then no token is created."
        })
public final class TokenCreateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TokenPlace place;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    /** One terminal, or a list of them. */
    static final class Which {
        @ArgGroup(exclusive = false)
        One one;

        @Option(names = "--from", paramLabel = "FILE",
                description = "A file listing the terminals, one session,terminal per line; - reads standard input.")
        String from;
    }

    /** The one terminal of the single form. */
    static final class One {
        @Option(names = "--session", required = true,
                description = "The multi-session the terminal belongs to, such as bistro.")
        String session;

        @Option(names = "--terminal", required = true, description = "The terminal's id, such as waiter-1.")
        String terminal;
    }

    private final InputStream in;

    /** Reads {@code --from -} from standard input. */
    public TokenCreateCommand() {
        this(System.in);
    }

    /** Reads {@code --from -} from {@code in} (for tests). */
    public TokenCreateCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() {
        return which.from == null ? createOne(which.one.session, which.one.terminal) : createListed(which.from);
    }

    private int createOne(String session, String terminal) {
        String token;
        try (TokenPlace.Tokens tokens = place.open(spec)) {
            token = tokens.issue(session, terminal);
        } catch (IllegalArgumentException e) {
            // a blank or overlong id, or a --config file that is no token file
            spec.commandLine().getErr().printf("error: %s; no token was created%n", e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            return cannotWrite(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(token);
        out.flush();
        spec.commandLine().getErr().printf("Token for terminal %s of session %s (shown once, keep it secret). Connect with:%n"
                + "  terminal --url ws://HOST:PORT/ws --session %s --terminal %s --token %s%n",
                terminal, session, session, terminal, token);
        return 0;
    }

    private int createListed(String from) {
        String source = from.equals("-") ? "standard input" : from;
        PrintWriter err = spec.commandLine().getErr();
        TerminalLines.Listed listed;
        try (BufferedReader reader = from.equals("-")
                ? new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(from), StandardCharsets.UTF_8)) {
            listed = TerminalLines.read(reader);
        } catch (IOException e) {
            err.printf("error: cannot read %s: %s; no token was created%n", source, e.getMessage());
            return ExitCode.USAGE;
        } catch (IllegalArgumentException e) {
            err.printf("error: %s: %s; no token was created%n", source, e.getMessage());
            return ExitCode.USAGE;
        }
        List<String> tokens;
        try (TokenPlace.Tokens store = place.open(spec)) {
            tokens = store.issueAll(listed.terminals());
        } catch (TokenBatchException e) {
            err.printf("error: %s: %s; no token was created%n", source, refusal(e, listed.lineNumbers()));
            return ExitCode.USAGE;
        } catch (IllegalArgumentException e) {
            // a --config file that is no token file
            err.printf("error: %s; no token was created%n", e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            return cannotWrite(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < tokens.size(); i++) {
            out.printf("%s\t%s\t%s%n", listed.terminals().get(i).session(), listed.terminals().get(i).terminal(),
                    tokens.get(i));
        }
        out.flush();
        err.printf("Created %d tokens, shown once: keep them secret.%n", tokens.size());
        return 0;
    }

    /** The token file could not be written: the store, and the file, are as they were. */
    private int cannotWrite(UncheckedIOException e) {
        spec.commandLine().getErr().printf("error: %s (%s); no token was created%n", e.getMessage(),
                e.getCause().getMessage());
        return ExitCode.SOFTWARE;
    }

    /** The store's refusal of a pair, named by its line instead of its place in the batch. */
    private static String refusal(TokenBatchException e, List<Integer> lineNumbers) {
        String repeated = e.repeatedIndex().isPresent() ? " on line " + lineNumbers.get(e.repeatedIndex().getAsInt()) : "";
        return "line " + lineNumbers.get(e.index()) + " (" + TokenBatchException.describe(e.terminal()) + "): "
                + e.reason() + repeated;
    }
}
