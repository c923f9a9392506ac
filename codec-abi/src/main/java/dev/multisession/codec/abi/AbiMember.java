package dev.multisession.codec.abi;

/** A runtime member generated code names: a method or constructor it calls, or a constant it reads. */
public sealed interface AbiMember permits AbiMethod, AbiConstant {

    /** The qualified name of the class that declares the member. */
    String owner();

    /** The member's name; {@code <init>} for a constructor. */
    String name();
}
