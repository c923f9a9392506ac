package dev.multisession.benchmarks.load;

/** What the generators' shared steps ({@link LoadSteps}) ask of a terminal they drive. */
interface DrivenTerminal {

    /** The terminal's id, in messages. */
    String id();

    /** Whether everything it sent is answered and it knows {@code expectedOrders} orders. */
    boolean settled(int expectedOrders);

    /**
     * Its edits not answered yet.
     *
     * @throws IllegalStateException if the terminal does not answer (its thread is stuck)
     */
    int pending();
}
