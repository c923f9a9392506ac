package dev.multisession.testing.polymorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated codec of a model with polymorphic collections, called directly: its one
 * {@code ValueUpdates} call per field hands {@code PolymorphicCodec.of(...)} on, so every object
 * it builds is of the class its {@code "@type"} names, and an element whose type changed under
 * its id is replaced while one of the same type is applied in place.
 */
class GeneratedPolymorphicCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void initBuildsEachElementAsTheTypeItNames() throws Exception {
        Tab tab = new Tab();
        Tab_MultiSession.INSTANCE.initFromJson(tab, json("{'uid':'T1','rounds':["
                + "{'@type':'Round','uid':'R1','glasses':1},"
                + "{'@type':'cocktail','uid':'R2','glasses':2,'spirit':'rum'}],"
                + "'drinks':[{'@type':'Beer','uid':'D1','pints':2}]}"));

        assertSame(Round.class, tab.rounds.get(0).getClass());
        assertEquals("rum", ((CocktailRound) tab.rounds.get(1)).spirit);
        assertEquals(2, ((Beer) tab.drinks.get(0)).pints);
    }

    @Test
    void applyKeepsAnElementOfTheSameTypeAndReplacesOneWhoseTypeChanged() throws Exception {
        Tab tab = new Tab();
        tab.uid = "T1";
        Round plain = new Round("R1", 1);
        CocktailRound cocktail = new CocktailRound("R2", 2, "rum");
        tab.rounds.add(plain);
        tab.rounds.add(cocktail);

        Set<String> changed = Tab_MultiSession.INSTANCE.applyMsData(tab, json("{'rounds':["
                + "{'@type':'cocktail','uid':'R1','glasses':1,'spirit':'gin'},"
                + "{'@type':'cocktail','uid':'R2','glasses':3,'spirit':'rum'}]}"));

        assertEquals(Set.of("rounds"), changed);
        assertNotSame(plain, tab.rounds.get(0), "a plain round that became a cocktail is a new object");
        assertEquals("gin", ((CocktailRound) tab.rounds.get(0)).spirit);
        assertSame(cocktail, tab.rounds.get(1), "same type: applied in place");
        assertEquals(3, cocktail.glasses);
    }

    @Test
    void aTypeKeyThatIsNoStringOrNoTypeNameIsRefusedNotReadAsTheBase() throws Exception {
        String longName = "x".repeat(500);
        for (String type : new String[] {"5", "{}", "'has space'", "'" + longName + "'"}) {
            Tab tab = new Tab();
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Tab_MultiSession.INSTANCE.initFromJson(tab,
                            json("{'uid':'T1','rounds':[{'@type':" + type + ",'uid':'R1','glasses':1}]}")),
                    type);
            assertTrue(refused.getMessage().contains("@type"), refused.getMessage());
            assertTrue(refused.getMessage().length() < 400, "a long name is shortened: " + refused.getMessage());
        }
    }

    @Test
    void aRefusedTypeKeyNamesTheElementItWasReadUnder() throws Exception {
        Tab fresh = new Tab();
        IllegalArgumentException onInit = assertThrows(IllegalArgumentException.class,
                () -> Tab_MultiSession.INSTANCE.initFromJson(fresh, json("{'uid':'T1','rounds':["
                        + "{'@type':'Round','uid':'R1','glasses':1},{'@type':5,'uid':'R2','glasses':1}]}")));
        assertTrue(onInit.getMessage().contains("'rounds[1]'"), onInit.getMessage());

        Tab tab = new Tab();
        tab.uid = "T1";
        tab.rounds.add(new Round("R1", 1));
        IllegalArgumentException onApply = assertThrows(IllegalArgumentException.class,
                () -> Tab_MultiSession.INSTANCE.applyMsData(tab,
                        json("{'rounds':[{'@type':'has space','uid':'R1','glasses':2}]}")));
        assertTrue(onApply.getMessage().contains("'rounds[0]'"), onApply.getMessage());
        assertTrue(onApply.getMessage().contains("@type"), onApply.getMessage());
    }
}
