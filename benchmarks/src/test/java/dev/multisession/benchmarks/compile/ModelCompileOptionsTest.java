package dev.multisession.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The compile commands refuse options they cannot work with before compiling, saying why (exit code 2, picocli's usage error). */
class ModelCompileOptionsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String err) {}

    private static Run run(Callable<Integer> command, String... args) {
        StringWriter err = new StringWriter();
        return new Run(new CommandLine(command).setErr(new PrintWriter(err)).execute(args), err.toString());
    }

    private String[] existing() throws Exception {
        Path jar = Files.createFile(dir.resolve("processor.jar"));
        Path classpath = Files.createDirectories(dir.resolve("classpath"));
        return new String[] {"--processor", jar.toString(), "--classpath", classpath.toString()};
    }

    private static void assertRefused(Run run, String message) {
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    @Test
    void classesThatAreNoPositiveMultipleOfThreeAreRefused() throws Exception {
        String[] paths = existing();
        for (String classes : new String[] {"0", "-3", "4"}) {
            assertRefused(run(new GeneratedLines(), "--classes", classes, paths[0], paths[1], paths[2], paths[3]),
                    "--classes must be a positive multiple of 3, not " + classes);
            assertRefused(run(new CompileOverhead(), "--classes", classes, paths[0], paths[1], paths[2], paths[3]),
                    "--classes must be a positive multiple of 3, not " + classes);
        }
    }

    @Test
    void aMissingProcessorJarOrClassPathFolderIsRefusedWithHowToBuildIt() throws Exception {
        String[] paths = existing();
        Path missing = dir.resolve("missing");
        assertRefused(run(new GeneratedLines(), "--processor", missing.toString(), paths[2], paths[3]),
                "no processor jar at " + missing + " (run mvn package in benchmarks/)");
        assertRefused(run(new CompileOverhead(), paths[0], paths[1], "--classpath", missing.toString()),
                "no class-path folder at " + missing + " (run mvn package in benchmarks/)");
    }

    @Test
    void compileOverheadNeedsOneMeasuredRound() throws Exception {
        String[] paths = existing();
        assertRefused(run(new CompileOverhead(), "--runs", "0", paths[0], paths[1], paths[2], paths[3]),
                "--runs must be at least 1, not 0");
    }
}
