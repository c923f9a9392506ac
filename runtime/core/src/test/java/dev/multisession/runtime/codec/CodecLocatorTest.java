package dev.multisession.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.runtime.codec.fixture.CurrentModel;
import dev.multisession.runtime.codec.fixture.CurrentModel_MultiSession;
import dev.multisession.runtime.codec.fixture.CurrentSubclassOfOlder;
import dev.multisession.runtime.codec.fixture.NewerModel;
import dev.multisession.runtime.codec.fixture.OlderModel;
import dev.multisession.runtime.codec.fixture.UnmarkedModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CodecLocatorTest {

    private static final String FIXTURE = "dev.multisession.runtime.codec.fixture.";

    @Test
    void generatedNamesFollowTheNestingOfTheModel() {
        assertEquals("dev.multisession.runtime.codec.CodecLocatorTest_Inner_MultiSession",
                CodecLocator.generatedName(Inner.class));
    }

    static final class Inner {}

    @Test
    void theAdviceToOpenAPackageNamesTheModuleTheRuntimeIsReallyIn() {
        // on the class path here: the runtime is in the unnamed module, which no 'opens … to' can name
        assertEquals("add 'opens dev.multisession.runtime.codec.fixture;' to the module-info of its module, so that"
                + " the multisession runtime on the class path (the unnamed module) may call it",
                ModuleAdvice.toReach(CurrentModel.class, false));
        assertEquals("add 'exports dev.multisession.runtime.codec.fixture;' to the module-info of its module, so that"
                + " the multisession runtime on the class path (the unnamed module) may call it",
                ModuleAdvice.toReach(CurrentModel.class, true));
    }

    @Test
    void aCodecOfTheRuntimesAbiIsFound() {
        assertSame(CurrentModel_MultiSession.INSTANCE, MultiSessionCodecs.forClass(CurrentModel.class));
    }

    @Test
    void aCodecOfAnOlderAbiIsRefusedBeforeItsInitialiserRunsWithTheDirectoryToRebuild() throws Exception {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> MultiSessionCodecs.forClass(OlderModel.class));

        assertEquals(FIXTURE + "OlderModel_MultiSession (the codec of " + FIXTURE + "OlderModel) was generated for"
                + " codec ABI " + (CodecAbi.VERSION - 1) + ", but this runtime supports codec ABI " + CodecAbi.VERSION
                + ": rebuild " + testClasses() + " with the multisession-processor of the multisession-runtime release"
                + " in use", error.getMessage());
    }

    @Test
    void aCodecOfANewerAbiAlsoSuggestsUpgradingTheRuntime() throws Exception {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> MultiSessionCodecs.forClass(NewerModel.class));

        assertEquals(FIXTURE + "NewerModel_MultiSession (the codec of " + FIXTURE + "NewerModel) was generated for"
                + " codec ABI " + (CodecAbi.VERSION + 1) + ", but this runtime supports codec ABI " + CodecAbi.VERSION
                + ": rebuild " + testClasses() + " with the multisession-processor of the multisession-runtime release"
                + " in use, or upgrade multisession-runtime to the release of that processor", error.getMessage());
    }

    @Test
    void aCodecWithoutVersionIsRefused() throws Exception {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> MultiSessionCodecs.forClass(UnmarkedModel.class));

        assertEquals(FIXTURE + "UnmarkedModel_MultiSession (the codec of " + FIXTURE + "UnmarkedModel) was generated"
                + " for an unversioned codec ABI (by a multisession processor older than ABI versions), but this"
                + " runtime supports codec ABI " + CodecAbi.VERSION + ": rebuild " + testClasses()
                + " with the multisession-processor of the multisession-runtime release in use", error.getMessage());
    }

    @Test
    void theCodecOfASuperclassInAnOlderJarIsCheckedToo() throws Exception {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> MultiSessionCodecs.forClass(CurrentSubclassOfOlder.class));

        assertEquals(FIXTURE + "OlderModel_MultiSession (the codec of " + FIXTURE + "OlderModel) was generated for"
                + " codec ABI " + (CodecAbi.VERSION - 1) + ", but this runtime supports codec ABI " + CodecAbi.VERSION
                + ": rebuild " + testClasses() + " with the multisession-processor of the multisession-runtime release"
                + " in use", error.getMessage());
    }

    @Test
    void aClassInANamedModuleIsReportedByItsModule() {
        assertEquals("module java.base", CodecAbiCheck.origin(String.class));
    }

    /** Where the fixtures were loaded from: the test classes directory of this module. */
    private static String testClasses() throws Exception {
        return Path.of(OlderModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
