package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The part of every generated {@code <Simple>_MultiSession} codec that does not depend on its
 * fields: the model type, the id key, the JSON object export writes into, the set of changed keys
 * and the field metadata list, built once. A generated codec extends it and implements the four
 * hooks, one line per field in each. The codec of a subclass chains to its nearest synced
 * ancestor's codec through the public methods here ({@link #exportInto}, {@link #initFromJson},
 * {@link #applyMsData(Object, JsonNode, Set)}, {@link #fields}, {@link #exportId}), on a constant:
 * the ancestor's {@code INSTANCE}, or, when the ancestor has type variables bounded by models, an
 * instance of its codec made with the codecs of the types the subclass binds them to. That works
 * the same when the ancestor's codec sits in another jar.
 *
 * <p>The hooks are abstract methods rather than lambdas handed to a constructor: a call on
 * {@code this} stays monomorphic once the JIT has inlined the public method into its caller.
 *
 * @param <T> the model class
 */
public abstract class GeneratedCodec<T> implements MultiSessionCodec<T> {

    private final Class<T> type;
    private final Optional<String> idKey;
    private volatile List<SyncedField> fieldList;
    /**
     * How many keys the last export wrote, so the next one's object has room for them from the
     * start. Read and written without synchronisation: a stale value only sizes the object
     * differently, and it is written only when it changes, so threads exporting the same model
     * type do not keep taking the line it sits on from each other.
     */
    private int exportedKeys;

    /**
     * Creates the codec of a model class.
     *
     * @param type the model class; a generic one is passed raw, the codec handles its type
     *     variables at their bounds
     * @param idKey the JSON key of the model's id, or {@code null} when it has none
     */
    @SuppressWarnings("unchecked")
    public GeneratedCodec(Class<?> type, String idKey) {
        this.type = (Class<T>) Objects.requireNonNull(type, "type");
        this.idKey = Optional.ofNullable(idKey);
    }

    /**
     * Writes every synced field of the model and its ancestors into {@code json}.
     *
     * @param model the model
     * @param json the object to write into
     */
    protected abstract void exportTo(T model, ObjectNode json);

    /**
     * Sets every synced field whose key {@code json} has.
     *
     * @param model a freshly constructed model
     * @param json the model as JSON
     */
    protected abstract void initFrom(T model, JsonNode json);

    /**
     * Applies the keys {@code data} has, adding those that changed to {@code changed}.
     *
     * @param model the model
     * @param data a partial update
     * @param changed the keys that changed
     */
    protected abstract void applyTo(T model, JsonNode data, Set<String> changed);

    /**
     * Adds the metadata of every synced field, ancestors' first.
     *
     * @param fields the list to add to
     */
    protected abstract void addFieldsTo(List<SyncedField> fields);

    @Override
    public final Class<T> modelType() {
        return type;
    }

    @Override
    public final ObjectNode exportAsJson(T model) {
        ObjectNode json = Capacities.objectNode(exportedKeys);
        exportTo(model, json);
        if (json.size() != exportedKeys) {
            exportedKeys = json.size();
        }
        return json;
    }

    /**
     * Writes every synced field of the model and its ancestors into an object the caller made: what
     * the codec of a subclass calls before it writes its own fields.
     *
     * @param model the model
     * @param json the object to write into
     */
    public final void exportInto(T model, ObjectNode json) {
        exportTo(model, json);
    }

    @Override
    public final void initFromJson(T model, JsonNode json) {
        initFrom(model, json);
    }

    @Override
    public final Set<String> applyMsData(T model, JsonNode data) {
        Set<String> changed = new LinkedHashSet<>();
        applyTo(model, data, changed);
        return changed;
    }

    @Override
    public final void applyMsData(T model, JsonNode data, Set<String> changed) {
        applyTo(model, data, changed);
    }

    @Override
    public final List<SyncedField> fields() {
        // Built on first use: the codecs of nested models may not be initialised yet when this one is.
        List<SyncedField> result = fieldList;
        if (result == null) {
            List<SyncedField> collected = new ArrayList<>();
            addFieldsTo(collected);
            result = List.copyOf(collected);
            fieldList = result;
        }
        return result;
    }

    @Override
    public final Optional<String> idKey() {
        return idKey;
    }

    /** {@inheritDoc} A codec of a model with an id overrides it to read the id field directly. */
    @Override
    public JsonNode exportId(T model) {
        return MultiSessionCodec.super.exportId(model);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + type.getName() + "]";
    }
}
