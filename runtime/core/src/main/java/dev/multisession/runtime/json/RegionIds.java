package dev.multisession.runtime.json;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * {@code ZoneId.of} with the last zone it gave remembered: a model's zones are mostly one region,
 * and looking a region up (its id checked, its rules fetched from the provider) was a tenth of
 * applying a model with a {@code ZonedDateTime} and a {@code ZoneId}. A text that is exactly the
 * remembered zone's id gives that zone, which is what {@code ZoneId.of} would give (an equal
 * zone); any other text goes to {@code ZoneId.of}. Internal to the runtime, for the value codecs
 * and {@link IsoTexts}.
 */
public final class RegionIds {

    /**
     * Shared by all threads without synchronisation: a zone is immutable (final fields only), so a
     * thread sees either a whole zone or the one before it, and either is a correct answer.
     */
    private static ZoneId last = ZoneOffset.UTC;

    private RegionIds() {}

    /** The zone whose id is {@code text} from {@code from} to {@code to}; as {@code ZoneId.of}, else. */
    public static ZoneId of(String text, int from, int to) {
        ZoneId zone = last;
        String id = zone.getId();
        if (id.length() == to - from && text.startsWith(id, from)) {
            return zone;
        }
        zone = ZoneId.of(text.substring(from, to));
        last = zone;
        return zone;
    }

    /** The zone {@code ZoneId.of(text)} gives. */
    public static ZoneId of(String text) {
        return of(text, 0, text.length());
    }
}
