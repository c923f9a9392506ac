package dev.multisession.runtime.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The model of a session's orders: its root model and every model the root reaches, as the
 * processor's JSON Schema resource describes them (docs/PROTOCOL.md, "The schema").
 *
 * @param root the root model's name
 * @param models every model by name; nested and element kinds name models of this map
 */
public record SessionSchema(String root, Map<String, ModelSchema> models) {

    /** Where the processor writes the schema of a model class, relative to the class path's root. */
    public static final String RESOURCE_DIRECTORY = "META-INF/multisession/schema/";

    public SessionSchema {
        Objects.requireNonNull(root, "root");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        if (!models.containsKey(root)) {
            throw new IllegalArgumentException("the schema has no model " + root + " for its root");
        }
        for (ModelSchema model : models.values()) {
            for (Map.Entry<String, String> subtype : model.subtypes().entrySet()) {
                ModelSchema named = models.get(subtype.getValue());
                if (named == null) {
                    throw new IllegalArgumentException("type \"" + subtype.getKey() + "\" of " + model.name()
                            + " names model " + subtype.getValue() + ", which the schema does not define");
                }
                // elements are selected by the base's id key, whichever subtype they are
                if (!named.idKey().equals(model.idKey())) {
                    throw new IllegalArgumentException("subtype " + named.name() + " of " + model.name()
                            + " has another id than its base");
                }
            }
            for (FieldSchema field : model.fields().values()) {
                String named = named(field.kind());
                if (named != null && !models.containsKey(named)) {
                    throw new IllegalArgumentException("field \"" + field.key() + "\" of " + model.name()
                            + " names model " + named + ", which the schema does not define");
                }
                // the checks select elements by the collection's id key and read that field of
                // the element model: the two must agree, or every path into it would fail
                if (field.kind() instanceof ValueKind.ModelCollectionKind collection
                        && !collection.idKey().equals(models.get(collection.model()).idKey())) {
                    throw new IllegalArgumentException("field \"" + field.key() + "\" of " + model.name()
                            + " selects its elements by " + collection.idKey().map(k -> "\"" + k + "\"").orElse("no id")
                            + " but " + collection.model() + " has "
                            + models.get(collection.model()).idKey().map(k -> "the id \"" + k + "\"").orElse("no id"));
                }
            }
        }
    }

    /**
     * The schema the processor wrote for {@code modelType}, or for its nearest superclass that
     * declares synced fields (a subclass that only inherits them has no resource of its own).
     *
     * @throws IllegalArgumentException if no class of the hierarchy has a schema resource, naming
     *     what to do
     */
    public static SessionSchema forModel(Class<?> modelType) {
        for (Class<?> type = modelType; type != null && type != Object.class; type = type.getSuperclass()) {
            String resource = RESOURCE_DIRECTORY + type.getName() + ".json";
            ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    return SchemaJson.read(in, resource);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        throw new IllegalArgumentException("no schema resource for " + modelType.getName() + " (" + RESOURCE_DIRECTORY
                + modelType.getName() + ".json): compile the model with multisession-processor, and bind a concrete,"
                + " non-generic model class");
    }

    /** The schema in a JSON Schema file the processor wrote, for a hub without the model classes. */
    public static SessionSchema fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SchemaJson.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema file " + file, e);
        }
    }

    /** The root model. */
    public ModelSchema rootModel() {
        return models.get(root);
    }

    /** The model of that name (always defined: the constructor checks every name a kind uses). */
    public ModelSchema model(String name) {
        return models.get(name);
    }

    private static String named(ValueKind kind) {
        if (kind instanceof ValueKind.ModelKind model) {
            return model.model();
        }
        if (kind instanceof ValueKind.ModelCollectionKind models) {
            return models.model();
        }
        return null;
    }
}
