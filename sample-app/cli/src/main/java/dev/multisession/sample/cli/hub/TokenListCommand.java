package dev.multisession.sample.cli.hub;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hub token list}: the terminals that hold tokens, never the tokens themselves. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists every terminal's token: session, terminal, the first digits of its hash, when it was"
                + " created and, in the hub's database, when it was revoked. Tokens are never shown again.")
public final class TokenListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TokenPlace place;

    @Override
    public Integer call() {
        List<TokenPlace.Row> rows;
        try (TokenPlace.Tokens tokens = place.open(spec)) {
            rows = tokens.list();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-16s %-16s %-12s %-24s %s%n", "SESSION", "TERMINAL", "SHA256", "CREATED", "REVOKED");
        for (TokenPlace.Row row : rows) {
            out.printf("%-16s %-16s %-12s %-24s %s%n", row.session(), row.terminal(), row.fingerprint(), row.created(),
                    row.revoked());
        }
        out.flush();
        return 0;
    }
}
