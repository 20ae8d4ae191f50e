package org.itapipe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The embedded server's users, defined in its configuration file because clickhouse-local has no writable access
 * storage for {@code CREATE USER}: a writer that owns the schema (the sink), and a read-only analyst. Passwords are
 * drawn at every start and only their SHA-256 is written to disk.
 */
record ClickHouseUsers(String writerPassword, String analystPassword) {

    static ClickHouseUsers generate() {
        return new ClickHouseUsers(Passwords.draw(), Passwords.draw());
    }

    /** The two users for a stock ClickHouse server (a users.d file), passwords hashed. */
    String usersFile() {
        return "<clickhouse>\n" + users("::/0", "") + "</clickhouse>\n";
    }

    /**
     * The embedded server's whole configuration: the users file is the configuration itself. Beside the writer (the
     * only account that can change anything) and the analyst it keeps {@code default}, because chDB's in-process
     * session always authenticates as {@code default} with an empty password: that account may only open the
     * listeners and read {@code system.numbers} (what {@link ChdbServer}'s serving query needs), so though it has no
     * password it can neither read nor change a table.
     */
    Path writeServerConfig(Path file) {
        String defaultUser = """
                    <default>
                      <password></password>
                      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                      <profile>default</profile><quota>default</quota>
                      <grants>
                        <query>GRANT SYSTEM LISTEN ON *.*</query>
                        <query>GRANT SELECT(number) ON system.numbers</query>
                      </grants>
                    </default>
                """;
        String xml = "<clickhouse>\n  <user_directories><users_xml><path>" + file.toAbsolutePath()
                + "</path></users_xml></user_directories>\n" + users("127.0.0.1", defaultUser)
                + "  <quotas><default/></quotas>\n</clickhouse>\n";
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ClickHouse configuration " + file, e);
        }
        return file;
    }

    /** The users section (writer, analyst, plus {@code extraUsers}) and the read-only analyst profile. */
    private String users(String network, String extraUsers) {
        return """
                  <users>
                %s    <%s>
                      <password_sha256_hex>%s</password_sha256_hex>
                      <networks><ip>%s</ip></networks>
                      <profile>default</profile><quota>default</quota>
                    </%s>
                    <%s>
                      <password_sha256_hex>%s</password_sha256_hex>
                      <networks><ip>%s</ip></networks>
                      <profile>analyst</profile><quota>default</quota>
                    </%s>
                  </users>
                  <profiles>
                    <default/>
                    <analyst>
                      <readonly>2</readonly>
                      <output_format_decimal_trailing_zeros>1</output_format_decimal_trailing_zeros>
                    </analyst>
                  </profiles>
                """.formatted(extraUsers, EmbeddedClickHouse.WRITER, sha256(writerPassword), network,
                EmbeddedClickHouse.WRITER, EmbeddedClickHouse.ANALYST, sha256(analystPassword), network,
                EmbeddedClickHouse.ANALYST);
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
