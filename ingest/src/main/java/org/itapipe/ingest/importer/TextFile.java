package org.itapipe.ingest.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The text of an input file as a person hands it over: UTF-8 (with or without the byte-order mark that Excel's
 * "CSV UTF-8" writes), or Windows-874/TIS-620, common in Thai government offices, detected when the bytes are not
 * UTF-8 (or named with {@code --encoding}). A missing file, a directory, an empty file or bytes that are not text in
 * either encoding are refused with one clear line, naming the file.
 */
public final class TextFile {

    /** Windows-874 is TIS-620 plus a few punctuation marks; Java knows it as x-windows-874. */
    public static final Charset WINDOWS_874 = Charset.forName("x-windows-874");
    private static final double MAX_CONTROL_SHARE = 0.001;

    /** A file that cannot be read as text, with the reason. */
    public static final class Unreadable extends IOException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private TextFile() {
    }

    /** The file's bytes, or why there are none to read: no such file, a directory, an empty file. */
    public static byte[] bytes(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new Unreadable(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new Unreadable(file + ": is a directory, not a file");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new Unreadable(file + ": is empty");
        }
        return bytes;
    }

    /** The file's text; {@code encoding} when given, else detected. */
    public static String read(Path file, Optional<Charset> encoding) throws IOException {
        byte[] bytes = bytes(file);
        String text = encoding.map(charset -> decode(bytes, charset).orElse(null))
                .or(() -> decode(bytes, StandardCharsets.UTF_8))
                .or(() -> encoding.isEmpty() ? decode(bytes, WINDOWS_874) : Optional.empty())
                .orElseThrow(() -> new Unreadable(file + ": is not text in " + encoding.map(Charset::name)
                        .orElse("UTF-8 or Windows-874 (TIS-620)") + "; name the encoding with --encoding"));
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (controlShare(text) > MAX_CONTROL_SHARE) {
            throw new Unreadable(file + ": holds binary data, not text (" + String.format("%.1f",
                    100 * controlShare(text)) + "% control characters)");
        }
        return text;
    }

    private static Optional<String> decode(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static double controlShare(String text) {
        long control = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                .count();
        return (double) control / text.length();
    }
}
