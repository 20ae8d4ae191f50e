package org.itapipe.sink.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itapipe.config.ClasspathDirectory;

/**
 * Versioned SQL migrations ({@code V<n>__<name>.sql} in this package's resources), applied in order at sink start and
 * recorded in {@code itapipe_migrations} with their SHA-256. A migration already applied is skipped; one whose text
 * changed since it was applied is refused (write a new migration instead). Statements are separated by {@code ;} at
 * the end of a line.
 */
public final class Migrations {

    static final String RESOURCE_DIRECTORY = "org/itapipe/sink/migrations";
    private static final String VIEWS_RESOURCE = "/org/itapipe/sink/views.sql";
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([\\w-]+)\\.sql");

    /** One migration file. */
    public record Migration(int version, String name, String sql, String checksum) {
    }

    private Migrations() {
    }

    public static List<Migration> builtIn() {
        return fromFiles(ClasspathDirectory.files(RESOURCE_DIRECTORY));
    }

    /**
     * The migrations in {@code files}, in version order. A file that is not named {@code V<n>__<name>.sql}, or a
     * version given twice, is refused: either would otherwise be skipped or applied in an order nobody chose.
     */
    static List<Migration> fromFiles(List<Path> files) {
        Map<Integer, Migration> byVersion = new TreeMap<>();
        for (Path file : files) {
            Matcher name = FILE_NAME.matcher(file.getFileName().toString());
            if (!name.matches()) {
                throw new MigrationException(file.getFileName() + " in " + RESOURCE_DIRECTORY
                        + " is not named V<n>__<name>.sql");
            }
            String sql = read(file);
            Migration migration = new Migration(Integer.parseInt(name.group(1)), name.group(2), sql, sha256(sql));
            Migration twin = byVersion.putIfAbsent(migration.version(), migration);
            if (twin != null) {
                throw new MigrationException("V" + migration.version() + " is given twice (" + twin.name() + ", "
                        + migration.name() + ")");
            }
        }
        return List.copyOf(byVersion.values());
    }

    /**
     * Replaces every analyst view from {@code views.sql}: views hold no data, so they are defined once there and
     * replaced at each start, after the migrations, rather than migrated.
     */
    public static void replaceViews(Connection connection) {
        String sql;
        try (var in = Migrations.class.getResourceAsStream(VIEWS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VIEWS_RESOURCE + " is missing from the classpath");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VIEWS_RESOURCE, e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String view : statements(sql)) {
                try {
                    statement.execute(view);
                } catch (SQLException e) {
                    throw new MigrationException(VIEWS_RESOURCE + " failed at: " + firstLine(view) + ": "
                            + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot replace the views: " + e.getMessage(), e);
        }
    }

    /** Applies what is missing; returns the names applied now. */
    public static List<String> apply(Connection connection, List<Migration> migrations) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS itapipe_migrations (version UInt32, name String, "
                    + "checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) "
                    + "ENGINE = MergeTree ORDER BY version");
            Map<Integer, String> applied = applied(statement);
            List<String> appliedNow = new ArrayList<>();
            for (Migration migration : migrations) {
                String label = "V" + migration.version() + "__" + migration.name();
                String recorded = applied.get(migration.version());
                if (recorded != null) {
                    if (!recorded.equals(migration.checksum())) {
                        throw new MigrationException(label + " was changed after it was applied (checksum "
                                + recorded + " recorded, " + migration.checksum() + " now): never edit an applied "
                                + "migration, add a new one");
                    }
                    continue;
                }
                for (String sql : statements(migration.sql())) {
                    try {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        throw new MigrationException(label + " failed at: " + firstLine(sql) + ": " + e.getMessage(), e);
                    }
                }
                record(connection, migration);
                appliedNow.add(label);
            }
            return appliedNow;
        } catch (SQLException e) {
            throw new MigrationException("cannot read or write itapipe_migrations: " + e.getMessage(), e);
        }
    }

    private static Map<Integer, String> applied(Statement statement) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT version, checksum FROM itapipe_migrations")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static void record(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO itapipe_migrations (version, name, checksum) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.name());
            insert.setString(3, migration.checksum());
            insert.executeUpdate();
        }
    }

    static List<String> statements(String sql) {
        StringBuilder withoutComments = new StringBuilder();
        sql.lines().filter(line -> !line.strip().startsWith("--"))
                .forEach(line -> withoutComments.append(line).append('\n'));
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";\\s*\n")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip().replaceAll(";$", ""));
            }
        }
        return statements;
    }

    private static String firstLine(String sql) {
        return sql.lines().findFirst().orElse("");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + file, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
