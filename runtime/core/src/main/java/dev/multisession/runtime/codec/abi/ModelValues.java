package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.codec.PolymorphicCodec;
import dev.multisession.runtime.codec.SyncedField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How generated codecs export, read and apply fields that hold other models: a nested model,
 * or a list or set of them. The element's own codec does the work for each model.
 */
public final class ModelValues {

    private ModelValues() {}

    /**
     * The model as a JSON object through its codec; {@code null} as JSON null.
     *
     * @throws IllegalArgumentException if the model is of a subclass that has synced fields the
     *     codec does not write: they would be lost on every other terminal (a subclass without
     *     synced fields of its own, such as a persistence proxy, is written like its superclass)
     */
    public static <T> JsonNode export(MultiSessionCodec<T> codec, T model) {
        if (model == null) {
            return NullNode.getInstance();
        }
        // a polymorphic codec writes each subtype with its own codec and its type key
        if (model.getClass() != codec.modelType() && !(codec instanceof PolymorphicCodec)) {
            checkNoFieldsLost(codec, model.getClass());
        }
        return codec.exportAsJson(model);
    }

    private static void checkNoFieldsLost(MultiSessionCodec<?> codec, Class<?> actual) {
        List<SyncedField> own = MultiSessionCodecs.forClass(actual).fields();
        if (own.size() != codec.fields().size()) {
            List<String> lost = new ArrayList<>();
            own.forEach(field -> lost.add(field.jsonKey()));
            codec.fields().forEach(field -> lost.remove(field.jsonKey()));
            throw new IllegalArgumentException("a " + actual.getName() + " stands where a " + codec.modelType().getName()
                    + " is declared, and its synced fields " + lost + " would be lost: every other terminal would"
                    + " build a " + codec.modelType().getSimpleName() + " without them. Declare the field or collection"
                    + " with the subclass's type, or move those fields into " + codec.modelType().getSimpleName());
        }
    }

    /** The models as a JSON array of objects in iteration order; {@code null} as JSON null. */
    public static <T> JsonNode exportAll(MultiSessionCodec<T> codec, Collection<? extends T> models) {
        if (models == null) {
            return NullNode.getInstance();
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(models.size());
        for (T model : models) {
            array.add(export(codec, model));
        }
        return array;
    }

    /** A new model made by the codec and initialised from a JSON object; JSON null gives {@code null}. */
    public static <T> T read(MultiSessionCodec<T> codec, JsonNode node, String key) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ValueErrors.wrongType(key, "an object", node);
        }
        return newModel(codec, node, key, -1);
    }

    private static <T> T newModel(MultiSessionCodec<T> codec, JsonNode object, String key, int index) {
        return create(codecFor(codec, object, key, index), object);
    }

    /**
     * The codec of the subtype the object names ({@link MultiSessionCodec#codecFor}); a type key it
     * refuses is reported under the key the object was read from ({@code index} its place in an array,
     * -1 outside one), which the codec does not know.
     */
    private static <T> MultiSessionCodec<? extends T> codecFor(MultiSessionCodec<T> codec, JsonNode object,
            String key, int index) {
        try {
            return codec.codecFor(object);
        } catch (IllegalArgumentException e) {
            throw refused(key, index, e);
        }
    }

    /** A type key the polymorphic codec refused, named by its path, built only now. */
    private static IllegalArgumentException refused(String key, int index, IllegalArgumentException e) {
        return ValueErrors.invalid(index < 0 ? key : key + "[" + index + "]", "is not read: " + e.getMessage(), e);
    }

    private static <S> S create(MultiSessionCodec<S> codec, JsonNode object) {
        S model = codec.newInstance();
        codec.initFromJson(model, object);
        return model;
    }

    /** A new collection from the factory holding a new model per element of a JSON array. */
    public static <T, C extends Collection<T>> C readAll(MultiSessionCodec<T> codec, JsonNode node, String key,
            Supplier<C> factory) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ValueErrors.wrongType(key, "an array", node);
        }
        C models = factory.get();
        if (models instanceof ArrayList<?> list) {
            list.ensureCapacity(node.size());
        }
        for (int i = 0; i < node.size(); i++) {
            models.add(newModel(codec, element(node, i, key), key, i));
        }
        return models;
    }

    /**
     * Applies a JSON object to a nested model in place (or creates it when the field is null).
     *
     * @return the value the field must hold afterwards: {@code current} unless it was null or
     *     the JSON is null; {@code key} is added to {@code changed} if anything changed
     */
    public static <T> T apply(MultiSessionCodec<T> codec, T current, JsonNode node, String key, Set<String> changed) {
        if (node.isNull()) {
            if (current != null) {
                changed.add(key);
            }
            return null;
        }
        if (current == null) {
            changed.add(key);
            return read(codec, node, key);
        }
        if (!node.isObject()) {
            throw ValueErrors.wrongType(key, "an object", node);
        }
        if (!fits(codec, current, node, key, -1)) {
            // the object there is now of another subtype: a new one takes its place
            changed.add(key);
            return read(codec, node, key);
        }
        ChangeFlag flag = new ChangeFlag();
        codec.applyMsData(current, node, flag);
        if (flag.changed()) {
            changed.add(key);
        }
        return current;
    }

    /**
     * Applies a JSON array to a collection of models.
     *
     * <p>When the element model has an id, elements are matched by it: an element whose id is
     * in the array is updated in place (it stays the same Java object), an id not yet present is
     * created through the codec, and elements whose id is missing from the array are removed.
     * The collection ends up in the array's order; it is changed in place when it is not null
     * and made by {@code factory} otherwise, or when it cannot be changed ({@code List.of()}). Without an id, the
     * collection's content is replaced by new elements when its export differs from the array.
     *
     * @return the collection the field must hold afterwards; {@code key} is added to
     *     {@code changed} if an element was added, removed, reordered or changed
     */
    public static <T, C extends Collection<T>> C applyAll(MultiSessionCodec<T> codec, C current, JsonNode node,
            String key, Set<String> changed, Supplier<C> factory) {
        if (node.isNull()) {
            if (current != null) {
                changed.add(key);
            }
            return null;
        }
        if (!node.isArray()) {
            throw ValueErrors.wrongType(key, "an array", node);
        }
        if (current == null) {
            changed.add(key);
            return readAll(codec, node, key, factory);
        }
        Optional<String> idKey = codec.idKey();
        if (idKey.isEmpty()) {
            if (exportAll(codec, current).equals(node)) {
                return current;
            }
            C fresh = readAll(codec, node, key, factory);
            changed.add(key);
            return refill(current, fresh, factory);
        }
        return applyById(codec, idKey.get(), current, node, key, changed, factory);
    }

    /**
     * Gives the collection new content in place. One that cannot be changed ({@code List.of()}, an
     * unmodifiable view: the initial value of many a model's field) is replaced by a collection made by
     * {@code factory} with that content, which the field then holds, rather than failing the update.
     */
    private static <T, C extends Collection<T>> C refill(C current, Collection<T> content, Supplier<C> factory) {
        try {
            current.clear();
            current.addAll(content);
            return current;
        } catch (UnsupportedOperationException unchangeable) {
            C made = factory.get();
            made.addAll(content);
            return made;
        }
    }

    /**
     * The array's element at {@code i}, which must be an object: a collection of models holds
     * no null, whether it is read whole or applied element by element. The element's key
     * ({@code "lines[3]"}) is built only for the error message.
     */
    private static JsonNode element(JsonNode array, int i, String key) {
        JsonNode element = array.get(i);
        if (!element.isObject()) {
            throw ValueErrors.notAModel(key + "[" + i + "]", element);
        }
        return element;
    }

    private static <T, C extends Collection<T>> C applyById(MultiSessionCodec<T> codec, String idKey, C current,
            JsonNode array, String key, Set<String> changed, Supplier<C> factory) {
        Map<Object, T> existing = new HashMap<>(Math.max(16, current.size() * 2));
        for (T model : current) {
            existing.putIfAbsent(idValue(codec.exportId(model)), model);
        }
        List<T> result = new ArrayList<>(array.size());
        boolean elementChanged = false;
        ChangeFlag flag = new ChangeFlag();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = element(array, i, key);
            JsonNode id = element.get(idKey);
            T model = id == null ? null : existing.remove(idValue(id));
            if (model != null && !fits(codec, model, element, key, i)) {
                // the element now names another subtype: it is built anew rather than half-applied
                model = null;
                elementChanged = true;
            }
            if (model == null) {
                result.add(newModel(codec, element, key, i));
            } else {
                flag.reset();
                codec.applyMsData(model, element, flag);
                elementChanged |= flag.changed();
                result.add(model);
            }
        }
        boolean sameSequence = sameElements(current, result);
        if (!sameSequence || elementChanged) {
            changed.add(key);
        }
        // A set is rebuilt after an element changed in place, as its hash may have moved.
        if (!sameSequence || elementChanged && current instanceof Set) {
            return refill(current, result, factory);
        }
        return current;
    }

    /** Whether an existing element can take an update that names its subtype (always, for other codecs). */
    private static <T> boolean fits(MultiSessionCodec<T> codec, T model, JsonNode element, String key, int index) {
        if (!(codec instanceof PolymorphicCodec<T> polymorphic)) {
            return true;
        }
        try {
            return polymorphic.fits(model, element);
        } catch (IllegalArgumentException e) {
            throw refused(key, index, e);
        }
    }

    /** Ids compared by value: {@code 7} parsed as an int equals {@code 7L} exported from a long. */
    private static Object idValue(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber()) {
            return id.canConvertToLong() ? (Object) id.longValue() : id.bigIntegerValue();
        }
        return id.isTextual() ? id.textValue() : id.toString();
    }

    private static <T> boolean sameElements(Collection<T> current, List<T> result) {
        if (current.size() != result.size()) {
            return false;
        }
        Iterator<T> it = current.iterator();
        for (T model : result) {
            if (it.next() != model) {
                return false;
            }
        }
        return true;
    }
}
