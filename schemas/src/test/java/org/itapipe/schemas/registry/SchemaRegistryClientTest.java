package org.itapipe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.apache.avro.Schema;
import org.itapipe.config.Connections;
import org.itapipe.config.RegistrySettings;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client against a real Confluent-API registry (the embedded Apicurio, or external servers). */
@ExtendWith(EmbeddedStackExtension.class)
class SchemaRegistryClientTest {

    private static final Schema V1 = parse("""
            {"type":"record","name":"Probe","namespace":"org.itapipe.test","fields":[
              {"name":"orgCode","type":"string"}]}""");
    private static final Schema V2_OPTIONAL_FIELD = parse("""
            {"type":"record","name":"Probe","namespace":"org.itapipe.test","fields":[
              {"name":"orgCode","type":"string"},
              {"name":"note","type":["null","string"],"default":null}]}""");
    private static final Schema V2_REQUIRED_FIELD = parse("""
            {"type":"record","name":"Probe","namespace":"org.itapipe.test","fields":[
              {"name":"orgCode","type":"string"},
              {"name":"total","type":"int"}]}""");

    private RegistrySettings settings;
    private SchemaRegistryClient client;
    private String subject;

    @BeforeEach
    void connect(Connections connections) {
        settings = connections.registry();
        client = new SchemaRegistryClient(settings);
        subject = "probe-" + UUID.randomUUID() + "-value";
    }

    @Test
    void aRegisteredSchemaCanBeFetchedByItsIdAndItsIdLookedUp() {
        int id = client.register(subject, V1);

        SchemaRegistryClient fresh = new SchemaRegistryClient(settings);
        assertThat(fresh.schemaById(id)).isEqualTo(V1);
        assertThat(fresh.idOf(subject, V1)).isEqualTo(id);
    }

    @Test
    void registeringTheSameSchemaTwiceGivesTheSameId() {
        assertThat(client.register(subject, V1)).isEqualTo(new SchemaRegistryClient(settings)
                .register(subject, V1));
    }

    @Test
    void anAddedOptionalFieldIsBackwardCompatible() {
        client.register(subject, V1);

        assertThat(client.isCompatible(subject, V2_OPTIONAL_FIELD)).isTrue();
        assertThat(client.register(subject, V2_OPTIONAL_FIELD)).isPositive();
    }

    @Test
    void anAddedRequiredFieldIsRejectedWithTheRegistrysReason() {
        client.register(subject, V1);

        assertThat(client.isCompatible(subject, V2_REQUIRED_FIELD)).isFalse();
        assertThatThrownBy(() -> client.register(subject, V2_REQUIRED_FIELD))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining(subject)
                .satisfies(e -> assertThat(((RegistryException) e).status()).isEqualTo(409));
    }

    @Test
    void aSchemaNeverRegisteredUnderASubjectIsNotFound() {
        client.register(subject, V1);

        assertThatThrownBy(() -> client.idOf(subject, V2_OPTIONAL_FIELD)).isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void aSubjectsCompatibilityCanBeReadAndSet() {
        client.register(subject, V1);

        client.setSubjectCompatibility(subject, Compatibility.FULL);

        assertThat(client.subjectCompatibility(subject)).contains(Compatibility.FULL);
        assertThat(client.globalCompatibility()).isNotNull();
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
