package dev.multisession.runtime.transport.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of text frames that are not valid protocol messages for the terminal
 * "bar" of session "bistro": random text, truncated JSON, members of the wrong JSON type,
 * missing members, unknown types, nesting deeper than the codec allows, JSON that is not an
 * object, and hellos naming another terminal. Every frame must be answered with one error.
 */
final class MalformedFrames {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] KINDS = {
        "random text", "truncated", "wrong type", "missing member", "unknown type", "deep nesting", "not an object",
        "forged hello"
    };

    private final Random random;
    private final MessageCodec codec = MessageCodec.instance();

    MalformedFrames(long seed) {
        this.random = new Random(seed);
    }

    /** A frame and what kind of damage it carries (for failure messages). */
    record Frame(String kind, String text) {}

    Frame next() {
        String kind = KINDS[random.nextInt(KINDS.length)];
        return new Frame(kind, switch (kind) {
            case "random text" -> randomText();
            case "truncated" -> truncated();
            case "wrong type" -> wrongType();
            case "missing member" -> missingMember();
            case "unknown type" -> unknownType();
            case "deep nesting" -> deepNesting();
            case "not an object" -> notAnObject();
            default -> forgedHello();
        });
    }

    private String randomText() {
        int length = random.nextInt(300);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (pick < 8) {
                text.append("{}[]\":,".charAt(random.nextInt(7)));
            } else {
                text.appendCodePoint(random.nextInt(0xD7FF) + 1);
            }
        }
        // A lone "{" followed by valid members cannot happen by chance, but guard the two that can parse.
        String value = text.toString();
        return value.trim().startsWith("{") ? "x" + value : value;
    }

    private String truncated() {
        String valid = codec.encode(validMessage());
        return valid.substring(0, random.nextInt(valid.length() - 1) + 1);
    }

    private String wrongType() {
        ObjectNode message = (ObjectNode) codec.mapper().valueToTree(validMessage());
        List<String> members = new ArrayList<>();
        message.fieldNames().forEachRemaining(name -> {
            if (!name.equals("type")) {
                members.add(name);
            }
        });
        String member = members.get(random.nextInt(members.size()));
        message.set(member, otherTypeThan(message.get(member)));
        return message.toString();
    }

    private String missingMember() {
        ObjectNode message = (ObjectNode) codec.mapper().valueToTree(validMessage());
        List<String> members = new ArrayList<>();
        message.fieldNames().forEachRemaining(members::add);
        members.remove("lastTag"); // optional: a hello without it names nothing to verify
        message.remove(members.get(random.nextInt(members.size())));
        return message.toString();
    }

    private String unknownType() {
        ObjectNode message = (ObjectNode) codec.mapper().valueToTree(validMessage());
        message.put("type", "x-" + Long.toHexString(random.nextLong()));
        return message.toString();
    }

    private String deepNesting() {
        int depth = 65 + random.nextInt(2000);
        boolean arrays = random.nextBoolean();
        StringBuilder text = new StringBuilder("{\"type\":\"ping\",\"nonce\":1,\"x\":");
        for (int i = 0; i < depth; i++) {
            text.append(arrays ? "[" : "{\"a\":");
        }
        text.append('1');
        for (int i = 0; i < depth; i++) {
            text.append(arrays ? ']' : '}');
        }
        return text.append('}').toString();
    }

    private String notAnObject() {
        String[] values = {"null", "true", "42", "\"ping\"", "[]", "[{\"type\":\"ping\",\"nonce\":1}]", "", "   "};
        return values[random.nextInt(values.length)];
    }

    private String forgedHello() {
        boolean otherSession = random.nextBoolean();
        return codec.encode(new ClientMessage.Hello(otherSession ? "cafe" : "bistro", otherSession ? "bar" : "kitchen",
                "mallory", random.nextInt(3), random.nextInt(100), 1));
    }

    private JsonNode otherTypeThan(JsonNode value) {
        List<JsonNode> choices = new ArrayList<>();
        if (!value.isTextual()) {
            choices.add(JSON.textNode(Integer.toString(random.nextInt(1000))));
        }
        if (!value.isNumber()) {
            choices.add(JSON.numberNode(random.nextInt(1000)));
        }
        if (!value.isBoolean()) {
            choices.add(JSON.booleanNode(random.nextBoolean()));
        }
        if (!value.isObject()) {
            choices.add(JSON.objectNode().put("k", 1));
        }
        if (!value.isArray()) {
            choices.add(JSON.arrayNode().add(1));
        }
        if (value.isIntegralNumber()) {
            choices.add(JSON.numberNode(1.5));
        }
        return choices.get(random.nextInt(choices.size()));
    }

    private ClientMessage validMessage() {
        long id = 1 + random.nextInt(1000);
        switch (random.nextInt(5)) {
            case 0:
                return new ClientMessage.Hello("bistro", "bar", "alice", 1, id, 1);
            case 1:
                return new ClientMessage.Mutate(id, 1, "order-" + id, 0, "alice", List.of(
                        new Op.Set(List.of(new PathStep.Key("table_id")), JSON.textNode("T" + id)),
                        new Op.Add(List.of(new PathStep.Key("guests")), JSON.numberNode(1))));
            case 2:
                return new ClientMessage.Remove(id, 1, "order-" + id, 3, "alice", random.nextBoolean());
            case 3:
                return new ClientMessage.Sync(id);
            default:
                return new ClientMessage.Ping(id);
        }
    }
}
