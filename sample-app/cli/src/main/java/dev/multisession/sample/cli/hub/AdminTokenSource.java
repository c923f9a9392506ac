package dev.multisession.sample.cli.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the admin token comes from: a file, else the environment variable
 * {@code MULTISESSION_ADMIN_TOKEN}. Never an option's value, which every user of the machine
 * could read in the process list.
 */
final class AdminTokenSource {

    static final String ENVIRONMENT = "MULTISESSION_ADMIN_TOKEN";

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "File holding the admin token (trailing newline ignored); else the environment variable "
                    + ENVIRONMENT + ".")
    Path file;

    /** The token; a usage error naming both sources when neither has one. */
    String read(CommandSpec spec) {
        if (file != null) {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read --admin-token-file " + file + ": "
                        + e.getMessage());
            }
        }
        String token = System.getenv(ENVIRONMENT);
        if (token == null || token.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the admin token is needed: put it in a file given with"
                    + " --admin-token-file, or in the environment variable " + ENVIRONMENT);
        }
        return token.strip();
    }
}
