package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;

/**
 * One step of an operation's path into an order's JSON. In JSON a {@link Key} is a string and
 * an {@link Element} is a one-entry object {@code {"<idKey>": <id>}} that selects the element
 * of the array reached so far whose {@code idKey} equals {@code id}.
 */
@JsonSerialize(using = PathStepJson.Writer.class)
@JsonDeserialize(using = PathStepJson.Reader.class)
public sealed interface PathStep {

    /** Steps into the member {@code name} of the current JSON object. */
    record Key(String name) implements PathStep {
        public Key {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Steps into the element of the current JSON array whose {@code idKey} member equals {@code id}. */
    record Element(String idKey, JsonNode id) implements PathStep {
        public Element {
            Objects.requireNonNull(idKey, "idKey");
            Objects.requireNonNull(id, "id");
            if (!id.isValueNode() || id.isNull()) {
                throw new IllegalArgumentException("an element id must be a JSON string or number, not " + id);
            }
        }

        /** Whether {@code element} (a JSON object of the array) is the one this step selects. */
        public boolean selects(JsonNode element) {
            JsonNode value = element.get(idKey);
            return value != null && IdValues.same(value, id);
        }

        @Override
        public String toString() {
            return "{" + idKey + "=" + id + "}";
        }
    }

    static Key key(String name) {
        return new Key(name);
    }

    static Element element(String idKey, JsonNode id) {
        return new Element(idKey, id);
    }
}
