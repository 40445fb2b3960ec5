package org.example.payload;

import java.io.Serializable;

/**
 * Test-only stand-in for a deserialization gadget: a class outside the model file allow-list
 * whose static initialiser records that it ran (as an attacker's code would run there).
 */
public class StaticInitPayload implements Serializable {
    private static final long serialVersionUID = 42L;
    /** System property set by the static initialiser. */
    public static final String RAN = "trollwatch.test.payloadInitialised";

    static {
        System.setProperty(RAN, "true");
    }
}
