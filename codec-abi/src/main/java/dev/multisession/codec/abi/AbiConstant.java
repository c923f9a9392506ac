package dev.multisession.codec.abi;

import java.util.Objects;

/**
 * A {@code public static final} field generated code reads.
 *
 * @param owner the qualified name of the declaring class
 * @param name the field's name
 * @param type the qualified name of the field's erased type
 */
public record AbiConstant(String owner, String name, String type) implements AbiMember {

    public AbiConstant {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return type + " " + owner + "." + name;
    }
}
