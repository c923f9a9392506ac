package dev.multisession.runtime.codec.abi;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;

/**
 * The set handed to a nested model's apply when only whether something changed matters, not
 * which keys: it remembers that a key was added and keeps nothing, so applying twenty lines
 * of an order builds no set per line.
 */
final class ChangeFlag extends AbstractSet<String> {

    private boolean changed;

    @Override
    public boolean add(String key) {
        changed = true;
        return true;
    }

    boolean changed() {
        return changed;
    }

    void reset() {
        changed = false;
    }

    @Override
    public Iterator<String> iterator() {
        return Collections.emptyIterator();
    }

    @Override
    public int size() {
        return 0;
    }
}
