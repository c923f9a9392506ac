package dev.multisession.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The codec of a model class that declares no synced field of its own and inherits them: it
 * creates instances of the class and hands every field to the ancestor's generated codec (its
 * {@code INSTANCE}, or an instance bound to the codecs of the types the class binds the
 * ancestor's model type variables to). {@link MultiSessionCodecs#forClass(Class)} builds it
 * once per class, so a generated codec needs no factory for its subclasses.
 *
 * @param <T> the model class
 */
final class InheritingCodec<T> implements MultiSessionCodec<T> {

    private final Class<T> type;
    private final Supplier<? extends T> constructor;
    private final MultiSessionCodec<? super T> ancestor;

    InheritingCodec(Class<T> type, Supplier<? extends T> constructor, MultiSessionCodec<? super T> ancestor) {
        this.type = Objects.requireNonNull(type, "type");
        this.constructor = Objects.requireNonNull(constructor, "constructor");
        this.ancestor = Objects.requireNonNull(ancestor, "ancestor");
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
        return ancestor.exportAsJson(model);
    }

    @Override
    public void initFromJson(T model, JsonNode json) {
        ancestor.initFromJson(model, json);
    }

    @Override
    public Set<String> applyMsData(T model, JsonNode data) {
        return ancestor.applyMsData(model, data);
    }

    @Override
    public void applyMsData(T model, JsonNode data, Set<String> changed) {
        ancestor.applyMsData(model, data, changed);
    }

    @Override
    public List<SyncedField> fields() {
        return ancestor.fields();
    }

    @Override
    public Optional<String> idKey() {
        return ancestor.idKey();
    }

    @Override
    public JsonNode exportId(T model) {
        return ancestor.exportId(model);
    }

    @Override
    public String toString() {
        return "InheritingCodec[" + type.getName() + " from " + ancestor.modelType().getName() + "]";
    }
}
