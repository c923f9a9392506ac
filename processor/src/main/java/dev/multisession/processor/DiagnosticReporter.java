package dev.multisession.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/** Reports {@link Message}s on the element at fault and remembers whether any was reported. */
final class DiagnosticReporter {

    private final Messager messager;
    private boolean reported;

    DiagnosticReporter(Messager messager) {
        this.messager = messager;
    }

    void report(Message message, Element element, Object... args) {
        messager.printMessage(message.kind(), message.format(args), element);
        reported = true;
    }

    /** Whether anything was reported since the last call, which starts a new count. */
    boolean reportedSinceLastCheck() {
        boolean result = reported;
        reported = false;
        return result;
    }
}
