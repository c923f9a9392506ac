package dev.multisession.blackbox.jpms;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisession.blackbox.jpms.kitchen.Docket;
import dev.multisession.blackbox.jpms.pos.TakeawayTicket;
import dev.multisession.blackbox.jpms.pos.Ticket;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Uses the codecs of the module's models from the module path and prints what became of them, one
 * result a line, for the launching test to read.
 */
public final class Main {

    private Main() {}

    /**
     * Round-trips a ticket and a takeaway ticket, then asks for the codec of an unexported model.
     *
     * @param args none
     * @throws Exception if the JSON cannot be read
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String json = "{\"uid\":\"t1\",\"table_id\":\"T5\",\"guests\":4,\"day\":\"2026-12-03\",\"tip\":2.50,"
                + "\"lines\":[{\"uid\":\"a\",\"qty\":2,\"note\":\"no ice\"}]}";
        out.println("ticket " + roundTrip(MultiSessionCodecs.forClass(Ticket.class), json));
        out.println("takeaway " + roundTrip(MultiSessionCodecs.forClass(TakeawayTicket.class), json));
        out.println("ticket codec in " + MultiSessionCodecs.forClass(Ticket.class).getClass().getModule().getName());
        try {
            MultiSessionCodecs.forClass(Docket.class);
            out.println("docket found");
        } catch (RuntimeException e) {
            out.println("docket refused: " + e.getMessage());
        }
    }

    private static <T> String roundTrip(MultiSessionCodec<T> codec, String json) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        T model = codec.newInstance();
        codec.initFromJson(model, mapper.readTree(json));
        String exported = codec.exportAsJson(model).toString();
        T copy = codec.newInstance();
        codec.initFromJson(copy, mapper.readTree(exported));
        return model.getClass().getSimpleName() + " " + codec.exportAsJson(copy) + " changed "
                + codec.applyMsData(copy, mapper.readTree("{\"table_id\":\"T7\",\"lines\":[]}"));
    }
}
