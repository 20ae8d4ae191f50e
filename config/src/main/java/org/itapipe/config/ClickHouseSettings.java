package org.itapipe.config;

/** How to reach ClickHouse through its JDBC driver ({@code jdbc:clickhouse://host:8123/database}). */
public record ClickHouseSettings(String jdbcUrl, String user, Secret password) {

    public ClickHouseSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:clickhouse:") && !jdbcUrl.startsWith("jdbc:ch:")) {
            throw new ConfigException(Connections.CLICKHOUSE_JDBC + " must be a ClickHouse JDBC URL "
                    + "(jdbc:clickhouse://host:8123/database), got " + jdbcUrl);
        }
        user = user == null || user.isBlank() ? "default" : user;
        password = password == null ? Secret.NONE : password;
    }
}
