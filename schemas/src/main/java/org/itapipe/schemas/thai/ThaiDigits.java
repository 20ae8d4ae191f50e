package org.itapipe.schemas.thai;

/** Thai digits (๐๑๒๓๔๕๖๗๘๙, U+0E50..U+0E59) to ASCII digits and back; every other character is kept. */
public final class ThaiDigits {

    private static final char THAI_ZERO = '\u0E50';

    private ThaiDigits() {
    }

    /** ๙๔.๓๐ becomes 94.30. */
    public static String toAscii(String text) {
        if (text.chars().noneMatch(ThaiDigits::isThaiDigit)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isThaiDigit(c) ? (char) ('0' + (c - THAI_ZERO)) : c);
        }
        return out.toString();
    }

    private static boolean isThaiDigit(int c) {
        return c >= THAI_ZERO && c <= THAI_ZERO + 9;
    }

    /** 94.30 becomes ๙๔.๓๐. */
    public static String toThai(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '0' && c <= '9' ? (char) (THAI_ZERO + (c - '0')) : c);
        }
        return out.toString();
    }
}
