package dev.multisession.runtime.codec;

import java.lang.reflect.Modifier;

/**
 * What a model's module-info must say so that the runtime may use the model or its generated codec
 * by reflection, naming the modules as they really are at run time: the runtime's own (its
 * {@code Automatic-Module-Name} on the module path, the unnamed module on the class path) and the
 * model's.
 */
final class ModuleAdvice {

    private ModuleAdvice() {}

    /**
     * The line to add for {@code type}: {@code exports} is enough to call public members of a public
     * class; anything else (a non-public constructor made accessible) needs {@code opens}.
     *
     * @param publicMember whether the member the runtime calls is public, in a public class
     */
    static String toReach(Class<?> type, boolean publicMember) {
        Module runtime = ModuleAdvice.class.getModule();
        String directive = (publicMember ? "exports " : "opens ") + type.getPackageName()
                + (runtime.isNamed() ? " to " + runtime.getName() : "") + ";";
        String reader = runtime.isNamed() ? "in module " + runtime.getName() : "on the class path (the unnamed module)";
        String model = type.getModule().isNamed() ? "module " + type.getModule().getName() : "its module";
        return "add '" + directive + "' to the module-info of " + model + ", so that the multisession runtime "
                + reader + " may call it";
    }

    /** Whether a member with these modifiers, declared in {@code type}, is reachable with {@code exports} alone. */
    static boolean isPublicApi(Class<?> type, int memberModifiers) {
        return Modifier.isPublic(memberModifiers) && Modifier.isPublic(type.getModifiers());
    }
}
