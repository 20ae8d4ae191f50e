package org.itapipe.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A registry in memory: ids are given in registration order and a subject keeps every schema registered under it.
 * It checks no compatibility; it exists so that topology unit tests run without a server.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, Map<Schema, Integer>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        Integer existing = subjects.computeIfAbsent(subject, s -> new HashMap<>()).get(schema);
        if (existing != null) {
            return existing;
        }
        int id = schemas.indexOf(schema) >= 0 ? schemas.indexOf(schema) + 1 : add(schema);
        subjects.get(subject).put(schema, id);
        return id;
    }

    private int add(Schema schema) {
        schemas.add(schema);
        return schemas.size();
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        Integer id = subjects.getOrDefault(subject, Map.of()).get(schema);
        if (id == null) {
            throw new SchemaNotFoundException("schema not registered under subject " + subject);
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new SchemaNotFoundException("no schema with id " + id);
        }
        return schemas.get(id - 1);
    }
}
