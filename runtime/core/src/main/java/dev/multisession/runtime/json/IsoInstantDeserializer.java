package dev.multisession.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads an {@code Instant} written as {@code Instant.toString()} writes it through {@link IsoTexts},
 * without the JDK's formatter, whose general parse was a third of decoding a hub message. Every
 * other input goes to JavaTimeModule's own deserializer, which therefore gives the same value or
 * the same error as before: other texts (offsets, lowercase letters, leap seconds, years past
 * 9999, digits read as a timestamp), numbers, null, other tokens, and a property with a
 * {@code @JsonFormat} of its own, for which this deserializer steps aside altogether.
 */
final class IsoInstantDeserializer extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    private IsoInstantDeserializer() {
        super(InstantDeserializer.INSTANT);
    }

    /** A new one, typed for registration: Jackson's delegating base is declared for {@code Object}. */
    @SuppressWarnings("unchecked")
    static JsonDeserializer<Instant> create() {
        return (JsonDeserializer<Instant>) (JsonDeserializer<?>) new IsoInstantDeserializer();
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> contextual) {
        // JavaTimeModule's deserializer changed for a property's format: its pattern, not ISO, applies
        return contextual;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant read = IsoTexts.instant(parser.getText());
            if (read != null) {
                return read;
            }
        }
        return super.deserialize(parser, context);
    }
}
