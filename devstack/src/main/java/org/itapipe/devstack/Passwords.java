package org.itapipe.devstack;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The stack's passwords: 128 random bits in hex, drawn at each start. */
final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    static String draw() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
