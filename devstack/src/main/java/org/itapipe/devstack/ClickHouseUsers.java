package org.itapipe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The embedded server's users, defined in its configuration file because clickhouse-local has no writable access
 * storage for {@code CREATE USER}: a writer that owns the schema (the sink), and a read-only analyst. Passwords are
 * drawn at every start and only their SHA-256 is written to disk.
 */
record ClickHouseUsers(String writerPassword, String analystPassword) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static ClickHouseUsers generate() {
        return new ClickHouseUsers(randomPassword(), randomPassword());
    }

    /** The two users for a stock ClickHouse server (a users.d file), passwords hashed. */
    String usersFile() {
        return """
                <clickhouse>
                  <users>
                    <%s>
                      <password_sha256_hex>%s</password_sha256_hex>
                      <networks><ip>::/0</ip></networks>
                      <profile>default</profile><quota>default</quota>
                    </%s>
                    <%s>
                      <password_sha256_hex>%s</password_sha256_hex>
                      <networks><ip>::/0</ip></networks>
                      <profile>analyst</profile><quota>default</quota>
                    </%s>
                  </users>
                  <profiles><analyst><readonly>2</readonly></analyst></profiles>
                </clickhouse>
                """.formatted(EmbeddedClickHouse.WRITER, sha256(writerPassword), EmbeddedClickHouse.WRITER,
                EmbeddedClickHouse.ANALYST, sha256(analystPassword), EmbeddedClickHouse.ANALYST);
    }

    Path writeServerConfig(Path file) {
        String xml = """
                <clickhouse>
                  <user_directories><users_xml><path>%s</path></users_xml></user_directories>
                  <users>
                    <default>
                      <password></password>
                      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                      <profile>default</profile><quota>default</quota>
                    </default>
                    <%s>
                      <password_sha256_hex>%s</password_sha256_hex>
                      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                      <profile>default</profile><quota>default</quota>
                    </%s>
                    <%s>
                      <password_sha256_hex>%s</password_sha256_hex>
                      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                      <profile>analyst</profile><quota>default</quota>
                    </%s>
                  </users>
                  <profiles>
                    <default/>
                    <analyst><readonly>2</readonly></analyst>
                  </profiles>
                  <quotas><default/></quotas>
                </clickhouse>
                """.formatted(file.toAbsolutePath(), EmbeddedClickHouse.WRITER, sha256(writerPassword),
                EmbeddedClickHouse.WRITER, EmbeddedClickHouse.ANALYST, sha256(analystPassword),
                EmbeddedClickHouse.ANALYST);
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ClickHouse configuration " + file, e);
        }
        return file;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ClickHouseUsers[" + EmbeddedClickHouse.WRITER + ", " + EmbeddedClickHouse.ANALYST + "]";
    }
}
