package dev.multisession.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.multisession.codec.abi.BuiltInType;
import dev.multisession.codec.abi.BuiltInTypes;
import dev.multisession.processor.ValueType.ValueCodecSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Decides how a field type is converted: the built-in types of the shared ABI table
 * ({@link BuiltInTypes}), nested models through their codecs, and Jackson data binding for
 * everything else.
 */
final class TypeClassifier {

    private static final List<String> NUMBERS = List.of("java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.math.BigDecimal", "java.math.BigInteger");

    /** The JDK's optionals: Jackson's data binding converts them only with a module the runtime does not register. */
    private static final List<String> OPTIONALS = List.of("java.util.Optional", "java.util.OptionalInt",
            "java.util.OptionalLong", "java.util.OptionalDouble");

    private static final List<String> ID_TYPES = List.of("java.lang.String", "java.util.UUID", "java.lang.Long",
            "java.lang.Integer");

    private final Types types;
    private final SyncedFieldScanner scanner;
    private final PolymorphicTypes polymorphic;

    TypeClassifier(Types types, SyncedFieldScanner scanner) {
        this.types = types;
        this.scanner = scanner;
        this.polymorphic = new PolymorphicTypes(scanner);
    }

    ValueType classify(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            // The table names primitives as the language does: int, boolean …
            String primitive = type.getKind().name().toLowerCase(Locale.ROOT);
            return new ValueType.Primitive(BuiltInTypes.of(primitive).orElseThrow());
        }
        if (type.getKind() == TypeKind.TYPEVAR) {
            CodecRef codec = codecOf(type);
            return codec != null ? new ValueType.Model(codec) : new ValueType.UnboundTypeVariable(type.toString());
        }
        if (type.getKind() == TypeKind.DECLARED) {
            DeclaredType declared = (DeclaredType) type;
            String name = qualifiedName(declared);
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            if (arguments.size() == 1 && isCollection(name)) {
                CodecRef element = codecOf(arguments.get(0));
                if (element != null) {
                    return new ValueType.ModelCollection(name.equals("java.util.Set")
                            ? ClassName.get("java.util", "LinkedHashSet") : ClassName.get("java.util", "ArrayList"), element);
                }
            }
            CodecRef model = codecOf(type);
            if (model != null) {
                return new ValueType.Model(model);
            }
        }
        String variable = typeVariableIn(type);
        if (variable != null) {
            return new ValueType.UnboundTypeVariable(variable);
        }
        return new ValueType.Value(valueCodec(type));
    }

    /** The first type variable a value type mentions: constants of the generated class cannot. */
    private static String typeVariableIn(TypeMirror type) {
        return TypeParts.first(type, part -> part.getKind() == TypeKind.TYPEVAR ? part.toString() : null);
    }

    /** A value codec for a reference type; models in value position fall back to data binding. */
    private ValueCodecSpec valueCodec(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED) {
            DeclaredType declared = (DeclaredType) type;
            String name = qualifiedName(declared);
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            Optional<BuiltInType> builtIn = BuiltInTypes.of(name);
            if (builtIn.isPresent()) {
                return new ValueCodecSpec.BuiltIn(builtIn.get());
            }
            if (declared.asElement().getKind() == ElementKind.ENUM) {
                return new ValueCodecSpec.EnumOf(TypeName.get(types.erasure(type)));
            }
            if (arguments.size() == 1 && isPlainValue(arguments.get(0))) {
                if (name.equals("java.util.List")) {
                    return new ValueCodecSpec.ListOf(valueCodec(arguments.get(0)));
                }
                if (name.equals("java.util.Set")) {
                    return new ValueCodecSpec.SetOf(valueCodec(arguments.get(0)));
                }
            }
            if (name.equals("java.util.Map") && arguments.size() == 2 && isString(arguments.get(0))
                    && isPlainValue(arguments.get(1))) {
                return new ValueCodecSpec.MapOf(valueCodec(arguments.get(1)));
            }
            return new ValueCodecSpec.Bound(TypeName.get(type), !arguments.isEmpty());
        }
        return new ValueCodecSpec.Bound(TypeName.get(type), type.getKind() == TypeKind.ARRAY
                && TypeName.get(type).toString().contains("<"));
    }

    /** Whether a type argument has a conversion of its own (no wildcard, variable or model). */
    private boolean isPlainValue(TypeMirror argument) {
        return argument.getKind() == TypeKind.DECLARED && codecOf(argument) == null;
    }

    /** The codec of a model type (or of a type variable bounded by one), or null for other types. */
    CodecRef codecOf(TypeMirror type) {
        if (type.getKind() == TypeKind.TYPEVAR) {
            TypeMirror bound = ((TypeVariable) type).getUpperBound();
            return modelElement(types.erasure(bound)) != null
                    ? new CodecRef.Parameter(((TypeVariable) type).asElement().getSimpleName().toString()) : null;
        }
        if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).getTypeArguments().isEmpty()
                && polymorphic.isPolymorphic((TypeElement) ((DeclaredType) type).asElement())) {
            TypeElement base = (TypeElement) ((DeclaredType) type).asElement();
            return new CodecRef.Polymorphic(ClassName.get(base), polymorphic.idKey(base).orElse(null));
        }
        TypeElement model = modelElement(type);
        if (model == null || !((DeclaredType) type).getTypeArguments().isEmpty()) {
            return null;
        }
        return refTo(model);
    }

    /** The codec reference of a model class. */
    CodecRef refTo(TypeElement model) {
        return scanner.declaresSyncedFields(model)
                ? new CodecRef.Generated(CodecNames.codecOf(model))
                : new CodecRef.Located(ClassName.get(model));
    }

    /** The model class a type names, or null. */
    TypeElement modelElement(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return scanner.isModel(element) ? element : null;
    }

    boolean isNumeric(TypeMirror type) {
        TypeKind kind = type.getKind();
        if (kind.isPrimitive()) {
            return kind != TypeKind.BOOLEAN && kind != TypeKind.CHAR;
        }
        return kind == TypeKind.DECLARED && NUMBERS.contains(qualifiedName((DeclaredType) type));
    }

    /** Whether the type is a {@code Map<String, N>} of numbers, whose values {@code COUNTER} adds key by key. */
    boolean isNumericMap(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        DeclaredType declared = (DeclaredType) type;
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        return qualifiedName(declared).equals("java.util.Map") && arguments.size() == 2 && isString(arguments.get(0))
                && isNumeric(arguments.get(1));
    }

    /**
     * The interface or abstract class the type is, or holds as a type argument or array component,
     * that a receiving terminal could not create: an abstract model, or any other such type that
     * is not the JDK's (Jackson maps those) and does not tell Jackson its subtypes
     * ({@code @JsonTypeInfo}, {@code @JsonDeserialize}). Null when there is none; type variables are
     * checked by their bounds elsewhere.
     */
    String uncreatable(TypeMirror type) {
        // a field or collection element of a polymorphic type: each object names its subtype
        if (codecOf(type) instanceof CodecRef.Polymorphic) {
            return null;
        }
        if (type.getKind() == TypeKind.DECLARED && isCollection(qualifiedName((DeclaredType) type))
                && ((DeclaredType) type).getTypeArguments().size() == 1
                && codecOf(((DeclaredType) type).getTypeArguments().get(0)) instanceof CodecRef.Polymorphic) {
            return null;
        }
        return uncreatableValue(type);
    }

    /** Like {@link #uncreatable}, for a type in value position (a map's value, an array's component …). */
    private String uncreatableValue(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return uncreatableValue(((ArrayType) type).getComponentType());
        }
        if (type.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((WildcardType) type).getExtendsBound();
            return bound == null ? null : uncreatableValue(bound);
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        boolean cannotBeMade = element.getKind() == ElementKind.INTERFACE
                || element.getModifiers().contains(Modifier.ABSTRACT);
        if (cannotBeMade && element.getKind() != ElementKind.ANNOTATION_TYPE) {
            if (scanner.isModel(element)) {
                return element.getQualifiedName().toString();
            }
            String name = element.getQualifiedName().toString();
            // JDK types and Jackson's own (JsonNode, TreeNode) are values Jackson knows how to create
            if (!name.startsWith("java.") && !name.startsWith("com.fasterxml.jackson.")
                    && !namesItsSubtypesToJackson(element)) {
                return name;
            }
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
            String inside = uncreatableValue(argument);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    private static boolean namesItsSubtypesToJackson(TypeElement element) {
        return AnnotationMirrors.has(element, "com.fasterxml.jackson.annotation.JsonTypeInfo")
                || AnnotationMirrors.has(element, "com.fasterxml.jackson.databind.annotation.JsonDeserialize");
    }

    /**
     * The model, or type variable bounded by one, inside a type that is neither a model nor a collection
     * of models, so that Jackson data binding would convert it without its codec; null when there is none.
     */
    String modelInValue(TypeMirror type) {
        return TypeParts.first(type, part -> {
            if (part.getKind() == TypeKind.TYPEVAR) {
                return codecOf(part) != null ? part.toString() : null;
            }
            return part.getKind() == TypeKind.DECLARED && scanner.isModel((TypeElement) ((DeclaredType) part).asElement())
                    ? qualifiedName((DeclaredType) part) : null;
        });
    }

    /** The first optional type the type is or holds (as a type argument or array component), or null. */
    String optionalIn(TypeMirror type) {
        return TypeParts.first(type, part -> part.getKind() == TypeKind.DECLARED
                && OPTIONALS.contains(qualifiedName((DeclaredType) part)) ? qualifiedName((DeclaredType) part) : null);
    }

    /**
     * The first non-static inner (or local) class other than a model that the type is or holds, or null: Jackson
     * writes such a value but cannot create one without an object of the enclosing class.
     */
    String innerClassIn(TypeMirror type) {
        return TypeParts.first(type, part -> {
            if (part.getKind() != TypeKind.DECLARED) {
                return null;
            }
            TypeElement element = (TypeElement) ((DeclaredType) part).asElement();
            boolean inner = element.getKind() == ElementKind.CLASS && element.getNestingKind() != NestingKind.TOP_LEVEL
                    && !element.getModifiers().contains(Modifier.STATIC);
            return inner && !scanner.isModel(element) ? element.getQualifiedName().toString() : null;
        });
    }

    /**
     * The model a field of this type holds (itself, or as a collection's elements) when that model only inherits
     * its synced fields and has no no-arg constructor, which the runtime makes its objects with (whatever its
     * access); null otherwise. A model that declares synced fields is checked where it is declared.
     */
    String heldModelWithoutConstructor(ValueType valueType, TypeMirror type) {
        boolean located = valueType instanceof ValueType.Model model && model.codec() instanceof CodecRef.Located
                || valueType instanceof ValueType.ModelCollection collection
                        && collection.codec() instanceof CodecRef.Located;
        if (!located) {
            return null;
        }
        DeclaredType declared = (DeclaredType) type;
        TypeMirror held = valueType instanceof ValueType.Model ? declared : declared.getTypeArguments().get(0);
        TypeElement element = (TypeElement) ((DeclaredType) held).asElement();
        boolean inner = element.getNestingKind() != NestingKind.TOP_LEVEL && !element.getModifiers().contains(Modifier.STATIC);
        boolean noArg = ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
                .anyMatch(constructor -> constructor.getParameters().isEmpty());
        return noArg && !inner || element.getModifiers().contains(Modifier.ABSTRACT)
                ? null : element.getQualifiedName().toString();
    }

    /** Whether the type, or a type argument in it, is a generic class used without its type arguments. */
    boolean isRaw(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return isRaw(((ArrayType) type).getComponentType());
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        DeclaredType declared = (DeclaredType) type;
        if (declared.getTypeArguments().isEmpty()) {
            return !((TypeElement) declared.asElement()).getTypeParameters().isEmpty();
        }
        return declared.getTypeArguments().stream().anyMatch(this::isRaw);
    }

    boolean canBeId(TypeMirror type) {
        TypeKind kind = type.getKind();
        if (kind == TypeKind.INT || kind == TypeKind.LONG) {
            return true;
        }
        return kind == TypeKind.DECLARED && ID_TYPES.contains(qualifiedName((DeclaredType) type));
    }

    private static boolean isCollection(String name) {
        return name.equals("java.util.List") || name.equals("java.util.Set") || name.equals("java.util.Collection");
    }

    private static boolean isString(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && qualifiedName((DeclaredType) type).equals("java.lang.String");
    }

    private static String qualifiedName(DeclaredType type) {
        return ((TypeElement) type.asElement()).getQualifiedName().toString();
    }
}
