package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The members of a JSON object that export builds, in insertion order: the map under the
 * {@code ObjectNode}s of {@link Capacities#objectNode}. Jackson's own {@code ObjectNode} holds a
 * {@code LinkedHashMap}, whose every put allocates an entry and links it; here the keys, their
 * hashes and the values are three arrays, searched one by one up to {@value #LINEAR} members and
 * through an index of positions (open addressing on the hashes) above that. An export object of
 * twenty keys is four arrays instead of a table and twenty entries.
 *
 * <p>It is a complete {@code Map} with {@code LinkedHashMap}'s order: a put of a new key appends
 * it, a put of a present key replaces its value in place, a removal keeps the order of the others,
 * and {@code equals}/{@code hashCode} follow the {@code Map} contract, so a tree export made equals
 * one Jackson made with the same members, and callers may change it through {@code ObjectNode}
 * ({@code set}, {@code remove}, {@code retain}, iterators) as any other. Entries are made by the
 * iterator. Not thread-safe, as {@code LinkedHashMap}; reads change nothing.
 */
final class MemberMap extends AbstractMap<String, JsonNode> {

    /** Up to this many members a key is searched by comparing it with each; above it, through {@link #index}. */
    static final int LINEAR = 8;

    private static final String[] NO_KEYS = {};
    private static final JsonNode[] NO_VALUES = {};
    private static final int[] NO_HASHES = {};

    private String[] keys;
    private JsonNode[] values;
    private int[] hashes;
    private int size;
    /** Position + 1 of the member whose key hashes to each slot (0: free), or null up to {@link #LINEAR} members. */
    private int[] index;
    private int modCount;

    /** A map with room for {@code capacity} members before its arrays grow. */
    MemberMap(int capacity) {
        keys = capacity == 0 ? NO_KEYS : new String[capacity];
        values = capacity == 0 ? NO_VALUES : new JsonNode[capacity];
        hashes = capacity == 0 ? NO_HASHES : new int[capacity];
        if (capacity > LINEAR) {
            index = new int[tableSize(capacity)];
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        int at = find(key);
        return at < 0 ? null : values[at];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        int at = find(key);
        if (at >= 0) {
            JsonNode old = values[at];
            values[at] = value;
            return old;
        }
        append(key, value);
        return null;
    }

    /**
     * Adds a member whose key the map does not have, without looking for it: for a caller that
     * writes distinct keys. A key already present would be there twice.
     */
    void append(String key, JsonNode value) {
        if (size == keys.length) {
            grow();
        }
        keys[size] = key;
        hashes[size] = key == null ? 0 : key.hashCode();
        values[size] = value;
        size++;
        modCount++;
        if (index != null) {
            indexPosition(size - 1);
        } else if (size > LINEAR) {
            reindex();
        }
    }

    @Override
    public JsonNode remove(Object key) {
        int at = find(key);
        if (at < 0) {
            return null;
        }
        JsonNode old = values[at];
        removeAt(at);
        return old;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        modCount++;
        if (index != null) {
            Arrays.fill(index, 0);
        }
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new Entries();
    }

    /**
     * The position of {@code key}, or -1. A key is compared with {@code equals} only where the
     * hashes kept beside the keys are equal, and by identity before that (export's keys and the
     * codec's look-ups are the same constants): a search reads one array of ints, not each key.
     */
    private int find(Object key) {
        if (key == null) {
            return findNull();
        }
        return index == null ? findLinear(key) : findHashed(key);
    }

    private int findLinear(Object key) {
        String[] k = keys;
        int[] hs = hashes;
        int h = key.hashCode();
        for (int i = 0; i < size; i++) {
            if (hs[i] == h) {
                String candidate = k[i];
                if (candidate == key || key.equals(candidate)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private int findHashed(Object key) {
        int[] table = index;
        int h = key.hashCode();
        int mask = table.length - 1;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            int position = table[slot] - 1;
            if (position < 0) {
                return -1;
            }
            if (hashes[position] == h) {
                String candidate = keys[position];
                if (candidate == key || key.equals(candidate)) {
                    return position;
                }
            }
        }
    }

    private int findNull() {
        for (int i = 0; i < size; i++) {
            if (keys[i] == null) {
                return i;
            }
        }
        return -1;
    }

    private void removeAt(int at) {
        int moved = size - at - 1;
        System.arraycopy(keys, at + 1, keys, at, moved);
        System.arraycopy(values, at + 1, values, at, moved);
        System.arraycopy(hashes, at + 1, hashes, at, moved);
        size--;
        keys[size] = null;
        values[size] = null;
        modCount++;
        // positions after the removed one moved: rebuilt, removals are rare on export trees
        if (index != null) {
            reindex();
        }
    }

    private void grow() {
        int capacity = Math.max(4, keys.length * 2);
        keys = Arrays.copyOf(keys, capacity);
        values = Arrays.copyOf(values, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        if (index != null) {
            index = new int[tableSize(capacity)];
            for (int i = 0; i < size; i++) {
                indexPosition(i);
            }
        }
    }

    /** Makes the index for the members present, sized for the arrays' capacity. */
    private void reindex() {
        int length = tableSize(keys.length);
        if (index == null || index.length != length) {
            index = new int[length];
        } else {
            Arrays.fill(index, 0);
        }
        for (int i = 0; i < size; i++) {
            indexPosition(i);
        }
    }

    private void indexPosition(int position) {
        int[] table = index;
        int mask = table.length - 1;
        int slot = spread(hashes[position]) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = position + 1;
    }

    /** A power of two at least twice {@code capacity}: the index is at most half full. */
    private static int tableSize(int capacity) {
        return Integer.highestOneBit(Math.max(capacity, LINEAR + 1) * 2 - 1) << 1;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** The members in order; its iterator removes, its entries set values. */
    private final class Entries extends AbstractSet<Map.Entry<String, JsonNode>> {

        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            MemberMap.this.clear();
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry<?, ?> e)) {
                return false;
            }
            int at = find(e.getKey());
            return at >= 0 && Objects.equals(values[at], e.getValue());
        }

        @Override
        public boolean remove(Object o) {
            if (!contains(o)) {
                return false;
            }
            removeAt(find(((Map.Entry<?, ?>) o).getKey()));
            return true;
        }

        @Override
        public Iterator<Map.Entry<String, JsonNode>> iterator() {
            return new EntryIterator();
        }
    }

    private final class EntryIterator implements Iterator<Map.Entry<String, JsonNode>> {

        private int next;
        private int last = -1;
        private int expectedModCount = modCount;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Map.Entry<String, JsonNode> next() {
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return new Member(keys[last], values[last], last);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expectedModCount = modCount;
        }
    }

    /**
     * One member as the iterator met it. Its value is the one it had then, or the one given to
     * {@link #setValue}, which sets the map's too; what a change of the map made otherwise after
     * is not seen, as the {@code Map.Entry} contract allows. The position is checked against the
     * key before a set, since removals move members.
     */
    private final class Member implements Map.Entry<String, JsonNode> {

        private final String key;
        private JsonNode value;
        private int position;

        Member(String key, JsonNode value, int position) {
            this.key = key;
            this.value = value;
            this.position = position;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public JsonNode getValue() {
            return value;
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            int at = position < size && keys[position] == key ? position : find(key);
            if (at < 0) {
                // removed from the map since: LinkedHashMap's entry would keep the value to itself
                throw new IllegalStateException("the member " + key + " was removed");
            }
            position = at;
            JsonNode old = values[at];
            values[at] = value;
            this.value = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && Objects.equals(key, e.getKey())
                    && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key) ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return key + "=" + getValue();
        }
    }
}
