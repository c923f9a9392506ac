package dev.multisession.sample.cli.hub;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hub token}: groups the token subcommands. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manages the terminals' tokens, in a hub config file or in the hub's database.",
        subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
public final class TokenCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
