package dev.multisession.runtime.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.codec.FieldShape;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.protocol.IdValues;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, before an edit is sent, that every element of a synced collection of models with an
 * id has one, and that no two elements of one collection share it. Elements are matched by id
 * everywhere: two new lines without one, added on two terminals, would otherwise be sent as the
 * whole list and one of them lost.
 */
final class ElementIds {

    private ElementIds() {}

    /** What is wrong with the ids in {@code exported}, an export of a model of {@code codec}, or null. */
    static String problem(MultiSessionCodec<?> codec, JsonNode exported) {
        return problem(codec, exported, "");
    }

    private static String problem(MultiSessionCodec<?> declared, JsonNode json, String at) {
        MultiSessionCodec<?> codec = declared.codecFor(json);
        for (SyncedField field : codec.fields()) {
            JsonNode value = json.get(field.jsonKey());
            if (value == null || value.isNull()) {
                continue;
            }
            String where = at + field.jsonKey();
            String problem = null;
            if (field.shape() == FieldShape.MODEL && value.isObject()) {
                problem = problem(field.elementCodec(), value, where + ".");
            } else if (field.shape() == FieldShape.MODEL_COLLECTION && value.isArray()) {
                problem = collectionProblem(field, value, where);
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String collectionProblem(SyncedField field, JsonNode elements, String where) {
        Optional<String> idKey = field.elementIdKey();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (idKey.isPresent()) {
                JsonNode id = element.get(idKey.get());
                if (id == null || id.isNull()) {
                    return "element " + i + " of '" + where + "' has no id (its @MultiSessionId '" + idKey.get()
                            + "' is null): give every element its id before adding it, for example"
                            + " UUID.randomUUID().toString(); elements are matched by id on every terminal";
                }
                if (!seen.add(IdValues.key(id))) {
                    return "elements of '" + where + "' share the id " + id + ": every element needs its own";
                }
            }
            String nested = problem(field.elementCodec(), element, where + "[" + i + "].");
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }
}
