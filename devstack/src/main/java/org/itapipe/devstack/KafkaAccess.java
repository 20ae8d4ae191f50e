package org.itapipe.devstack;

import java.util.List;

/** Who may use the stack's Kafka: anyone on loopback (plain text), or SCRAM users over TLS, each within its ACLs. */
public sealed interface KafkaAccess {

    /** Plain text, no authentication, no authorization: the demo's and most tests' Kafka. */
    record Open() implements KafkaAccess {
    }

    /**
     * SASL/SCRAM-SHA-512 over TLS with a certificate drawn at each start, an authorizer that refuses whatever no ACL
     * allows, a super user {@code admin} (the stack's own setup and the operator), and {@code principals}.
     */
    record Secured(List<KafkaPrincipal> principals) implements KafkaAccess {
        public Secured {
            principals = List.copyOf(principals);
        }
    }
}
