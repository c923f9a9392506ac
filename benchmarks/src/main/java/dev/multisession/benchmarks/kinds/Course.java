package dev.multisession.benchmarks.kinds;

/** When a line goes to the kitchen. */
public enum Course {
    STARTER, MAIN, DESSERT
}
