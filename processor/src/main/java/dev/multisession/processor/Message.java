package dev.multisession.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, with a stable bracketed id, its severity, the message
 * format and a hint that says how to fix it. Ids never change meaning; docs/ANNOTATIONS.md lists
 * them all.
 */
public enum Message {

    PRIVATE_NO_ACCESSOR("MS-PRIVATE-NO-ACCESSOR",
            "private synced field '%1$s' has no non-private %3$s",
            "make the field package-private, or add a non-private getter (get%2$s()/is%2$s() or %1$s()) and setter"
                    + " (set%2$s(value) or %1$s(value)) of the field's exact type"),
    ACCESSORS_TOO_LATE("MS-ACCESSORS-TOO-LATE",
            "private synced field '%1$s' has no non-private %3$s: its Lombok annotations ask for them, but Lombok had"
                    + " not written them by the last round of annotation processing",
            "put lombok on the annotation processor path of this compilation (annotationProcessorPaths in Maven,"
                    + " annotationProcessor in Gradle, -processorpath for javac), before or after multisession-processor;"
                    + " check that lombok.config does not rename them (lombok.accessors.prefix), as the codec calls"
                    + " get%2$s()/is%2$s() or %1$s() and set%2$s(value) or %1$s(value); or make the field package-private"),
    FINAL_FIELD("MS-FINAL-FIELD",
            "synced field '%s' is final, so a received value cannot be stored in it",
            "remove 'final', or remove @MultiSessionField if the field must not be synced"),
    STATIC_FIELD("MS-STATIC-FIELD",
            "synced field '%s' is static; only instance fields belong to a model object",
            "remove 'static', or remove @MultiSessionField"),
    ID_TYPE("MS-ID-TYPE",
            "@MultiSessionId field '%s' has type %s, which cannot identify a model",
            "use String, UUID, long/Long or int/Integer for the id"),
    ID_DUPLICATE("MS-ID-DUPLICATE",
            "@MultiSessionId field '%s' is a second id in the hierarchy of %s (the id is already '%s' in %s)",
            "keep exactly one @MultiSessionId per class hierarchy"),
    DUPLICATE_KEY("MS-DUPLICATE-KEY",
            "JSON key \"%s\" of field '%s' is already used by field '%s' of %s",
            "give one of the fields another key with @MultiSessionField(\"other_key\")"),
    HIDDEN_FIELD("MS-HIDDEN-FIELD",
            "synced field '%1$s' hides synced field '%1$s' of %2$s and overrides its accessors %3$s()/%4$s(value), which"
                    + " the codec of %2$s calls: both keys would carry this field's value, and the value of the hidden"
                    + " field would be lost",
            "rename one of the two fields with its accessors, or make one of them package-private without accessors"),
    COUNTER_NOT_NUMERIC("MS-COUNTER-NOT-NUMERIC",
            "field '%s' of type %s is marked Merge.COUNTER, but only numbers can be counted",
            "use a numeric type (int, long, double, BigDecimal …), a Map<String, number> (counted key by key) or"
                    + " Merge.LAST_WRITER_WINS"),
    NO_CONSTRUCTOR("MS-NO-CONSTRUCTOR",
            "model %s has no usable no-arg constructor, so its codec cannot create instances",
            "add a public or package-private constructor without parameters (it may be protected in an abstract"
                    + " class, which gets no instances)"),
    CONSTRUCTOR_THROWS("MS-CONSTRUCTOR-THROWS",
            "the no-arg constructor of model %s declares the checked exception %s, which its codec, creating instances"
                    + " of the model, could not handle",
            "let that constructor throw only unchecked exceptions: catch the checked one, or wrap it in an unchecked"
                    + " one"),
    HELD_MODEL_NO_CONSTRUCTOR("MS-HELD-MODEL-NO-CONSTRUCTOR",
            "synced field '%s' holds %s, a model without a no-arg constructor: it inherits all its synced fields, and"
                    + " the runtime makes its objects through that constructor, so a terminal that receives one could not"
                    + " create it",
            "add a constructor without parameters to %2$s (it may be private; an inner class must be static too)"),
    INNER_CLASS("MS-INNER-CLASS",
            "model %s is a non-static inner, local or anonymous class; its codec cannot create instances of it",
            "declare it as a top-level class or a static nested class"),
    PRIVATE_CLASS("MS-PRIVATE-CLASS",
            "model %s is private (or nested in a private class), so its generated codec cannot reach it",
            "make the class (and the classes enclosing it) at least package-private"),
    TYPE_NOT_ACCESSIBLE("MS-TYPE-NOT-ACCESSIBLE",
            "synced field '%s' holds %s, which is %s, so its codec %s cannot name it",
            "make %2$s (and the classes it is nested in) public, or package-private in the model's package: the codec"
                    + " is a class of its own beside the model"),
    OPTIONAL("MS-OPTIONAL",
            "synced field '%s' holds %s, which the conversion of synced values cannot write or read: exporting the"
                    + " field would fail",
            "declare the field with the value's own type, null standing for empty (a getter may still return"
                    + " Optional.ofNullable(field))"),
    MODEL_AS_VALUE("MS-MODEL-AS-VALUE",
            "synced field '%s' holds the model %s inside %s, which Jackson data binding converts without the model's"
                    + " codec: its keys, id and merge rules would be ignored, and every synced field Jackson cannot see"
                    + " (a package-private one) would be lost",
            "hold models in a field of the model's own class or in a List, Set or Collection of it (applied by id);"
                    + " a generic model through a type variable bounded by it or a subclass that binds its variables"),
    TYPE_VARIABLE("MS-TYPE-VARIABLE",
            "synced field '%s' uses type variable %s, whose bound is not a model class with synced fields",
            "bound the type variable by a model class (<L extends Orderline>) or give the field a concrete type"),
    ABSTRACT_TYPE_VARIABLE("MS-ABSTRACT-TYPE-VARIABLE",
            "type variable %s of %s stands for %s, an abstract model, in the codec of %s: a terminal that receives an"
                    + " object for it could not create one",
            "bind %1$s to a concrete model class, leave it to the subclasses of an abstract model, or list the subtypes"
                    + " of %3$s with @MultiSessionSubtypes"),
    TYPE_VARIABLE_BOUND("MS-TYPE-VARIABLE-BOUND",
            "type variable %s of %s is bounded by %s: a variable bounded by a model needs that model class alone as its"
                    + " bound, without type arguments, for its codec to be made at the bound",
            "bound %1$s by one model class (<L extends Orderline>), or give the fields that use it a concrete type"),
    SUPERCLASS_NOT_GENERATED("MS-SUPERCLASS-NOT-GENERATED",
            "the codec %s of superclass %s was never generated, so %s cannot chain to it",
            "compile %2$s with multisession-processor on the annotation processor path"),
    RECORD_MODEL("MS-RECORD-MODEL",
            "model %s is a record: its fields are final, so a change received from another terminal cannot be"
                    + " applied to the object in place",
            "make the model a class with non-final fields (Lombok's @Data writes its accessors); a record can still be"
                    + " the value of a synced field of a model, as one value converted through Jackson"),
    ENUM_MODEL("MS-ENUM-MODEL",
            "model %s is an enum: its constants are its only objects, so a codec cannot create one from what another"
                    + " terminal sends",
            "make the model a class; an enum can be the value of a synced field of a model, which sends its"
                    + " constant's name"),
    RAW_TYPE("MS-RAW-TYPE",
            "synced field '%s' has the raw type %s, so neither the processor nor Jackson knows what it holds",
            "give the type its arguments (List<String>, Map<String, Integer> …)"),
    ABSTRACT_TYPE("MS-ABSTRACT-TYPE",
            "synced field '%s' holds %s, an interface or abstract class: a terminal that receives it cannot create"
                    + " it, so the field would be lost there",
            "list the subtypes of %2$s with @MultiSessionSubtypes({Sub.class, ...}) on it, so that each object travels"
                    + " with its type name, or declare the field (or the collection's elements) with a concrete class;"
                    + " a value converted through Jackson may instead name its subtypes with @JsonTypeInfo and"
                    + " @JsonSubTypes"),
    INNER_CLASS_VALUE("MS-INNER-CLASS-VALUE",
            "synced field '%s' holds %s, a non-static inner class: a terminal that receives it cannot create one without"
                    + " an object of its enclosing class, so the field would be lost there",
            "declare %2$s static (or top-level)"),
    SUBTYPE_NOT_SUBCLASS("MS-SUBTYPE-NOT-SUBCLASS",
            "%s is declared a subtype of %s (%s) but does not extend or implement it",
            "list only classes that extend %2$s, or make %1$s extend a type annotated @MultiSessionSubtypes"),
    SUBTYPE_ABSTRACT("MS-SUBTYPE-ABSTRACT",
            "subtype %s of %s is abstract or an interface, so no terminal could create an object of it",
            "name its concrete subclasses as subtypes instead"),
    SUBTYPE_NOT_MODEL("MS-SUBTYPE-NOT-MODEL",
            "subtype %s of %s neither declares nor inherits a synced field, so it has no codec",
            "give it (or a superclass) @MultiSessionField fields, or leave it out"),
    SUBTYPE_ID("MS-SUBTYPE-ID",
            "subtype %s of %s has the id key %s, but the elements of %2$s are selected by %s",
            "keep one @MultiSessionId for the whole polymorphic type: a subtype inherits the base's id and declares"
                    + " none of its own"),
    TYPE_NAME_DUPLICATE("MS-TYPE-NAME-DUPLICATE",
            "type name \"%s\" of %s is already the name of %s among the subtypes of %s",
            "give one of them another name with @MultiSessionTypeName(\"...\")"),
    TYPE_NAME_INVALID("MS-TYPE-NAME-INVALID",
            "type name \"%s\" of %s is not a valid type name",
            "use 1 to 100 letters, digits, '_', '-' or '.', not starting with '.'"),
    TYPE_KEY_FIELD("MS-TYPE-KEY-FIELD",
            "synced field '%s' would be written under the JSON key \"@type\", which names the subtype of a polymorphic"
                    + " model",
            "give the field another key with @MultiSessionField(\"other_key\")"),
    CODEC_NAME_CLASH("MS-CODEC-NAME-CLASH",
            "the codec of %s would be %s, a name already taken by %s",
            "rename one of the classes: a nested class A.B and a top-level class A_B of one package share the codec"
                    + " name A_B_MultiSession"),
    UNEXPECTED("MS-UNEXPECTED",
            "the multisession processor failed on %s: %s",
            "please report this with the class that triggers it; other classes were still processed");

    private final String id;
    private final String format;
    private final String hint;

    Message(String id, String format, String hint) {
        this.id = id;
        this.format = format;
        this.hint = hint;
    }

    /** The stable id, e.g. {@code MS-FINAL-FIELD}. */
    public String id() {
        return id;
    }

    /** Every message is an error: a misuse would otherwise surface as wrong data at run time. */
    public Diagnostic.Kind kind() {
        return Diagnostic.Kind.ERROR;
    }

    /** The full text: {@code [ID] message (hint)}. */
    public String format(Object... args) {
        return "[" + id + "] " + String.format(format, args) + ". Fix: " + String.format(hint, args);
    }
}
