package dev.multisession.sample.cli.hub;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hub token create}: issues a terminal's token and prints it, the only time it is shown. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Creates a token for one terminal of a multi-session and prints it once; only its hash is stored.",
            "A terminal that already had a token gets a new one and the old one stops working."
        })
public final class TokenCreateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TokenPlace place;

    @Option(names = "--session", required = true, description = "The multi-session the terminal belongs to, such as bistro.")
    private String session;

    @Option(names = "--terminal", required = true, description = "The terminal's id, such as waiter-1.")
    private String terminal;

    @Override
    public Integer call() {
        String token;
        try (TokenPlace.Tokens tokens = place.open(spec)) {
            token = tokens.issue(session, terminal);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(token);
        out.flush();
        spec.commandLine().getErr().printf("Token for terminal %s of session %s (shown once, keep it secret). Connect with:%n"
                + "  terminal --url ws://HOST:PORT/ws --session %s --terminal %s --token %s%n",
                terminal, session, session, terminal, token);
        return 0;
    }
}
