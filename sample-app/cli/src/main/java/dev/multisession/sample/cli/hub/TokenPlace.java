package dev.multisession.sample.cli.hub;

import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.store.jdbc.StoredTokens;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the {@code hub token} commands find the tokens: a hub config file (one node, the file
 * store), or the hub's own database, SQLite or PostgreSQL (shared by every node). A running hub
 * on SQLite holds its file: change its tokens while it is stopped.
 */
final class TokenPlace {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--user", description = "PostgreSQL role (with --postgres).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File holding the PostgreSQL password (with --postgres); else MULTISESSION_PG_PASSWORD.")
    Path passwordFile;

    /** One of the three. */
    static final class Where {
        @Option(names = "--config", paramLabel = "FILE", description = "A hub config file (created if missing).")
        Path config;

        @Option(names = "--sqlite", paramLabel = "FILE", description = "The SQLite database of a stopped hub.")
        Path sqlite;

        @Option(names = "--postgres", paramLabel = "URL",
                description = "The hubs' PostgreSQL, such as jdbc:postgresql://localhost:5432/pos.")
        String postgres;
    }

    /** A terminal's token as listed. */
    record Row(String session, String terminal, String fingerprint, String created, String revoked) {}

    /** The tokens, opened; close after use. */
    interface Tokens extends AutoCloseable {
        String issue(String session, String terminal);

        /** A token for each terminal, in one write, in the order asked; a refused pair issues none. */
        List<String> issueAll(List<TerminalIdentity> terminals);

        boolean revoke(String session, String terminal);

        List<Row> list();

        @Override
        void close();
    }

    Tokens open(CommandSpec spec) {
        if (where.config != null) {
            TerminalTokens file = TerminalTokens.open(where.config);
            return new Tokens() {
                public String issue(String session, String terminal) {
                    return file.issue(session, terminal);
                }

                public List<String> issueAll(List<TerminalIdentity> terminals) {
                    return file.issueAll(terminals);
                }

                public boolean revoke(String session, String terminal) {
                    return file.revoke(session, terminal);
                }

                public List<Row> list() {
                    return file.entries().stream().map(e -> new Row(e.session(), e.terminal(),
                            e.sha256().substring(0, 12), e.created().toString(), "")).toList();
                }

                public void close() {}
            };
        }
        HubStore store;
        StoredTokens stored;
        if (where.sqlite != null) {
            SqliteHubStore sqlite = SqliteHubStore.open(where.sqlite);
            store = sqlite;
            stored = sqlite.tokens();
        } else {
            PostgresHubStore postgres = PostgresHubStore.builder(where.postgres).credentials(user, password(spec))
                    .poolSize(1).open();
            store = postgres;
            stored = postgres.tokens();
        }
        return new Tokens() {
            public String issue(String session, String terminal) {
                return stored.issue(session, terminal);
            }

            public List<String> issueAll(List<TerminalIdentity> terminals) {
                return stored.issueAll(terminals);
            }

            public boolean revoke(String session, String terminal) {
                return stored.revoke(session, terminal);
            }

            public List<Row> list() {
                return stored.list().stream().map(t -> new Row(t.session(), t.terminal(), t.fingerprint(),
                        t.created().toString(), t.revoked() == null ? "" : t.revoked().toString())).toList();
            }

            public void close() {
                stored.close();
                store.close();
            }
        };
    }

    private String password(CommandSpec spec) {
        if (passwordFile != null) {
            try {
                return Files.readString(passwordFile).strip();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read --password-file " + passwordFile + ": "
                        + e.getMessage());
            }
        }
        return System.getenv("MULTISESSION_PG_PASSWORD");
    }
}
