package dev.multisession.runtime.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes an {@code Instant} as JavaTimeModule writes it with dates as text, {@code Instant.toString()},
 * through {@link IsoWrites} instead of the JDK's formatter, which was most of encoding an event's
 * author. JavaTimeModule's own serializer writes everything else: a property with a
 * {@code @JsonFormat} of its own, dates as timestamps, typed values.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> implements ContextualSerializer {

    private static final long serialVersionUID = 1L;

    private final JsonSerializer<Instant> javaTime;
    /** False where a format applies to the property: then JavaTimeModule's serializer writes it. */
    private final boolean isoText;

    IsoInstantSerializer() {
        this(InstantSerializer.INSTANCE, true);
    }

    private IsoInstantSerializer(JsonSerializer<Instant> javaTime, boolean isoText) {
        super(Instant.class);
        this.javaTime = javaTime;
        this.isoText = isoText;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
            throws JsonMappingException {
        JsonSerializer<Instant> contextual =
                (JsonSerializer<Instant>) provider.handleSecondaryContextualization(javaTime, property);
        JsonFormat.Value format = findFormatOverrides(provider, property, Instant.class);
        return new IsoInstantSerializer(contextual, format == null || format.equals(JsonFormat.Value.empty()));
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (isoText && !provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
            generator.writeString(IsoWrites.instant(value));
        } else {
            javaTime.serialize(value, generator, provider);
        }
    }

    @Override
    public void serializeWithType(Instant value, JsonGenerator generator, SerializerProvider provider,
            TypeSerializer typeSerializer) throws IOException {
        javaTime.serializeWithType(value, generator, provider, typeSerializer);
    }

    @Override
    public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType hint)
            throws JsonMappingException {
        javaTime.acceptJsonFormatVisitor(visitor, hint);
    }
}
