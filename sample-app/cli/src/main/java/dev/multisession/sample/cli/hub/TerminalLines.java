package dev.multisession.sample.cli.hub;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminals an operator lists for {@code hub token create --from}: one {@code session,terminal}
 * per line, spaces around either id ignored; blank lines and lines starting with {@code #} are
 * skipped. Each terminal keeps its line number, so that a pair the token store refuses is named
 * by its line.
 */
final class TerminalLines {

    /** The listed terminals and, at the same index, the line each was on (from 1). */
    record Listed(List<TerminalIdentity> terminals, List<Integer> lineNumbers) {}

    private TerminalLines() {}

    /**
     * Reads every line before answering.
     *
     * @throws IllegalArgumentException naming the first malformed line, or when no terminal is listed
     */
    static Listed read(BufferedReader reader) throws IOException {
        List<TerminalIdentity> terminals = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] ids = text.split(",", -1);
            if (ids.length != 2 || ids[0].isBlank() || ids[1].isBlank()) {
                throw new IllegalArgumentException("line " + number + " is not session,terminal: \"" + line + "\"");
            }
            terminals.add(new TerminalIdentity(ids[0].strip(), ids[1].strip()));
            lineNumbers.add(number);
        }
        if (terminals.isEmpty()) {
            throw new IllegalArgumentException("no terminal listed (one session,terminal per line)");
        }
        return new Listed(terminals, lineNumbers);
    }
}
