package io.missive.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.topics.TopicUsers;
import io.missive.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** The Strimzi KafkaUsers' ACLs are the catalog's: a service writes what it owns, reads what it consumes. */
class KafkaUsersUnitTest {

    @Test
    void theCommittedKafkaUsersAreGeneratedFromTheCatalog() throws IOException {
        assertThat(Files.readString(Path.of("..").resolve(KubernetesKafkaUsers.FILE)))
                .as("regenerate: run io.missive.devstack.KubernetesKafkaUsers from the repository root")
                .isEqualTo(KubernetesKafkaUsers.render());
    }

    @Test
    void everyUserWritesOnlyItsOwnTopicsAndTheDeadLettersOfWhatItReads() {
        for (var user : TopicUsers.users()) {
            var writable = new HashSet<String>();
            var readable = new HashSet<String>();
            for (var acl : KubernetesKafkaUsers.acls(user)) {
                if (acl.resourceType().equals("topic") && acl.operations().contains("Write")) {
                    writable.add(acl.name());
                }
                if (acl.resourceType().equals("topic") && acl.operations().contains("Read")) {
                    readable.add(acl.name());
                }
                assertThat(acl.operations()).as(user + " " + acl).doesNotContain("All", "Alter", "Delete", "Create");
            }
            for (var topic : Topics.ALL) {
                assertThat(writable.contains(topic.name())).as(user + " writes " + topic.name())
                        .isEqualTo(TopicUsers.writers(topic).contains(user));
                assertThat(readable.contains(topic.name())).as(user + " reads " + topic.name())
                        .isEqualTo(TopicUsers.readers(topic).contains(user));
                assertThat(writable.contains(topic.deadLetterName())).as(user + " writes " + topic.deadLetterName())
                        .isEqualTo(TopicUsers.readers(topic).contains(user));
            }
        }
    }

    @Test
    void upstreamWritesCommandsAndTheDirectoryOnly() {
        assertThat(KubernetesKafkaUsers.acls(TopicUsers.UPSTREAM)).extracting(KubernetesKafkaUsers.Acl::name)
                .containsExactlyInAnyOrder(Topics.COMMANDS_NAME, Topics.DIRECTORY_NAME);
        assertThat(TopicUsers.users()).contains("scheduler-service", "spothit-dispatcher", "aircall-dispatcher",
                "webhook-gateway", "status-tracker", TopicUsers.UPSTREAM);
    }

    @Test
    void theSharedStatusStreamIsWrittenByEveryServiceThatObservesATransition() {
        assertThat(TopicUsers.writers(Topics.STATUS)).containsExactlyInAnyOrder(
                "scheduler-service", "spothit-dispatcher", "aircall-dispatcher", "webhook-gateway");
    }

    @Test
    void theAuditTrailIsWrittenByEveryServiceThatPerformsAnAuditedActAndReadByTheTrackerAlone() {
        assertThat(TopicUsers.writers(Topics.AUDIT)).containsExactlyInAnyOrder("scheduler-service", "webhook-gateway", "console");
        assertThat(TopicUsers.readers(Topics.AUDIT)).containsExactly("status-tracker");
        assertThat(KubernetesKafkaUsers.acls("console")).extracting(KubernetesKafkaUsers.Acl::name)
                .containsExactly(Topics.AUDIT_NAME);
    }

    @Test
    void noUserIsGrantedEveryConsumerGroup() {
        for (var user : TopicUsers.users()) {
            assertThat(KubernetesKafkaUsers.acls(user)).as(user)
                    .noneSatisfy(acl -> assertThat(acl.resourceType().equals("group") && acl.name().isBlank()).isTrue());
        }
    }
}
