/** A small point-of-sale model compiled with the multisession processor, synced by the tests of this module. */
package dev.multisession.synctests.model;
