package dev.multisession.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.abi.GeneratedCodec;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The codec of a field or collection declared with a polymorphic model type (one annotated
 * {@code @MultiSessionSubtypes}): each object carries its subtype's name under {@link #TYPE_KEY},
 * and reading, applying and exporting go to the codec of the subtype that name (or the object's
 * class) stands for. Generated codecs get it with {@link #of(Class, String)}.
 *
 * <p>Every object is written with its type key, the base's own included when it is concrete, so a
 * hub bound to the model can tell a missing key from the base. A name this terminal does not know
 * (a subtype of an extension it lacks) is read as the base when the base is concrete, with one
 * warning per name; when the base is abstract or an interface the object cannot be built, and
 * reading it throws {@link IllegalArgumentException}, which the terminal reports as being out of
 * sync (it never drops the order silently).
 *
 * @param <T> the declared (base) type
 */
public final class PolymorphicCodec<T> implements MultiSessionCodec<T> {

    /** The JSON key that names an object's subtype. */
    public static final String TYPE_KEY = "@type";

    /** How many unknown subtype names one base warns of; beyond, they are read as the base silently. */
    private static final int MAX_WARNED = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(PolymorphicCodec.class);

    private static final ClassValue<PolymorphicCodec<?>> CACHE = new ClassValue<>() {
        @Override
        protected PolymorphicCodec<?> computeValue(Class<?> base) {
            return new PolymorphicCodec<>(base);
        }
    };

    private final Class<T> base;
    private final boolean concrete;
    private final TypeNames names;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** Subtypes whose id key was checked against the base's. */
    private final Set<Class<?>> checked = ConcurrentHashMap.newKeySet();
    /**
     * The id key the first {@link #of} call named, set once: one reference, so that a second call
     * sees both whether it is set and what it is, and two calls at once cannot both set it.
     */
    private final AtomicReference<IdKey> idKey = new AtomicReference<>();

    private PolymorphicCodec(Class<T> base) {
        this.base = base;
        this.concrete = !base.isInterface() && !Modifier.isAbstract(base.getModifiers());
        this.names = new TypeNames(base);
    }

    /**
     * The codec of fields declared with the polymorphic type {@code base}, one per base.
     *
     * @param idKey the JSON key of the id every subtype shares, or null when they have none
     * @throws IllegalArgumentException if an earlier call named another id key for the same base
     */
    @SuppressWarnings("unchecked")
    public static <T> MultiSessionCodec<T> of(Class<T> base, String idKey) {
        PolymorphicCodec<T> codec = (PolymorphicCodec<T>) CACHE.get(Objects.requireNonNull(base, "base"));
        IdKey named = new IdKey(idKey);
        IdKey set = codec.idKey.compareAndExchange(null, named);
        if (set != null && !set.equals(named)) {
            throw new IllegalArgumentException("polymorphic " + base.getName() + " has the id key " + set.describe()
                    + ", but a codec asks for it with the id key " + named.describe() + ": the jars that declare fields"
                    + " of it were built with different models of it; rebuild them with one processor release");
        }
        return codec;
    }

    @Override
    public Class<T> modelType() {
        return base;
    }

    /**
     * A new instance of the base.
     *
     * @throws UnsupportedOperationException if the base is abstract or an interface: create elements
     *     through {@link #codecFor(JsonNode)}
     */
    @Override
    public T newInstance() {
        if (!concrete) {
            throw new UnsupportedOperationException(base.getName() + " is abstract: read its objects through"
                    + " codecFor(json), which picks the subtype the \"" + TYPE_KEY + "\" key names");
        }
        return baseCodec().newInstance();
    }

    /**
     * The codec of the subtype {@code json}'s type key names; the base's when the key is missing or
     * names a subtype this terminal lacks and the base is concrete.
     *
     * @throws IllegalArgumentException if the subtype is unknown (or the key missing) and the base
     *     is abstract, so no object can be built
     */
    @Override
    public MultiSessionCodec<? extends T> codecFor(JsonNode json) {
        if (json == null || !json.isObject()) {
            return this; // nothing to build: the caller reports the value's kind
        }
        JsonNode type = json.get(TYPE_KEY);
        String name = type == null || type.isNull() ? null : typeName(type);
        Optional<Class<?>> subtype = name == null ? Optional.empty() : names.subtype(name);
        if (subtype.isPresent()) {
            return codecOf(subtype.get().asSubclass(base));
        }
        String what = name == null ? "an object without the \"" + TYPE_KEY + "\" key"
                : "an object of type \"" + name + "\", which this terminal does not know,";
        if (!concrete) {
            throw new IllegalArgumentException("cannot build " + what + " where an abstract " + base.getName()
                    + " is declared: add the jar that holds that subtype to this terminal");
        }
        // names are bounded (TypeNames.validName); so is how many are remembered, whatever a peer sends
        String key = String.valueOf(name);
        boolean first = !warned.contains(key) && warned.size() < MAX_WARNED && warned.add(key);
        if (first) {
            LOG.warn("Read {} as a plain {}: its own fields are not shown here and are kept by the hub;"
                    + " add the jar that holds that subtype to this terminal", what, base.getName());
        }
        if (first || warned.contains(key)) {
            // logged once per JVM, but told to every terminal that meets it (each keeps its own once)
            UnknownSubtypes.report("read " + what + " as a plain " + base.getName()
                    + " (its own fields are not shown here)");
        }
        return baseCodec();
    }

    /**
     * The subtype name a type key holds.
     *
     * @throws IllegalArgumentException if it is no string, or a string no processor writes as a
     *     type name: the object is malformed, not of a subtype this terminal lacks
     */
    private static String typeName(JsonNode type) {
        if (!type.isTextual()) {
            throw new IllegalArgumentException("\"" + TYPE_KEY + "\" must be a string naming a subtype, but is "
                    + type.getNodeType());
        }
        String name = type.textValue();
        if (!TypeNames.validName(name)) {
            String shown = name.length() <= 40 ? name : name.substring(0, 37) + "...";
            throw new IllegalArgumentException("\"" + TYPE_KEY + "\" holds " + JsonNodeFactory.instance.textNode(shown)
                    + ", which is no type name (1-100 letters, digits, '_', '-' or '.', not starting with '.')");
        }
        return name;
    }

    /**
     * The model's synced fields after its type key.
     *
     * @throws IllegalArgumentException if its class has no type name and synced fields its nearest
     *     named superclass lacks: every other terminal would build that superclass without them
     */
    @Override
    public ObjectNode exportAsJson(T model) {
        TypeNames.Named named = names.named(model.getClass());
        MultiSessionCodec<T> codec = codecOfObject(model);
        if (named.type() != model.getClass()
                && codec.fields().size() != MultiSessionCodecs.forClass(named.type()).fields().size()) {
            throw new IllegalArgumentException("a " + model.getClass().getName() + " has synced fields of its own but"
                    + " no type name, so it would travel as a " + named.type().getName() + " and lose them: annotate it"
                    + " with @MultiSessionTypeName or list it in @MultiSessionSubtypes of " + base.getSimpleName());
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put(TYPE_KEY, named.name());
        if (codec instanceof GeneratedCodec<T> generated) {
            generated.exportInto(model, json); // the fields straight after the key, not into an object copied here
        } else {
            json.setAll(codec.exportAsJson(model));
        }
        return json;
    }

    /**
     * Whether {@code model} can take the update {@code json} in place: it is of the type the update
     * names (a class without a type name of its own, such as a persistence proxy, counts as its named
     * superclass). When it is not, the caller builds a new object through {@link #codecFor(JsonNode)}.
     */
    public boolean fits(T model, JsonNode json) {
        Class<?> target = codecFor(json).modelType();
        if (target == model.getClass()) {
            return true;
        }
        try {
            return target == names.named(model.getClass()).type();
        } catch (IllegalArgumentException unnamed) {
            return false;
        }
    }

    @Override
    public void initFromJson(T model, JsonNode json) {
        codecOfObject(model).initFromJson(model, json);
    }

    @Override
    public Set<String> applyMsData(T model, JsonNode data) {
        return codecOfObject(model).applyMsData(model, data);
    }

    @Override
    public void applyMsData(T model, JsonNode data, Set<String> changed) {
        codecOfObject(model).applyMsData(model, data, changed);
    }

    /** The base's fields (the id alone for an interface); each subtype's come from {@link #codecFor}. */
    @Override
    public List<SyncedField> fields() {
        if (base.isInterface()) {
            String key = key();
            return key == null ? List.of() : List.of(SyncedField.id(key));
        }
        return baseCodec().fields();
    }

    @Override
    public Optional<String> idKey() {
        return Optional.ofNullable(key());
    }

    /** The id key {@link #of} set; a codec is only handed out after that. */
    private String key() {
        IdKey set = idKey.get();
        return set == null ? null : set.key();
    }

    @Override
    public JsonNode exportId(T model) {
        return codecOfObject(model).exportId(model);
    }

    private MultiSessionCodec<T> baseCodec() {
        return MultiSessionCodecs.forClass(base);
    }

    @SuppressWarnings("unchecked")
    private MultiSessionCodec<T> codecOfObject(T model) {
        return (MultiSessionCodec<T>) codecOf(model.getClass().asSubclass(base));
    }

    private <S extends T> MultiSessionCodec<S> codecOf(Class<S> type) {
        MultiSessionCodec<S> codec = MultiSessionCodecs.forClass(type);
        String key = key();
        String own = codec.idKey().orElse(null);
        if (checked.add(type) && !Objects.equals(own, key)) {
            checked.remove(type);
            throw new IllegalStateException(type.getName() + (own == null ? " has no id key" : " has the id key \"" + own
                    + "\"") + " but its polymorphic base " + base.getName() + (key == null ? " has none"
                    : " selects elements by \"" + key + "\"") + ": a subtype keeps the base's id");
        }
        return codec;
    }

    /** An id key, or none ({@code key} null), as one value. */
    private record IdKey(String key) {
        String describe() {
            return key == null ? "(none)" : "\"" + key + "\"";
        }
    }
}
