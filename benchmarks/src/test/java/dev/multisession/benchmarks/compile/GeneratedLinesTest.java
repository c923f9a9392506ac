package dev.multisession.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multisession.benchmarks.compile.GeneratedLines.Codec;
import dev.multisession.benchmarks.compile.GeneratedLines.Fit;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedLinesTest {

    @Test
    void countsNonBlankLinesAndOneFieldPerMetadataStatement() {
        String source = """
                package com.acme;

                public final class A_MultiSession {
                  static void addFields(List<SyncedField> fields) {
                    fields.add(SyncedField.id("uid"));

                    fields.add(SyncedField.value("qty", Merge.COUNTER));
                  }
                }
                """;

        assertEquals(new Codec("A", 7, 2), GeneratedLines.count("A", source));
    }

    @Test
    void fitsLinesPerFieldAndPerClass() {
        // 14 lines per class and 3 per field, exactly
        Fit fit = GeneratedLines.fit(List.of(new Codec("A", 20, 2), new Codec("B", 26, 4), new Codec("C", 14, 0)));

        assertEquals(3.0, fit.perField(), 1e-9);
        assertEquals(14.0, fit.perClass(), 1e-9);
        assertEquals(60, fit.lines());
        assertEquals(6, fit.fields());
    }
}
