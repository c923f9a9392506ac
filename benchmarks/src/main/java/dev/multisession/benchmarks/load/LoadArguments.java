package dev.multisession.benchmarks.load;

import picocli.CommandLine;

/**
 * The generators' numeric options, checked before anything starts: a rate, count or duration
 * below its least value would otherwise make a pacer spin on the same due time forever or a
 * step divide by zero.
 */
final class LoadArguments {

    private final CommandLine commandLine;

    /** @param commandLine the generator's, whose error stream and usage a refusal goes to */
    LoadArguments(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    /** Refuses {@code value} of {@code option} below {@code least}, saying what is wrong. */
    LoadArguments atLeast(String option, long value, long least) {
        if (value < least) {
            throw new CommandLine.ParameterException(commandLine, option + " must be at least " + least + ", not "
                    + value);
        }
        return this;
    }

    /** Refuses any of {@code values} of {@code option} below {@code least}. */
    LoadArguments eachAtLeast(String option, Iterable<Integer> values, long least) {
        for (int value : values) {
            atLeast(option, value, least);
        }
        return this;
    }
}
