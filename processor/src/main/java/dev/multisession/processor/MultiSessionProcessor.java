package dev.multisession.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Writes a {@code <Simple>_MultiSession} codec for every class that declares
 * {@code @MultiSessionField} or {@code @MultiSessionId} fields, and for each such class that is
 * concrete and not generic a JSON Schema resource {@code META-INF/multisession/schema/<binary name>.json}
 * that a hub binds a session to.
 *
 * <p>Isolating: each generated file has exactly one originating element, the model class, and
 * nothing is aggregated. A class whose synced superclass has no codec yet (because another
 * processor generates that superclass) is deferred by name to the next round; the final round
 * reports what never appeared. A class whose private fields lack accessors that Lombok is to write
 * ({@link LombokAccessors}) waits the same way, with its subclasses, so that Lombok may run before
 * or after this processor; as nothing else reads a codec, one still waiting when processing is over
 * is written in that last round, or refused if Lombok never wrote its accessors. An unexpected
 * exception is reported on the class at hand and the other classes are still processed.
 */
@AutoService(Processor.class)
public final class MultiSessionProcessor extends AbstractProcessor {

    /** Deferred classes by qualified name, with the name of what they wait for. */
    private final Map<String, String> deferred = new LinkedHashMap<>();
    /** Classes, by qualified name, whose accessors Lombok has not written yet (it runs after this processor). */
    private final Set<String> awaitingLombok = new LinkedHashSet<>();
    /** Models whose codec was written, or that failed validation, in any round. */
    private final Set<String> handled = new HashSet<>();
    private final Set<String> failed = new HashSet<>();
    /** Codec name → the model it was written for in this compilation: two models may map to one name. */
    private final Map<String, String> codecOwners = new HashMap<>();

    private Elements elements;
    private DiagnosticReporter reporter;
    private SyncedFieldScanner scanner;
    private ModelReader reader;
    private ModelValidator validator;
    private PackageShadows shadows;
    private CodecWriter writer;
    private SchemaReader schemaReader;
    private SchemaWriter schemaWriter;
    private LombokAccessors lombok;
    /** Whether the round being processed is the last: nothing may wait any longer. */
    private boolean lastRound;
    private SubtypeValidator subtypeValidator;
    private SubtypeResources subtypeResources;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        elements = processingEnv.getElementUtils();
        reporter = new DiagnosticReporter(processingEnv.getMessager());
        scanner = new SyncedFieldScanner();
        reader = new ModelReader(elements, processingEnv.getTypeUtils(), scanner);
        lombok = new LombokAccessors();
        validator = new ModelValidator(reporter, processingEnv.getTypeUtils(), scanner, lombok);
        shadows = new PackageShadows(elements);
        writer = new CodecWriter(new CodecModuleAnnotations(elements), shadows);
        schemaReader = new SchemaReader(elements, processingEnv.getTypeUtils(), scanner);
        schemaWriter = new SchemaWriter();
        subtypeValidator = new SubtypeValidator(reporter, processingEnv.getTypeUtils(), scanner);
        subtypeResources = new SubtypeResources(processingEnv.getFiler(), elements, scanner);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(SyncedFieldScanner.FIELD_ANNOTATION, SyncedFieldScanner.ID_ANNOTATION,
                PolymorphicTypes.SUBTYPES_ANNOTATION, PolymorphicTypes.TYPE_NAME_ANNOTATION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        scanner.startRound();
        reader.startRound();
        shadows.startRound();
        lastRound = round.processingOver();
        if (lastRound && awaitingLombok.isEmpty()) {
            reportNeverGenerated();
            return false;
        }
        Set<TypeElement> candidates = new LinkedHashSet<>();
        for (String name : deferred.keySet()) {
            addByName(name, candidates);
        }
        awaitingLombok.forEach(name -> addByName(name, candidates));
        deferred.clear();
        awaitingLombok.clear();
        if (!lastRound) {
            for (TypeElement annotation : annotations) {
                String annotationName = annotation.getQualifiedName().toString();
                for (Element annotated : round.getElementsAnnotatedWith(annotation)) {
                    if (annotationName.equals(PolymorphicTypes.SUBTYPES_ANNOTATION)
                            || annotationName.equals(PolymorphicTypes.TYPE_NAME_ANNOTATION)) {
                        if (annotated instanceof TypeElement type) {
                            processPolymorphic(type, annotationName.equals(PolymorphicTypes.SUBTYPES_ANNOTATION));
                        }
                    } else if (annotated.getEnclosingElement() instanceof TypeElement type) {
                        candidates.add(type);
                    }
                }
            }
        }
        Set<String> pending = new HashSet<>(handled);
        candidates.forEach(type -> pending.add(type.getQualifiedName().toString()));
        // Ancestors first, so that a subclass sees whether its ancestor's codec could be written.
        List<TypeElement> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparingInt(MultiSessionProcessor::depth));
        for (TypeElement type : ordered) {
            process(type, pending);
        }
        if (lastRound) {
            // the models that waited for Lombok were written just now; what still waits never will be
            reportNeverGenerated();
        }
        return false;
    }

    /** Adds the class of that name as it is in this round (a later round may hold a new element for it). */
    private void addByName(String name, Set<TypeElement> candidates) {
        TypeElement type = elements.getTypeElement(name);
        if (type != null) {
            candidates.add(type);
        }
    }

    private void process(TypeElement type, Set<String> pending) {
        String name = type.getQualifiedName().toString();
        try {
            ModelReader.Result result = reader.read(type, pending);
            if (result instanceof ModelReader.Result.Deferred waiting) {
                deferred.put(name, waiting.missing());
                return;
            }
            ModelClass model = ((ModelReader.Result.Read) result).model();
            TypeElement waitingAncestor = ancestorAwaitingLombok(type);
            if (waitingAncestor != null) {
                // its codec chains to the ancestor's, which is written once Lombok has run
                deferred.put(name, CodecNames.qualifiedCodecOf(waitingAncestor));
                return;
            }
            if (!lastRound && awaitsLombok(model)) {
                awaitingLombok.add(name);
                return;
            }
            handled.add(name);
            if (ancestorFailed(type)) {
                // Its ancestor's errors are reported already; a codec here would only add missing-symbol noise.
                failed.add(name);
                return;
            }
            if (!validator.validate(model)) {
                failed.add(name);
                return;
            }
            String codecName = model.codecName().canonicalName();
            String claimant = codecOwners.putIfAbsent(codecName, name);
            if (claimant != null) {
                failed.add(name);
                reporter.report(Message.CODEC_NAME_CLASH, type, name, codecName, claimant);
                return;
            }
            try {
                writeSource(writer.write(model), type);
            } catch (FilerException taken) {
                // a class of that name exists already in the sources, written by hand
                failed.add(name);
                reporter.report(Message.CODEC_NAME_CLASH, type, name, codecName, "a class of the sources");
                return;
            }
            if (!model.facts().isAbstract() && !model.isGeneric()) {
                writeSchema(type);
            }
        } catch (IOException | RuntimeException e) {
            failed.add(name);
            reporter.report(Message.UNEXPECTED, type, name, stackTrace(e));
        }
    }

    /** Checks a polymorphic base or a named subtype and writes the resources the runtime finds subtypes by. */
    private void processPolymorphic(TypeElement type, boolean base) {
        try {
            if (base ? subtypeValidator.validateBase(type) : subtypeValidator.validateNamed(type)) {
                if (base) {
                    subtypeResources.writeBase(type);
                } else {
                    subtypeResources.writeNamed(type);
                }
            }
        } catch (IOException | RuntimeException e) {
            reporter.report(Message.UNEXPECTED, type, type.getQualifiedName(), stackTrace(e));
        }
    }

    /**
     * Writes a generated file. JavaPoet appends in many small pieces and the Filer's writer
     * encodes each one on its own, so the source is rendered into memory and written at once.
     */
    private void writeSource(JavaFile file, TypeElement origin) throws IOException {
        StringBuilder source = new StringBuilder(16_384);
        file.writeTo(source);
        String name = file.packageName().isEmpty() ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        try (Writer out = processingEnv.getFiler().createSourceFile(name, origin).openWriter()) {
            out.append(source);
        }
    }

    /** Writes the JSON Schema resource of a model a session can be bound to: a concrete, non-generic class. */
    private void writeSchema(TypeElement type) throws IOException {
        SchemaModel schema = schemaReader.read(type);
        String text = schemaWriter.write(schema);
        // bytes, not a Writer: the Filer's writer encodes in the platform charset, the schema is UTF-8
        try (OutputStream out = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                SchemaWriter.resourceName(schema.root()), type).openOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether a private field lacks accessors that Lombok, not run yet, is to write. */
    private boolean awaitsLombok(ModelClass model) {
        for (SyncedProperty property : model.properties()) {
            if (property.access().isEmpty()
                    && lombok.writesMissing(model.element(), property.element(), property.missingAccessors())) {
                return true;
            }
        }
        return false;
    }

    private TypeElement ancestorAwaitingLombok(TypeElement type) {
        for (TypeElement ancestor = SyncedFieldScanner.superclass(type); ancestor != null;
                ancestor = SyncedFieldScanner.superclass(ancestor)) {
            if (awaitingLombok.contains(ancestor.getQualifiedName().toString())) {
                return ancestor;
            }
        }
        return null;
    }

    private boolean ancestorFailed(TypeElement type) {
        for (TypeElement ancestor = SyncedFieldScanner.superclass(type); ancestor != null;
                ancestor = SyncedFieldScanner.superclass(ancestor)) {
            if (failed.contains(ancestor.getQualifiedName().toString())) {
                return true;
            }
        }
        return false;
    }

    private void reportNeverGenerated() {
        for (Map.Entry<String, String> waiting : deferred.entrySet()) {
            TypeElement type = elements.getTypeElement(waiting.getKey());
            TypeElement ancestor = type == null ? null : SyncedFieldScanner.superclass(type);
            while (ancestor != null && !scanner.declaresSyncedFields(ancestor)) {
                ancestor = SyncedFieldScanner.superclass(ancestor);
            }
            if (type != null) {
                reporter.report(Message.SUPERCLASS_NOT_GENERATED, type, waiting.getValue(),
                        ancestor == null ? "of " + waiting.getKey() : ancestor.getQualifiedName(), waiting.getKey());
            }
        }
        deferred.clear();
    }

    private static int depth(TypeElement type) {
        int depth = 0;
        for (TypeElement ancestor = SyncedFieldScanner.superclass(type); ancestor != null;
                ancestor = SyncedFieldScanner.superclass(ancestor)) {
            depth++;
        }
        return depth;
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
