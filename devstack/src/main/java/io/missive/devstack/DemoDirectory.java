package io.missive.devstack;

import io.missive.events.ChildRecord;
import io.missive.events.GroupRecord;
import io.missive.events.ParentRecord;
import io.missive.events.RedirectionTargetRecord;
import io.missive.events.SupporterRecord;
import io.missive.events.TagRecord;
import io.missive.schemas.serde.EventSerializer;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.ProviderSimulators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Demo data for the directory, published to {@code missive.directory} as an upstream system would:
 * parents with children in groups of several statuses, tags, supporters with Aircall numbers and a
 * redirection target. Deterministic (same seed, same data), so reruns overwrite rather than add.
 */
public final class DemoDirectory {

    public static final String REDIRECTION_TARGET_ID = "1";
    /** A per-parent directory variable (issue 16): every parent has it but one in ten (3, 13, 23…). */
    public static final String CALENDLY_VARIABLE = "CALL0_CALENDLY_LINK";
    private static final String[] FIRST_NAMES = {"Awa", "Lina", "Noé", "Inès", "Léo", "Sofia", "Adam", "Jade",
            "Yanis", "Chloé", "Maël", "Zoé", "Naël", "Lou", "Ibrahim", "Élise", "Hugo", "Mia", "Ayoub", "Rose"};
    private static final String[] GROUP_STATUSES = {"active", "active", "active", "active", "waiting", "stopped"};

    private DemoDirectory() {
    }

    /** The Aircall number id of demo supporter {@code s}. */
    public static String aircallNumberId(int supporter) {
        return ProviderSimulators.aircallNumberId(supporter);
    }

    /** The Aircall number (digits) of demo supporter {@code s}. */
    public static String aircallDigits(int supporter) {
        return ProviderSimulators.aircallDigits(supporter);
    }

    /** Whether demo parent {@code p} is a valid recipient of an active-groups campaign (valid phone, first child in an active group). */
    public static boolean hasCalendlyLink(int parent) {
        return parent % 10 != 3;
    }

    public static String calendlyLink(int parent) {
        return "https://calendly.com/missive-demo/call0-" + parent;
    }

    public static boolean isEligible(int parent, Summary directory) {
        return parent % 100 != 0 && directory.activeGroupIds().contains(Integer.toString(1 + parent % directory.groups()));
    }

    /**
     * Whether demo parent {@code p} has a valid phone and one child only, in a {@code waiting} group: a recipient of a
     * campaign asking {@code groupStatus: [waiting]}, and of no active-groups campaign.
     */
    public static boolean isInAWaitingGroupOnly(int parent, Summary directory) {
        int group = 1 + parent % directory.groups();
        return parent % 100 != 0 && parent % 7 != 0 && GROUP_STATUSES[group % GROUP_STATUSES.length].equals("waiting");
    }

    /** The supporter who follows demo parent {@code p}: an Aircall message to that parent must come from them. */
    public static String supporterOf(int parent, Summary directory) {
        return supporterOf(parent, directory.supporters());
    }

    private static String supporterOf(int parent, int supporters) {
        return Integer.toString(1 + parent % supporters);
    }

    /** What was published, for the summary line and for the demo's expectations. */
    public record Summary(int parents, int children, int groups, List<String> activeGroupIds, int supporters) {

        public int activeGroups() {
            return activeGroupIds.size();
        }
    }

    /** The demo directory of {@code parents} parents: its records (by directory key) and a summary. */
    public record Generated(List<Map.Entry<String, SpecificRecord>> records, Summary summary) {

        /** Publishes every record to the directory topic, as an upstream system would. */
        public void publish(String bootstrapServers, String topicPrefix) {
            send(bootstrapServers, topicPrefix + Topics.DIRECTORY_NAME, records);
        }

        /**
         * Loads the records through the scheduler's bulk import ({@code POST /api/v1/directory/import}),
         * in chunks; when it returns, the scheduler can resolve every recipient.
         */
        public void importInto(Stack stack) {
            DirectoryImport.post(stack.url("scheduler-service"), stack::accessToken, records);
        }
    }

    public static Generated generate(int parents) {
        var records = new ArrayList<Map.Entry<String, SpecificRecord>>();
        var random = new Random(42);
        int supporters = Math.max(1, parents / 100);
        int groups = Math.max(GROUP_STATUSES.length, parents / 50);
        for (int s = 1; s <= supporters; s++) {
            records.add(Map.entry("supporter:" + s, SupporterRecord.newBuilder().setId(Integer.toString(s))
                    .setFirstName(FIRST_NAMES[s % FIRST_NAMES.length])
                    .setAircallNumber(aircallDigits(s))
                    .setAircallNumberId(aircallNumberId(s)).build()));
        }
        var activeGroupIds = new ArrayList<String>();
        for (int g = 1; g <= groups; g++) {
            var status = GROUP_STATUSES[g % GROUP_STATUSES.length];
            if (status.equals("active")) {
                activeGroupIds.add(Integer.toString(g));
            }
            records.add(Map.entry("group:" + g, GroupRecord.newBuilder().setId(Integer.toString(g))
                    .setName("Groupe " + g).setStatus(status).build()));
        }
        for (var tag : List.of("1:newsletter", "2:ateliers", "3:relance")) {
            var parts = tag.split(":");
            records.add(Map.entry("tag:" + parts[0], TagRecord.newBuilder().setId(parts[0]).setName(parts[1]).build()));
        }
        records.add(Map.entry("redirection:" + REDIRECTION_TARGET_ID, RedirectionTargetRecord.newBuilder()
                .setId(REDIRECTION_TARGET_ID).setUrl("https://example.org/videos/bienvenue").setName("Vidéo de bienvenue").build()));
        int children = 0;
        for (int p = 1; p <= parents; p++) {
            var id = Integer.toString(p);
            // One parent in a hundred has a number that cannot be an SMS recipient: the demo shows it dropped.
            var phone = p % 100 == 0 ? "12345" : "06%08d".formatted(10_000_000 + p);
            records.add(Map.entry("parent:" + id, ParentRecord.newBuilder().setId(id).setPhone(phone)
                    .setFirstName(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)])
                    .setSecurityToken("tok-" + Long.toHexString(random.nextLong()))
                    .setAddress(p + " rue des Écoles, 75005 Paris")
                    .setTagIds(List.of(Integer.toString(1 + p % 3)))
                    .setSupporterId(supporterOf(p, supporters))
                    .setVariables(hasCalendlyLink(p) ? Map.of(CALENDLY_VARIABLE, calendlyLink(p)) : Map.of()).build()));
            int childrenOfParent = p % 7 == 0 ? 2 : 1;
            for (int c = 0; c < childrenOfParent; c++) {
                children++;
                var childId = Integer.toString(p * 10 + c);
                records.add(Map.entry("child:" + childId, ChildRecord.newBuilder().setId(childId)
                        .setFirstName(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)]).setParentId(id)
                        .setGroupId(Integer.toString(1 + (p + c) % groups)).build()));
            }
        }
        return new Generated(List.copyOf(records), new Summary(parents, children, groups, List.copyOf(activeGroupIds), supporters));
    }

    private static void send(String bootstrapServers, String topic, List<Map.Entry<String, SpecificRecord>> records) {
        var serializer = new EventSerializer();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10),
                new StringSerializer(), new ByteArraySerializer())) {
            for (var record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), serializer.toBytes(record.getValue())));
            }
            producer.flush();
        }
    }
}
