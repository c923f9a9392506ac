package dev.multisession.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A rate, count or duration below its least value is refused at once, before any hub starts, instead of spinning. */
class LoadGeneratorArgumentsTest {

    @TempDir
    Path out;

    private record Run(int exit, String err) {}

    private Run run(Object generator, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(generator);
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out");
        all.add(out.toString());
        return new Run(cli.execute(all.toArray(String[]::new)), err.toString());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aRateOfZeroIsRefusedWithItsOption() {
        Run light = run(new LightLoadGenerator(), "--rates", "1000,0");
        assertEquals(2, light.exit(), light.err());
        assertTrue(light.err().contains("--rates must be at least 1, not 0"), light.err());

        Run full = run(new LoadGenerator(), "--rate", "0");
        assertEquals(2, full.exit(), full.err());
        assertTrue(full.err().contains("--rate must be at least 1, not 0"), full.err());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void otherCountsAndDurationsBelowOneAreRefused() {
        assertTrue(run(new LightLoadGenerator(), "--ping", "0").err().contains("--ping must be at least 1, not 0"));
        assertTrue(run(new LightLoadGenerator(), "--terminals", "-3").err().contains("--terminals must be at least 1"));
        assertTrue(run(new LoadGenerator(), "--terminals", "5,0").err().contains("--terminals must be at least 1"));
        assertTrue(run(new LoadGenerator(), "--seconds", "0").err().contains("--seconds must be at least 1"));
        assertTrue(run(new LoadGenerator(), "--per-session", "0").err().contains("--per-session must be at least 1"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void pacingHandsOutOneItemPerPeriodAndRefusesNoRate() {
        List<String> handed = new ArrayList<>();
        long start = System.nanoTime() - TimeUnit.SECONDS.toNanos(1); // all due already: no waiting
        LoadSteps.pace(List.of("a", "b", "c"), 1000, start, start + TimeUnit.MILLISECONDS.toNanos(10),
                (terminal, due) -> handed.add(terminal));
        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a", "b", "c", "a"), handed);
        assertThrows(IllegalArgumentException.class,
                () -> LoadSteps.pace(List.of("a"), 0, start, start + 1, (terminal, due) -> { }));
    }
}
