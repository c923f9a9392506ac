package dev.multisession.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Everything the writer needs about one model class, read from its elements.
 *
 * @param element the model class, the originating element of its codec
 * @param modelName the model class's name
 * @param codecName the generated codec's name
 * @param typeVariables the model's type variables with their bounds
 * @param codecParameters the type variables bounded by a model: the codec takes a codec for each
 * @param boundCodecs for each codec parameter, the codec of its bound (used by {@code INSTANCE})
 * @param instanceType the model type {@code INSTANCE} handles: type variables bounded by models replaced by their
 *     bounds, the others by {@code ?}
 * @param declaredType the model type with its type variables, as a generic codec handles it
 * @param facts what the validator checks about the class itself
 * @param superCall the nearest ancestor with synced fields, if any
 * @param inheritedKeys the JSON keys the ancestors sync, for duplicate checks
 * @param properties the synced fields the class declares
 * @param idKey the JSON key of the id, declared or inherited
 */
record ModelClass(
        TypeElement element,
        ClassName modelName,
        ClassName codecName,
        List<TypeVariableName> typeVariables,
        List<CodecRef.Parameter> codecParameters,
        Map<String, CodecRef> boundCodecs,
        TypeName instanceType,
        TypeName declaredType,
        ClassFacts facts,
        Optional<SuperCall> superCall,
        List<InheritedKey> inheritedKeys,
        List<SyncedProperty> properties,
        Optional<String> idKey) {

    /**
     * Facts about the class that make it usable as a model or not.
     *
     * @param noArgConstructor the constructor without parameters the codec may call, if there is one
     */
    record ClassFacts(boolean isAbstract, Optional<ExecutableElement> noArgConstructor, boolean innerOrLocal,
            boolean privateAccess) {

        boolean hasNoArgConstructor() {
            return noArgConstructor.isPresent();
        }
    }

    /**
     * How the codec chains to the nearest synced ancestor's codec.
     *
     * @param codec the ancestor's generated codec
     * @param codecArguments the codecs for the ancestor's codec parameters, as bound by this class
     * @param ancestorHasId whether the ancestor's hierarchy has an id (then {@code exportId} chains to it)
     * @param raw whether this class extends the ancestor as a raw type
     * @param generic whether the ancestor has type variables: its codec is then made for this class's bindings
     * @param typeArguments the ancestor's type arguments as this class binds them (none when raw)
     * @param modelBindings what this class binds the ancestor's variables bounded by models to (none when raw)
     */
    record SuperCall(ClassName codec, List<CodecRef> codecArguments, boolean ancestorHasId, boolean raw,
            boolean generic, List<TypeName> typeArguments, List<ModelBinding> modelBindings) {}

    /**
     * A type an ancestor's variable bounded by a model is bound to: the ancestor's codec is made with its codec.
     *
     * @param variable the ancestor's type variable
     * @param ancestor the qualified name of the ancestor declaring it
     * @param argument the type it stands for in this class
     */
    record ModelBinding(String variable, String ancestor, TypeMirror argument) {}

    /**
     * A JSON key synced by an ancestor.
     *
     * @param access how the ancestor's codec reaches the field; empty if a private field lacks accessors
     */
    record InheritedKey(String jsonKey, String fieldName, String declaringClass, boolean id,
            Optional<SyncedProperty.Access> access) {}

    boolean isGeneric() {
        return !typeVariables.isEmpty();
    }

    Optional<SyncedProperty> ownId() {
        return properties.stream().filter(SyncedProperty::id).findFirst();
    }
}
