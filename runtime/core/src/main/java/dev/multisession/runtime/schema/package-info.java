/**
 * A session's model as data: {@link dev.multisession.runtime.schema.SessionSchema} holds every
 * model a root model reaches, with each synced field's key, {@link dev.multisession.runtime.schema.ValueKind
 * value kind}, nullability and merge rule. It is read from the JSON Schema resource the processor
 * writes beside the model classes ({@link dev.multisession.runtime.schema.SchemaJson}), so a hub
 * without the classes can load the same file. {@link dev.multisession.runtime.schema.OpChecks}
 * checks an operation against it before anything is applied; nothing here does I/O but reading
 * the resource, or keeps state.
 */
package dev.multisession.runtime.schema;
