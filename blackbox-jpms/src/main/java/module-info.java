/**
 * A point-of-sale module as an application writes it: its models' codecs need nothing beyond what
 * the models use. The runtime's jar is an automatic module, which declares no dependencies of its
 * own, so the application resolves the logging API and Jackson's java.time support for it.
 */
module dev.multisession.blackbox.jpms {
    requires dev.multisession.annotations;
    requires dev.multisession.runtime;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;

    exports dev.multisession.blackbox.jpms.pos;
    // dev.multisession.blackbox.jpms.kitchen is left unexported: the runtime must say what to add
}
