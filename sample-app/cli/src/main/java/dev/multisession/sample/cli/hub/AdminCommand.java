package dev.multisession.sample.cli.hub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hub admin}: the admin page's actions from the command line, sent to a running hub's
 * operator port — close a session's day, disconnect a terminal, revoke its token (the way to
 * revoke on a running SQLite hub, whose file the hub holds).
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = {
            "Asks a running hub (its operator port, started with --admin) to do what its admin page does:",
            "  close-day   --session S                 close the day: every open order goes, a new run begins",
            "  disconnect  --session S --terminal T    close the terminal's connections on that node",
            "  revoke      --session S --terminal T    revoke the terminal's token; its connections close"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (the hub's answer, JSON, on standard output)",
            "4:no such session in the hub's store (close-day); nothing done",
            "5:the hub's store failed; nothing done, try again",
            "6:refused otherwise (wrong admin token, bad request)"
        })
public final class AdminCommand implements Callable<Integer> {

    /** Exit code when the session is not in the hub's store (HTTP 404): a mistyped name, nothing done. */
    static final int NOT_FOUND = 4;

    /** Exit code when the hub's store failed (HTTP 5xx): nothing done, try again once it answers. */
    static final int STORE_ERROR = 5;

    /** Exit code when the hub refused the request otherwise (HTTP 401: wrong admin token; 400). */
    static final int REFUSED = 6;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "close-day, disconnect or revoke.")
    private String action;

    @Option(names = "--operator-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:9090",
            description = "The hub's operator server (default: ${DEFAULT-VALUE}).")
    private URI operatorUrl;

    @Option(names = "--session", required = true, description = "The multi-session.")
    private String session;

    @Option(names = "--terminal", description = "The terminal (disconnect, revoke).")
    private String terminal;

    @Mixin
    private AdminTokenSource adminToken;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!action.equals("close-day") && !action.equals("disconnect") && !action.equals("revoke")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown action '" + action + "': close-day, disconnect or revoke");
        }
        if (!action.equals("close-day") && terminal == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), action + " needs --terminal");
        }
        String query = "session=" + URLEncoder.encode(session, StandardCharsets.UTF_8)
                + (terminal == null ? "" : "&terminal=" + URLEncoder.encode(terminal, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(operatorUrl.resolve("/admin/api/" + action + "?" + query))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken.read(spec))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            spec.commandLine().getErr().printf("the hub refused %s (HTTP %d): %s%n", action, response.statusCode(),
                    response.body().strip());
            return exitCode(response.statusCode());
        }
        spec.commandLine().getOut().println(response.body());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A script tells a mistyped session from a failing store from a wrong token by the exit code. */
    static int exitCode(int httpStatus) {
        if (httpStatus == 404) {
            return NOT_FOUND;
        }
        return httpStatus >= 500 ? STORE_ERROR : REFUSED;
    }
}
