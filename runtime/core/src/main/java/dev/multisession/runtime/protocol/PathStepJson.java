package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;

/** JSON form of a {@link PathStep}: a string for a key, {@code {"<idKey>": <id>}} for an element. */
final class PathStepJson {

    private PathStepJson() {}

    static final class Writer extends StdSerializer<PathStep> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(PathStep.class);
        }

        @Override
        public void serialize(PathStep step, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (step instanceof PathStep.Key key) {
                out.writeString(key.name());
            } else {
                PathStep.Element element = (PathStep.Element) step;
                out.writeStartObject();
                out.writeFieldName(element.idKey());
                out.writeTree(element.id());
                out.writeEndObject();
            }
        }
    }

    static final class Reader extends StdDeserializer<PathStep> implements ResolvableDeserializer {
        private static final long serialVersionUID = 1L;

        /**
         * Reads an element step's object as a tree; looked up once, since {@code context.readTree}
         * looks it up (and introspects {@link JsonNode} for type information) on every call.
         */
        private transient JsonDeserializer<Object> trees;

        Reader() {
            super(PathStep.class);
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            trees = context.findRootValueDeserializer(context.constructType(JsonNode.class));
        }

        @Override
        public PathStep deserialize(JsonParser in, DeserializationContext context) throws IOException {
            JsonToken token = in.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return PathStep.key(in.getText()); // most steps are keys: no tree for them
            }
            JsonNode node = token == JsonToken.START_OBJECT && trees != null
                    ? (JsonNode) trees.deserialize(in, context) : context.readTree(in);
            if (node.isTextual()) {
                return PathStep.key(node.textValue());
            }
            if (node.isObject() && node.size() == 1) {
                Map.Entry<String, JsonNode> entry = node.properties().iterator().next();
                JsonNode id = entry.getValue();
                if (id.isTextual() || id.isNumber()) {
                    return PathStep.element(entry.getKey(), id);
                }
            }
            throw MismatchedInputException.from(in, PathStep.class,
                    "a path step is a key (string) or {\"<idKey>\": <string or number id>}, not " + node);
        }
    }
}
