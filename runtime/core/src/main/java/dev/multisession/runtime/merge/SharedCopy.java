package dev.multisession.runtime.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.protocol.PathStep;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A copy of an order's JSON to change, that shares with the original whatever the change does
 * not touch. Before each operation is merged, {@link #own} replaces every container on the
 * operation's path (down to and including the value at its end, which {@link MergeEngine} may
 * change in place: an element it updates, a set it adds to) by a copy one level deep. So the
 * original never changes, as with a deep copy, but a change costs its paths, not the whole
 * order: the hub makes one such copy for every mutation it decides.
 *
 * <p>The original must not be changed afterwards either (the hub never changes an order it has
 * stored). Not thread-safe.
 */
public final class SharedCopy {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode root;
    /** The containers this copy made, which it may change freely. */
    private final Set<JsonNode> own = Collections.newSetFromMap(new IdentityHashMap<>());

    private SharedCopy(ObjectNode root) {
        this.root = root;
        own.add(root);
    }

    /** A copy of {@code original} that shares all of it until {@link #own} is called. */
    public static SharedCopy of(ObjectNode original) {
        return new SharedCopy(shallow(original));
    }

    /** The copy, to check and merge operations into (after {@link #own} for each). */
    public ObjectNode root() {
        return root;
    }

    /**
     * Makes the containers on {@code path} this copy's own: each object or array the path steps
     * into, and the one at its end, is copied one level deep and put in place of the shared one,
     * unless this copy made it. Stops where the path leads to nothing (the merge then creates what
     * it needs in a container this copy owns) or to a value that is not a container.
     */
    public void own(List<PathStep> path) {
        JsonNode current = root;
        for (PathStep step : path) {
            if (step instanceof PathStep.Key key) {
                if (!(current instanceof ObjectNode object)) {
                    return;
                }
                JsonNode child = object.get(key.name());
                if (!isContainer(child)) {
                    return;
                }
                if (!own.contains(child)) {
                    child = copy(child);
                    object.set(key.name(), child);
                }
                current = child;
            } else {
                PathStep.Element element = (PathStep.Element) step;
                if (!(current instanceof ArrayNode array)) {
                    return;
                }
                int index = MergeEngine.indexOf(array, element); // the element the merge will change
                if (index < 0) {
                    return;
                }
                JsonNode child = array.get(index);
                if (!own.contains(child)) {
                    child = copy(child);
                    array.set(index, child);
                }
                current = child;
            }
        }
    }

    private JsonNode copy(JsonNode container) {
        JsonNode copy = container instanceof ObjectNode object ? shallow(object) : shallow((ArrayNode) container);
        own.add(copy);
        return copy;
    }

    private static boolean isContainer(JsonNode node) {
        return node instanceof ObjectNode || node instanceof ArrayNode;
    }

    private static ObjectNode shallow(ObjectNode original) {
        ObjectNode copy = JSON.objectNode();
        copy.setAll(original);
        return copy;
    }

    private static ArrayNode shallow(ArrayNode original) {
        ArrayNode copy = JSON.arrayNode(original.size());
        copy.addAll(original);
        return copy;
    }
}
