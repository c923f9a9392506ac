package dev.multisession.processor;

import dev.multisession.processor.SchemaModel.BoundKind;
import dev.multisession.processor.SchemaModel.EnumKind;
import dev.multisession.processor.SchemaModel.FieldDef;
import dev.multisession.processor.SchemaModel.Kind;
import dev.multisession.processor.SchemaModel.ListKind;
import dev.multisession.processor.SchemaModel.MapKind;
import dev.multisession.processor.SchemaModel.ModelCollectionKind;
import dev.multisession.processor.SchemaModel.ModelDef;
import dev.multisession.processor.SchemaModel.ModelKind;
import dev.multisession.processor.SchemaModel.SetKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the schema of a root model from the elements: the synced fields of its whole hierarchy
 * as the root binds them (a {@code List<L>} of {@code Order<L>} is a list of the lines the
 * subclass names), and, the same way, every model it reaches. A type variable left unbound
 * stands for its bound. The kinds follow the codecs' own conversions: a type the codec converts
 * by data binding is a {@link BoundKind}.
 */
final class SchemaReader {

    private final Elements elements;
    private final Types types;
    private final SyncedFieldScanner scanner;
    private final PolymorphicTypes polymorphic;

    SchemaReader(Elements elements, Types types, SyncedFieldScanner scanner) {
        this.elements = elements;
        this.types = types;
        this.scanner = scanner;
        this.polymorphic = new PolymorphicTypes(scanner);
    }

    SchemaModel read(TypeElement root) {
        Map<String, ModelDef> models = new LinkedHashMap<>();
        Deque<TypeElement> toRead = new ArrayDeque<>();
        toRead.add(root);
        while (!toRead.isEmpty()) {
            TypeElement model = toRead.poll();
            String name = binaryName(model);
            if (!models.containsKey(name)) {
                models.put(name, readModel(model, toRead));
            }
        }
        return new SchemaModel(binaryName(root), models);
    }

    /** The model's fields as its own declaration binds its ancestors' type variables. */
    private ModelDef readModel(TypeElement modelElement, Deque<TypeElement> toRead) {
        ModelDef def = modelElement.getKind() == ElementKind.INTERFACE ? interfaceModel(modelElement, toRead)
                : classModel(modelElement, toRead);
        if (!polymorphic.isPolymorphic(modelElement)) {
            return def;
        }
        // the subtypes the base names; an extension's own subtypes are not known here
        Map<String, String> subtypes = new LinkedHashMap<>();
        if (PolymorphicTypes.concrete(modelElement)) {
            subtypes.put(polymorphic.typeName(modelElement), binaryName(modelElement));
        }
        for (TypeElement subtype : polymorphic.listedSubtypes(modelElement)) {
            subtypes.putIfAbsent(polymorphic.typeName(subtype), binaryName(subtype));
            toRead.add(subtype);
        }
        return new ModelDef(def.name(), def.idKey(), def.fields(), Collections.unmodifiableMap(subtypes));
    }

    /** A polymorphic interface: only the id its subtypes share. */
    private ModelDef interfaceModel(TypeElement base, Deque<TypeElement> toRead) {
        for (TypeElement subtype : polymorphic.listedSubtypes(base)) {
            if (scanner.isModel(subtype)) {
                ModelDef first = classModel(subtype, new ArrayDeque<>());
                List<FieldDef> id = first.fields().stream().filter(FieldDef::id).toList();
                return new ModelDef(binaryName(base), first.idKey(), id);
            }
        }
        return new ModelDef(binaryName(base), Optional.empty(), List.of());
    }

    private ModelDef classModel(TypeElement modelElement, Deque<TypeElement> toRead) {
        DeclaredType model = (DeclaredType) modelElement.asType();
        List<TypeElement> chain = new ArrayList<>();
        for (TypeElement type = modelElement; type != null; type = SyncedFieldScanner.superclass(type)) {
            chain.add(0, type);
        }
        List<FieldDef> fields = new ArrayList<>();
        Optional<String> idKey = Optional.empty();
        for (TypeElement declaring : chain) {
            for (SyncedFieldScanner.Annotated annotated : scanner.declaredBy(declaring)) {
                TypeMirror type = types.asMemberOf(model, annotated.field());
                Kind kind = kindOf(type, toRead);
                boolean nullable = !type.getKind().isPrimitive() && !annotated.id();
                fields.add(new FieldDef(annotated.jsonKey(), kind, nullable, annotated.merge(), annotated.id()));
                if (annotated.id()) {
                    idKey = Optional.of(annotated.jsonKey());
                }
            }
        }
        return new ModelDef(binaryName(modelElement), idKey, List.copyOf(fields));
    }

    private Kind kindOf(TypeMirror type, Deque<TypeElement> toRead) {
        if (type.getKind().isPrimitive()) {
            return SchemaKinds.of(type.getKind().name().toLowerCase(Locale.ROOT)).orElseThrow();
        }
        TypeElement model = modelType(type);
        if (model != null) {
            toRead.add(model);
            return new ModelKind(binaryName(model));
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return new BoundKind(types.erasure(type).toString());
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (arguments.size() == 1 && isCollection(name)) {
            TypeElement elementModel = modelType(arguments.get(0));
            if (elementModel != null) {
                toRead.add(elementModel);
                return new ModelCollectionKind(binaryName(elementModel), name.equals("java.util.Set"),
                        idKeyOf(elementModel));
            }
        }
        return valueKind(declared);
    }

    /** The kind of a value the codec converts itself or by data binding; models here are bound. */
    private Kind valueKind(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return new BoundKind(types.erasure(type).toString());
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        Optional<Kind> builtIn = SchemaKinds.of(name);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        if (element.getKind() == ElementKind.ENUM) {
            List<String> constants = new ArrayList<>();
            for (Element member : element.getEnclosedElements()) {
                if (member.getKind() == ElementKind.ENUM_CONSTANT) {
                    constants.add(member.getSimpleName().toString());
                }
            }
            return new EnumKind(binaryName(element), List.copyOf(constants));
        }
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (arguments.size() == 1 && isPlainValue(arguments.get(0))) {
            if (name.equals("java.util.List")) {
                return new ListKind(valueKind(arguments.get(0)));
            }
            if (name.equals("java.util.Set")) {
                return new SetKind(valueKind(arguments.get(0)));
            }
        }
        if (name.equals("java.util.Map") && arguments.size() == 2 && isString(arguments.get(0))
                && isPlainValue(arguments.get(1))) {
            return new MapKind(valueKind(arguments.get(1)));
        }
        return new BoundKind(types.erasure(type).toString());
    }

    /** The model a type names (a type variable: its bound), or null if it names none. */
    private TypeElement modelType(TypeMirror type) {
        TypeMirror candidate = type.getKind() == TypeKind.TYPEVAR ? ((TypeVariable) type).getUpperBound() : type;
        if (candidate.getKind() != TypeKind.DECLARED) {
            return null;
        }
        // a parameterized model in a field is converted by data binding, as the codec does
        if (type.getKind() == TypeKind.DECLARED && !((DeclaredType) type).getTypeArguments().isEmpty()) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) candidate).asElement();
        return scanner.isModel(element) || polymorphic.isPolymorphic(element) ? element : null;
    }

    private Optional<String> idKeyOf(TypeElement model) {
        return polymorphic.idKey(model);
    }

    private boolean isPlainValue(TypeMirror argument) {
        return argument.getKind() == TypeKind.DECLARED && modelType(argument) == null;
    }

    private static boolean isCollection(String name) {
        return name.equals("java.util.List") || name.equals("java.util.Set") || name.equals("java.util.Collection");
    }

    private static boolean isString(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.String");
    }

    private String binaryName(TypeElement type) {
        return elements.getBinaryName(type).toString();
    }
}
