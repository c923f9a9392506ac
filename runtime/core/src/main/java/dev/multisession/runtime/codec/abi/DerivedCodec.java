package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.codec.SyncedField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The codec of a model class that declares no synced field of its own and only inherits them:
 * it creates instances of that class and delegates every field to the nearest ancestor's
 * generated static code. Generated codecs build it in their {@code forSubclass} factory, which
 * {@link MultiSessionCodecs#forClass(Class)} calls once per class.
 *
 * @param <T> the model class
 */
public final class DerivedCodec<T> implements MultiSessionCodec<T> {

    /** Applies a partial update to the fields of a model, collecting the keys that changed. */
    @FunctionalInterface
    public interface FieldsApplier<T> {
        /** Applies {@code data} to {@code model} and adds the changed keys to {@code changed}. */
        void apply(T model, JsonNode data, Set<String> changed);
    }

    private final Class<T> type;
    private final Supplier<? extends T> constructor;
    private final BiConsumer<? super T, ObjectNode> exporter;
    private final BiConsumer<? super T, JsonNode> initialiser;
    private final FieldsApplier<? super T> applier;
    private final Function<? super T, JsonNode> idExporter;
    private final List<SyncedField> fields;
    private final Optional<String> idKey;

    /**
     * @param type the model class
     * @param constructor makes a fresh instance of {@code type}
     * @param exporter writes every synced field into an object
     * @param initialiser sets every synced field present in the JSON
     * @param applier applies a partial update
     * @param idExporter the id as JSON, or {@code null} when the model has no id
     * @param fields the field metadata, superclasses' first
     * @param idKey the id's JSON key, or {@code null} when the model has no id
     */
    public DerivedCodec(Class<T> type, Supplier<? extends T> constructor, BiConsumer<? super T, ObjectNode> exporter,
            BiConsumer<? super T, JsonNode> initialiser, FieldsApplier<? super T> applier,
            Function<? super T, JsonNode> idExporter, List<SyncedField> fields, String idKey) {
        this.type = Objects.requireNonNull(type, "type");
        this.constructor = Objects.requireNonNull(constructor, "constructor");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.initialiser = Objects.requireNonNull(initialiser, "initialiser");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.idExporter = idExporter;
        this.fields = List.copyOf(fields);
        this.idKey = Optional.ofNullable(idKey);
    }

    @Override
    public Class<T> modelType() {
        return type;
    }

    @Override
    public T newInstance() {
        return constructor.get();
    }

    @Override
    public ObjectNode exportAsJson(T model) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        exporter.accept(model, json);
        return json;
    }

    @Override
    public void initFromJson(T model, JsonNode json) {
        initialiser.accept(model, json);
    }

    @Override
    public Set<String> applyMsData(T model, JsonNode data) {
        Set<String> changed = new LinkedHashSet<>();
        applier.apply(model, data, changed);
        return changed;
    }

    @Override
    public void applyMsData(T model, JsonNode data, Set<String> changed) {
        applier.apply(model, data, changed);
    }

    @Override
    public List<SyncedField> fields() {
        return fields;
    }

    @Override
    public Optional<String> idKey() {
        return idKey;
    }

    @Override
    public JsonNode exportId(T model) {
        if (idExporter == null) {
            throw new UnsupportedOperationException(type.getName() + " has no @MultiSessionId field");
        }
        return idExporter.apply(model);
    }

    @Override
    public String toString() {
        return "DerivedCodec[" + type.getName() + "]";
    }
}
