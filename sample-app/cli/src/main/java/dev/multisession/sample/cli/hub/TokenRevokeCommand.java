package dev.multisession.sample.cli.hub;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hub token revoke}: the terminal's token stops working; hubs on the database close its connections. */
@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = {
            "Revokes a terminal's token. Every hub node on the same PostgreSQL closes the terminal's open",
            "connections at once; it cannot connect again until it gets a new token."
        })
public final class TokenRevokeCommand implements Callable<Integer> {

    /** Exit code when the terminal had no valid token. */
    static final int NOT_FOUND = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TokenPlace place;

    @Option(names = "--session", required = true, description = "The terminal's multi-session.")
    private String session;

    @Option(names = "--terminal", required = true, description = "The terminal's id.")
    private String terminal;

    @Override
    public Integer call() {
        boolean revoked;
        try (TokenPlace.Tokens tokens = place.open(spec)) {
            revoked = tokens.revoke(session, terminal);
        }
        if (!revoked) {
            spec.commandLine().getErr().printf("Terminal %s of session %s has no valid token: nothing revoked.%n",
                    terminal, session);
            return NOT_FOUND;
        }
        spec.commandLine().getOut().printf("Revoked the token of terminal %s of session %s.%n", terminal, session);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
