package dev.multisession.codec.abi;

import static dev.multisession.codec.abi.AbiMethod.constructor;
import static dev.multisession.codec.abi.AbiMethod.instanceMethod;
import static dev.multisession.codec.abi.AbiMethod.overridden;
import static dev.multisession.codec.abi.AbiMethod.staticMethod;
import static dev.multisession.codec.abi.RuntimeTypes.GENERATED_CODEC;
import static dev.multisession.codec.abi.RuntimeTypes.JSON_NODE;
import static dev.multisession.codec.abi.RuntimeTypes.MERGE;
import static dev.multisession.codec.abi.RuntimeTypes.MODEL_VALUES;
import static dev.multisession.codec.abi.RuntimeTypes.MULTI_SESSION_CODEC;
import static dev.multisession.codec.abi.RuntimeTypes.MULTI_SESSION_CODECS;
import static dev.multisession.codec.abi.RuntimeTypes.POLYMORPHIC_CODEC;
import static dev.multisession.codec.abi.RuntimeTypes.SYNCED_FIELD;
import static dev.multisession.codec.abi.RuntimeTypes.TYPE_REFERENCE;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_CODEC;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_CODECS;
import static dev.multisession.codec.abi.RuntimeTypes.OBJECT_NODE;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_UPDATES;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_WRITES;

import java.util.List;

/**
 * The runtime members generated code calls besides the {@link BuiltInTypes built-in types'}:
 * enums, collections of values, data binding, one-call updates of a field, nested models, the base
 * class of a generated codec, the methods it implements and those a subclass's codec chains to,
 * field metadata and the lookup of a codec by class.
 */
public final class RuntimeCalls {

    private static final String OBJECT = "java.lang.Object";
    private static final String STRING = "java.lang.String";
    private static final String CLASS = "java.lang.Class";
    private static final String SET = "java.util.Set";
    private static final String COLLECTION = "java.util.Collection";
    private static final String SUPPLIER = "java.util.function.Supplier";
    private static final String CONSUMER = "java.util.function.Consumer";

    /** {@code ValueWrites.enumNode(value)}: an enum constant as its name. */
    public static final AbiMethod WRITE_ENUM = staticMethod(VALUE_WRITES, JSON_NODE, "enumNode", "java.lang.Enum");

    /** {@code ValueCodecs.ofEnum(E.class)}: the codec of an enum inside a collection. */
    public static final AbiMethod ENUM_CODEC = staticMethod(VALUE_CODECS, VALUE_CODEC, "ofEnum", CLASS);
    /** {@code ValueCodecs.listOf(element)}. */
    public static final AbiMethod LIST_CODEC = staticMethod(VALUE_CODECS, VALUE_CODEC, "listOf", VALUE_CODEC);
    /** {@code ValueCodecs.setOf(element)}. */
    public static final AbiMethod SET_CODEC = staticMethod(VALUE_CODECS, VALUE_CODEC, "setOf", VALUE_CODEC);
    /** {@code ValueCodecs.mapOf(value)} for a {@code Map<String, V>}. */
    public static final AbiMethod MAP_CODEC = staticMethod(VALUE_CODECS, VALUE_CODEC, "mapOf", VALUE_CODEC);
    /** {@code ValueCodecs.bound(T.class)}: Jackson data binding of a plain class. */
    public static final AbiMethod BOUND_CLASS_CODEC = staticMethod(VALUE_CODECS, VALUE_CODEC, "bound", CLASS);
    /** {@code ValueCodecs.bound(new TypeReference<T>() {})}: Jackson data binding of a generic type. */
    public static final AbiMethod BOUND_TYPE_CODEC = staticMethod(VALUE_CODECS, VALUE_CODEC, "bound", TYPE_REFERENCE);

    /** {@code CONSTANT.toJson(value)} on a codec constant. */
    public static final AbiMethod CODEC_TO_JSON = instanceMethod(VALUE_CODEC, JSON_NODE, "toJson", OBJECT);
    /** {@code ModelValues.export(codec, model)}: a nested model. */
    public static final AbiMethod EXPORT_MODEL =
            staticMethod(MODEL_VALUES, JSON_NODE, "export", MULTI_SESSION_CODEC, OBJECT);
    /** {@code ModelValues.exportAll(codec, models)}: a collection of models. */
    public static final AbiMethod EXPORT_MODELS =
            staticMethod(MODEL_VALUES, JSON_NODE, "exportAll", MULTI_SESSION_CODEC, COLLECTION);
    /**
     * {@code if (fNode != null) model.setF(CONSTANT.fromJson(fNode, key))}: a reference value field with
     * a setter, on init (since ABI 3; codecs written before called {@link #INIT_VALUE_WITH}).
     */
    public static final AbiMethod CODEC_FROM_JSON = instanceMethod(VALUE_CODEC, OBJECT, "fromJson", JSON_NODE, STRING);
    /** {@code model.f = CONSTANT.init(json, key, model.f)}: a reference value field reached directly (since ABI 3). */
    public static final AbiMethod INIT_VALUE = instanceMethod(VALUE_CODEC, OBJECT, "init", JSON_NODE, STRING, OBJECT);
    /**
     * {@code CONSTANT.initWith(json, key, model::setF)}: a reference value field with a setter, in codecs of
     * ABI 3 written before {@link #CODEC_FROM_JSON}.
     */
    public static final AbiMethod INIT_VALUE_WITH =
            instanceMethod(VALUE_CODEC, "void", "initWith", JSON_NODE, STRING, CONSUMER);
    /**
     * {@code model.f = CONSTANT.apply(data, key, model.f, changed)}, or for a field with a setter its
     * result handed to the setter when it is not the value before (since ABI 3).
     */
    public static final AbiMethod APPLY_VALUE =
            instanceMethod(VALUE_CODEC, OBJECT, "apply", JSON_NODE, STRING, OBJECT, SET);
    /**
     * {@code CONSTANT.applyWith(data, key, model.getF(), model::setF, changed)}, in codecs of ABI 3 written
     * before setters were called without a reference.
     */
    public static final AbiMethod APPLY_VALUE_WITH =
            instanceMethod(VALUE_CODEC, "void", "applyWith", JSON_NODE, STRING, OBJECT, CONSUMER, SET);
    /**
     * {@code if (fNode != null) model.setF(ModelValues.read(codec, fNode, key))}: a nested model on init
     * (since ABI 3's setters without method references; codecs written before called {@link #INIT_MODEL}).
     */
    public static final AbiMethod READ_MODEL =
            staticMethod(MODEL_VALUES, OBJECT, "read", MULTI_SESSION_CODEC, JSON_NODE, STRING);
    /**
     * {@code ModelValues.apply(codec, before, fNode, key, changed)}: a nested model on apply, in place, its
     * result stored or handed to the setter when it is not the model before (since ABI 3's setters without
     * method references; codecs written before called {@link #UPDATE_MODEL}).
     */
    public static final AbiMethod APPLY_MODEL =
            staticMethod(MODEL_VALUES, OBJECT, "apply", MULTI_SESSION_CODEC, OBJECT, JSON_NODE, STRING, SET);
    /**
     * {@code ModelValues.readAll(codec, fNode, key, ArrayList::new)}: a collection of models on init (since
     * ABI 3's setters without method references; codecs written before called {@link #INIT_MODELS}).
     */
    public static final AbiMethod READ_MODELS =
            staticMethod(MODEL_VALUES, COLLECTION, "readAll", MULTI_SESSION_CODEC, JSON_NODE, STRING, SUPPLIER);
    /**
     * {@code ModelValues.applyAll(codec, before, fNode, key, changed, ArrayList::new)}: a collection of
     * models on apply, by id, in place (since ABI 3's setters without method references; codecs written
     * before called {@link #UPDATE_MODELS}).
     */
    public static final AbiMethod APPLY_MODELS = staticMethod(MODEL_VALUES, COLLECTION, "applyAll",
            MULTI_SESSION_CODEC, COLLECTION, JSON_NODE, STRING, SET, SUPPLIER);
    /** {@code ValueUpdates.initModel(json, key, codec, setter)}: a nested model, in codecs written before {@link #READ_MODEL}. */
    public static final AbiMethod INIT_MODEL =
            staticMethod(VALUE_UPDATES, "void", "initModel", JSON_NODE, STRING, MULTI_SESSION_CODEC, CONSUMER);
    /**
     * {@code ValueUpdates.updateModel(data, key, codec, current, setter, changed)}: a nested model, in place,
     * in codecs written before {@link #APPLY_MODEL}.
     */
    public static final AbiMethod UPDATE_MODEL = staticMethod(VALUE_UPDATES, "void", "updateModel", JSON_NODE, STRING,
            MULTI_SESSION_CODEC, OBJECT, CONSUMER, SET);
    /**
     * {@code ValueUpdates.initModels(json, key, codec, ArrayList::new, setter)}: a collection of models, in
     * codecs written before {@link #READ_MODELS}.
     */
    public static final AbiMethod INIT_MODELS = staticMethod(VALUE_UPDATES, "void", "initModels", JSON_NODE, STRING,
            MULTI_SESSION_CODEC, SUPPLIER, CONSUMER);
    /**
     * {@code ValueUpdates.updateModels(data, key, codec, ArrayList::new, current, setter, changed)}: by id, in
     * place, in codecs written before {@link #APPLY_MODELS}.
     */
    public static final AbiMethod UPDATE_MODELS = staticMethod(VALUE_UPDATES, "void", "updateModels", JSON_NODE,
            STRING, MULTI_SESSION_CODEC, SUPPLIER, COLLECTION, CONSUMER, SET);

    /** {@code super(M.class, idKey)} in the constructor of a generated codec, which extends {@code GeneratedCodec}. */
    public static final AbiMethod GENERATED_CODEC_NEW = constructor(GENERATED_CODEC, CLASS, STRING);
    /** {@code GeneratedCodec.exportTo(model, json)}, implemented by every generated codec. */
    public static final AbiMethod EXPORT_TO = overridden(GENERATED_CODEC, "exportTo", OBJECT, OBJECT_NODE);
    /** {@code GeneratedCodec.initFrom(model, json)}. */
    public static final AbiMethod INIT_FROM = overridden(GENERATED_CODEC, "initFrom", OBJECT, JSON_NODE);
    /** {@code GeneratedCodec.applyTo(model, data, changed)}. */
    public static final AbiMethod APPLY_TO = overridden(GENERATED_CODEC, "applyTo", OBJECT, JSON_NODE, SET);
    /** {@code GeneratedCodec.addFieldsTo(fields)}. */
    public static final AbiMethod ADD_FIELDS_TO = overridden(GENERATED_CODEC, "addFieldsTo", "java.util.List");

    // What the codec of a subclass calls on its ancestor's codec, an INSTANCE or a bound instance (since ABI 3).

    /** {@code ANCESTOR.exportInto(model, json)}. */
    public static final AbiMethod EXPORT_INTO =
            instanceMethod(GENERATED_CODEC, "void", "exportInto", OBJECT, OBJECT_NODE);
    /** {@code ANCESTOR.initFromJson(model, json)}. */
    public static final AbiMethod INIT_FROM_JSON =
            instanceMethod(GENERATED_CODEC, "void", "initFromJson", OBJECT, JSON_NODE);
    /** {@code ANCESTOR.applyMsData(model, data, changed)}. */
    public static final AbiMethod APPLY_MS_DATA =
            instanceMethod(GENERATED_CODEC, "void", "applyMsData", OBJECT, JSON_NODE, SET);
    /** {@code fields.addAll(ANCESTOR.fields())}. */
    public static final AbiMethod FIELDS = instanceMethod(GENERATED_CODEC, "java.util.List", "fields");
    /** {@code ANCESTOR.exportId(model)}. */
    public static final AbiMethod EXPORT_ID = instanceMethod(GENERATED_CODEC, JSON_NODE, "exportId", OBJECT);

    /** {@code SyncedField.id(key)}. */
    public static final AbiMethod ID_FIELD = staticMethod(SYNCED_FIELD, SYNCED_FIELD, "id", STRING);
    /** {@code SyncedField.value(key, Merge.X)}. */
    public static final AbiMethod VALUE_FIELD = staticMethod(SYNCED_FIELD, SYNCED_FIELD, "value", STRING, MERGE);
    /** {@code SyncedField.valueMap(key, Merge.X)}: a {@code Map<String, V>} merged key by key. */
    public static final AbiMethod VALUE_MAP_FIELD =
            staticMethod(SYNCED_FIELD, SYNCED_FIELD, "valueMap", STRING, MERGE);
    /** {@code SyncedField.valueSet(key)}: a {@code Set<V>} merged value by value. */
    public static final AbiMethod VALUE_SET_FIELD = staticMethod(SYNCED_FIELD, SYNCED_FIELD, "valueSet", STRING);
    /** {@code SyncedField.model(key, codec)}. */
    public static final AbiMethod MODEL_FIELD =
            staticMethod(SYNCED_FIELD, SYNCED_FIELD, "model", STRING, MULTI_SESSION_CODEC);
    /** {@code SyncedField.modelCollection(key, elementCodec)}. */
    public static final AbiMethod MODEL_COLLECTION_FIELD =
            staticMethod(SYNCED_FIELD, SYNCED_FIELD, "modelCollection", STRING, MULTI_SESSION_CODEC);

    /** {@code MultiSessionCodecs.forClass(M.class)}: the codec of a model that only inherits synced fields. */
    public static final AbiMethod CODEC_FOR_CLASS =
            staticMethod(MULTI_SESSION_CODECS, MULTI_SESSION_CODEC, "forClass", CLASS);

    /**
     * {@code PolymorphicCodec.of(Base.class, "idKey")}: the codec of a field or collection declared
     * with a polymorphic model type, which dispatches on the type key (since ABI 2).
     */
    public static final AbiMethod POLYMORPHIC_CODEC_OF =
            staticMethod(POLYMORPHIC_CODEC, MULTI_SESSION_CODEC, "of", CLASS, STRING);

    private RuntimeCalls() {}

    /** Every call above. */
    public static List<AbiMethod> all() {
        return List.of(WRITE_ENUM, ENUM_CODEC, LIST_CODEC, SET_CODEC, MAP_CODEC, BOUND_CLASS_CODEC, BOUND_TYPE_CODEC,
                CODEC_TO_JSON, EXPORT_MODEL, EXPORT_MODELS, CODEC_FROM_JSON, INIT_VALUE, INIT_VALUE_WITH, APPLY_VALUE,
                APPLY_VALUE_WITH,
                READ_MODEL, APPLY_MODEL, READ_MODELS, APPLY_MODELS, INIT_MODEL, UPDATE_MODEL, INIT_MODELS, UPDATE_MODELS,
                GENERATED_CODEC_NEW, EXPORT_TO, INIT_FROM, APPLY_TO,
                ADD_FIELDS_TO, EXPORT_INTO, INIT_FROM_JSON, APPLY_MS_DATA, FIELDS, EXPORT_ID, ID_FIELD, VALUE_FIELD,
                VALUE_MAP_FIELD, VALUE_SET_FIELD, MODEL_FIELD, MODEL_COLLECTION_FIELD, CODEC_FOR_CLASS,
                POLYMORPHIC_CODEC_OF);
    }

    /**
     * The calls of {@link #all()} that codecs of this ABI version written by an earlier processor make
     * and the processor no longer writes: the runtime keeps them for those codecs.
     */
    public static List<AbiMethod> keptForEarlierCodecs() {
        return List.of(INIT_VALUE_WITH, APPLY_VALUE_WITH, INIT_MODEL, UPDATE_MODEL, INIT_MODELS, UPDATE_MODELS);
    }
}
