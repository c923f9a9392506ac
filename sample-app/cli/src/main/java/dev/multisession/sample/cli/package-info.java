/**
 * The sample restaurant POS's command line ({@code java -jar multisession-sample.jar}): its
 * subcommands are a hub server, an interactive terminal, token administration and the demo.
 */
package dev.multisession.sample.cli;
