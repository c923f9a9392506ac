package dev.multisession.blackbox;

/** When a dish goes to the table. */
public enum Course { STARTER, MAIN, DESSERT }
