package dev.multisession.runtime.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.codec.abi.ValueReads;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A minimal order for terminal tests in this module (no annotation processor here): an id, a note and a counter. */
final class Tab {

    String uid;
    String note;
    long qty;

    /** Hand-written the way the processor would write it. */
    static final MultiSessionCodec<Tab> CODEC = new MultiSessionCodec<>() {
        private final List<SyncedField> fields = List.of(SyncedField.id("uid"), SyncedField.value("note",
                Merge.LAST_WRITER_WINS), SyncedField.value("qty", Merge.COUNTER));

        @Override
        public Class<Tab> modelType() {
            return Tab.class;
        }

        @Override
        public Tab newInstance() {
            return new Tab();
        }

        @Override
        public ObjectNode exportAsJson(Tab tab) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("uid", tab.uid);
            json.put("note", tab.note);
            json.put("qty", tab.qty);
            return json;
        }

        @Override
        public void initFromJson(Tab tab, JsonNode json) {
            if (json.has("uid")) {
                tab.uid = json.get("uid").asText();
            }
            applyMsData(tab, json);
        }

        @Override
        public Set<String> applyMsData(Tab tab, JsonNode data) {
            Set<String> changed = new LinkedHashSet<>();
            JsonNode note = data.get("note");
            if (note != null) {
                String value = note.isNull() ? null : note.asText();
                if (!Objects.equals(value, tab.note)) {
                    tab.note = value;
                    changed.add("note");
                }
            }
            JsonNode qty = data.get("qty");
            // strict, as generated code reads a long: a text here is an error, not 0
            if (qty != null && ValueReads.readLong(qty, "qty") != tab.qty) {
                tab.qty = qty.asLong();
                changed.add("qty");
            }
            return changed;
        }

        @Override
        public List<SyncedField> fields() {
            return fields;
        }

        @Override
        public Optional<String> idKey() {
            return Optional.of("uid");
        }
    };
}
