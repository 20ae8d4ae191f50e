package org.itapipe.schemas.registry;

import org.apache.avro.Schema;

/**
 * What the serdes need from a schema registry. {@link SchemaRegistryClient} talks to a real Confluent-API registry;
 * {@link InMemorySchemaRegistry} keeps schemas in memory for TopologyTestDriver tests and offline tools, as
 * Confluent's {@code mock://} registry does.
 */
public interface SchemaRegistry {

    /** Registers {@code schema} under {@code subject}, or returns its id if it is already there. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} in {@code subject}; {@link SchemaNotFoundException} if it was never registered. */
    int idOf(String subject, Schema schema);

    /** The schema with this id; {@link SchemaNotFoundException} if there is none. */
    Schema schemaById(int id);
}
