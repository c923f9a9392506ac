package dev.multisession.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.codec.abi.ValueCodecs;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remembered zone is given only for exactly its id; every text gives what {@code ZoneId.of} gives. */
class RegionIdsTest {

    @Test
    void everyTextGivesTheZoneZoneIdOfGives() {
        List<String> texts = List.of("Europe/Paris", "Europe/Paris", "Z", "UTC", "UTC+01:00", "+01:00", "+1", "GMT",
                "America/New_York", "Europe/Paris", "Z", "Z", "+01:00", "+01:00:00", "Etc/GMT+5", "Europe/Paris");
        for (String text : texts) {
            assertEquals(ZoneId.of(text), RegionIds.of(text), text);
            assertEquals(ZoneId.of(text), RegionIds.of("[" + text + "]", 1, text.length() + 1), text);
        }
    }

    @Test
    void aTextThatOnlyStartsOrEndsLikeTheRememberedIdIsLookedUp() {
        assertEquals(ZoneId.of("Europe/Paris"), RegionIds.of("Europe/Paris"));
        assertThrows(DateTimeException.class, () -> RegionIds.of("Europe/Pari"));
        assertThrows(DateTimeException.class, () -> RegionIds.of("Europe/Parisx"));
        assertThrows(DateTimeException.class, () -> RegionIds.of("europe/paris"));
        assertEquals(ZoneId.of("Europe/Paris"), RegionIds.of("xEurope/Paris]", 1, 13));
    }

    @Test
    void theCodecsReadZonesAsBefore() {
        assertEquals(ZoneId.of("Asia/Kolkata"),
                ValueCodecs.ZONE_ID.fromJson(TextNode.valueOf("Asia/Kolkata"), "zone"));
        assertEquals(ZonedDateTime.parse("2025-03-14T19:00+01:00[Europe/Paris]"), ValueCodecs.ZONED_DATE_TIME
                .fromJson(TextNode.valueOf("2025-03-14T19:00+01:00[Europe/Paris]"), "at"));
    }
}
