/** What checking operations against a session's model costs, beside what the hub spends on them anyway. */
package dev.multisession.benchmarks.schema;
