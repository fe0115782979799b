package io.missive.devstack;

import io.missive.schemas.topics.Topic;
import io.missive.schemas.topics.TopicUsers;
import io.missive.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code deploy/kubernetes/base/kafka-users.yaml}: one Strimzi {@code KafkaUser} (SCRAM-SHA-512)
 * per service and for upstream, with ACLs from the catalog ({@link TopicUsers}): write what it owns,
 * read what it consumes and write those topics' dead letters, its consumer groups by prefix. A unit
 * test fails when the committed file differs from what this prints.
 */
public final class KubernetesKafkaUsers {

    public static final Path FILE = Path.of("deploy", "kubernetes", "base", "kafka-users.yaml");

    private KubernetesKafkaUsers() {
    }

    public static void main(String[] args) throws IOException {
        var root = Path.of(args.length > 0 ? args[0] : ".");
        Files.writeString(root.resolve(FILE), render());
        System.out.println("wrote " + root.resolve(FILE));
    }

    /** One ACL: operations on a literal topic, or on consumer groups named with a prefix. */
    public record Acl(String resourceType, String name, String patternType, List<String> operations) {
    }

    public static List<Acl> acls(String user) {
        var acls = new ArrayList<Acl>();
        for (Topic topic : Topics.ALL) {
            if (TopicUsers.writers(topic).contains(user)) {
                acls.add(new Acl("topic", topic.name(), "literal", List.of("Describe", "Write")));
            }
        }
        boolean reads = false;
        for (Topic topic : Topics.ALL) {
            if (TopicUsers.readers(topic).contains(user)) {
                reads = true;
                acls.add(new Acl("topic", topic.name(), "literal", List.of("Describe", "Read")));
                acls.add(new Acl("topic", topic.deadLetterName(), "literal", List.of("Describe", "Write")));
            }
        }
        // A user that reads nothing (upstream, the console) has no consumer group to be granted.
        if (reads) {
            // A service's groups: its name, and its listeners' own (scheduler-directory…) share the first word.
            acls.add(new Acl("group", user.substring(0, user.indexOf('-') + 1), "prefix", List.of("Describe", "Read")));
        }
        return acls;
    }

    public static String render() {
        var yaml = new StringBuilder("# Generated from the topic catalog (io.missive.schemas.topics.TopicUsers) by\n"
                + "# io.missive.devstack.KubernetesKafkaUsers: do not edit by hand.\n");
        for (var user : TopicUsers.users()) {
            yaml.append("""
                    ---
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: KafkaUser
                    metadata:
                      name: %s
                      labels:
                        strimzi.io/cluster: missive
                    spec:
                      authentication:
                        type: scram-sha-512
                      authorization:
                        type: simple
                        acls:
                    """.formatted(user));
            for (var acl : acls(user)) {
                yaml.append("""
                              - resource:
                                  type: %s
                                  name: %s
                                  patternType: %s
                                operations: [%s]
                        """.formatted(acl.resourceType(), acl.name(), acl.patternType(), String.join(", ", acl.operations())));
            }
        }
        return yaml.toString();
    }
}
