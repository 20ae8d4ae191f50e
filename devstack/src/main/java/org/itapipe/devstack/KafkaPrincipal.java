package org.itapipe.devstack;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;

/**
 * A SCRAM user of a secured stack's Kafka ({@link KafkaAccess.Secured}) and what it may do: the stack draws its
 * password, creates the user and these ACLs, and prints the user's login as {@code <name>.kafka.client.*}.
 */
public record KafkaPrincipal(String name, List<AclBinding> acls) {

    public KafkaPrincipal {
        acls = List.copyOf(acls);
        for (AclBinding acl : acls) {
            if (!acl.entry().principal().equals(principal(name))) {
                throw new IllegalArgumentException("an ACL of " + name + " names " + acl.entry().principal());
            }
        }
    }

    /** The principal as ACLs name it. */
    public static String principal(String name) {
        return "User:" + name;
    }
}
