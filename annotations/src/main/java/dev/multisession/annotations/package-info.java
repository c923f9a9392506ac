/**
 * Annotations that mark the fields of POS model classes to be synced between the terminals
 * of a multi-session. This artifact has no dependencies.
 */
package dev.multisession.annotations;
