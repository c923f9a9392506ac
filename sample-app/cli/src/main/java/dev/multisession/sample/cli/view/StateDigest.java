package dev.multisession.sample.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.json.JsonMappers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A short fingerprint of a terminal's orders: the SHA-256 of their canonical JSON (orders sorted
 * by uid, object keys sorted, numbers written without trailing zeros), so that two terminals
 * holding equal orders get the same digest whatever order their edits arrived in.
 */
public final class StateDigest {

    private static final ObjectMapper MAPPER = JsonMappers.protocol();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private StateDigest() {}

    /** The canonical JSON text of the given exported orders. */
    public static String canonicalJson(List<? extends JsonNode> orders) {
        List<JsonNode> sorted = new ArrayList<>(orders);
        sorted.sort(Comparator.comparing(order -> order.path("uid").asText()));
        ArrayNode array = NODES.arrayNode();
        sorted.forEach(order -> array.add(canonical(order)));
        try {
            return MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON that was just built", e);
        }
    }

    /** The first 12 hex digits of the SHA-256 of {@link #canonicalJson}. */
    public static String of(List<? extends JsonNode> orders) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(orders).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = NODES.objectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            fields.forEach(field -> sorted.set(field.getKey(), canonical(field.getValue())));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (node.isNumber()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
