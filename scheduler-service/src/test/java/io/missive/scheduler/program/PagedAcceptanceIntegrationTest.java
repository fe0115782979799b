package io.missive.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.MessagePlanned;
import io.missive.events.ProviderChoice;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.SchedulerHttp;
import io.missive.scheduler.config.SchedulerProperties;
import io.missive.scheduler.directory.jdbc.JdbcDirectory;
import io.missive.scheduler.planning.ProviderPolicy;
import io.missive.scheduler.program.jdbc.JdbcCampaigns;
import io.missive.scheduler.program.kafka.KafkaMessageOutbox;
import io.missive.scheduler.resolution.RecipientRequest;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acceptance works a page at a time; where the pages fall must change nothing. The same commands, accepted
 * with pages of 7 and with one page for everything, give the same stored campaigns (messages by seq, drops
 * by position, counts, provider) and the same MessagePlanned events. The directory puts duplicates — of a
 * parent, of a phone — on different pages, expands a tag and a group over several slices, and has every
 * drop reason, opted-out phones and a missing variable.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagedAcceptanceIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcCampaigns campaigns;

    @Autowired
    JdbcDirectory directory;

    @Autowired
    KafkaMessageOutbox outbox;

    @Autowired
    SchedulerProperties properties;

    @Autowired
    Clock clock;

    @Test
    void pagesOfSevenGiveWhatOnePageGives(TestNamespace namespace) {
        importDirectory();
        directory.optOut(List.of(phone(9), phone(21)));
        var paged = service(7);
        var whole = service(10_000);
        var commands = Map.of("groups-tags-explicit", commandA(), "supporter-and-waiting-groups", commandB());

        try (var planned = KafkaProbe.fromNow(namespace, Topics.PLANNED)) {
            int expectedEvents = 0;
            for (var command : commands.entrySet()) {
                var a = paged.accept(command.getValue().apply("paged-" + command.getKey()));
                var b = whole.accept(command.getValue().apply("whole-" + command.getKey()));
                assertThat(a.replay()).isFalse();
                assertThat(b.replay()).isFalse();
                expectedEvents += a.view().campaign().recipientCount() + b.view().campaign().recipientCount();
            }
            var events = planned.awaitEvents(MessagePlanned.class, expectedEvents, Duration.ofSeconds(30));
            planned.assertNoneArrive(Duration.ofMillis(500));

            for (var name : commands.keySet()) {
                var pagedCampaign = stored("paged-" + name, events);
                var wholeCampaign = stored("whole-" + name, events);
                assertThat(pagedCampaign.campaign()).as(name + ": campaign row").isEqualTo(wholeCampaign.campaign());
                assertThat(pagedCampaign.messages()).as(name + ": messages by seq").isEqualTo(wholeCampaign.messages());
                assertThat(pagedCampaign.dropped()).as(name + ": drops by position").isEqualTo(wholeCampaign.dropped());
                assertThat(pagedCampaign.planned()).as(name + ": MessagePlanned").isEqualTo(wholeCampaign.planned());
            }
        }

        // What the comparison covers: every rule fired, on more than one page.
        var a = stored("paged-groups-tags-explicit", List.of());
        assertThat(a.dropped()).extracting(d -> d.split(" ")[2]).contains("UNKNOWN_PARENT", "UNKNOWN_CHILD", "UNKNOWN_GROUP",
                "UNKNOWN_TAG", "GROUP_STATUS", "INVALID_PARENT_CHILD", "INVALID_PHONE", "DUPLICATE_RECIPIENT", "DUPLICATE_PHONE",
                "OPTED_OUT");
        // Pages of 7: c2 (page 1) keeps the phone c7 (page 2) shares; c1 (page 1) is parent p1, met again through t1
        // (page 3) and gB (page 5); c9 (page 2) is opted out, after every filter drop.
        assertThat(a.dropped()).hasSize(29).contains("0 child.c13 INVALID_PARENT_CHILD", "8 child.c7 DUPLICATE_PHONE",
                "11 parent.p1 DUPLICATE_RECIPIENT", "17 child.c20 DUPLICATE_RECIPIENT", "27 child.c9 OPTED_OUT",
                "28 parent.p21 OPTED_OUT");
        assertThat(a.messages()).hasSize(21).anyMatch(m -> m.contains("MISSING_VARIABLE"));
        var b = stored("paged-supporter-and-waiting-groups", List.of());
        assertThat(b.dropped()).extracting(d -> d.split(" ")[2]).contains("NOT_FOLLOWED_BY_SUPPORTER", "OPTED_OUT");

        // A replay through a paged service stores nothing new.
        var replay = paged.accept(commandA().apply("paged-groups-tags-explicit"));
        assertThat(replay.replay()).isTrue();
        assertThat(replay.view().campaign().recipientCount()).isEqualTo(21);
    }

    private ProgramService service(int pageSize) {
        return new ProgramService(campaigns, directory, outbox, new ProviderPolicy(false), properties.linkBaseUrl(), clock, pageSize);
    }

    /** A stored campaign as comparable text: message ids and link codes are checked, then replaced by what does not differ. */
    private record Stored(String campaign, List<String> messages, List<String> dropped, List<String> planned) {
    }

    private Stored stored(String commandId, List<MessagePlanned> events) {
        var campaign = jdbc.queryForObject("""
                select state || ' ' || provider || ' ' || recipient_count || ' ' || failed_count || ' ' || dropped_count || ' '
                    || coalesce(aircall_number_id, '-') || ' ' || announced from campaign where command_id = ?""", String.class, commandId);
        var keys = new HashMap<String, String>();
        var seqs = new HashMap<String, Integer>();
        var codes = new HashMap<String, String>();
        var messages = jdbc.query("""
                select seq, message_id, recipient_key, parent_id, child_id, phone, supporter_id, body, segments, encoding, link_code,
                    v_prenom_enfant, v_url, v_prenom_accompagnante, v_numero_aircall_accompagnante, v_parent_security_token,
                    v_parent_address, failure
                from campaign_message where command_id = ? order by seq""", (rs, n) -> {
            var key = rs.getString(3);
            var messageId = rs.getString(2);
            assertThat(messageId).isEqualTo(MessageIds.messageId(commandId, key));
            keys.put(messageId, key);
            seqs.put(messageId, rs.getInt(1));
            var code = rs.getString(11);
            codes.put(messageId, code);
            var row = new StringBuilder();
            for (int column = 1; column <= 18; column++) {
                if (column != 2 && column != 11) {
                    row.append(withoutCode(rs.getString(column), code)).append(" | ");
                }
            }
            return row.append(code == null ? "no link" : "link").toString();
        }, commandId);
        assertThat(codes.values().stream().filter(c -> c != null).distinct().count())
                .isEqualTo(codes.values().stream().filter(c -> c != null).count());
        var dropped = jdbc.query("select position, recipient, reason from campaign_drop where command_id = ? order by position",
                (rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3), commandId);
        var planned = new TreeMap<Integer, String>();
        for (var event : events) {
            if (event.getCampaignId().equals(commandId)) {
                var code = event.getLinkCode();
                assertThat(code).isEqualTo(codes.get(event.getMessageId()));
                planned.put(seqs.get(event.getMessageId()), String.join(" | ", keys.get(event.getMessageId()), event.getParentId(),
                        event.getChildId(), event.getPhone(), event.getProvider().name(), withoutCode(event.getBody(), code),
                        String.valueOf(event.getSegments()), event.getEncoding(), event.getSupporterId(),
                        String.valueOf(event.getPlannedAt()), event.getRedirectionUrl()));
            }
        }
        return new Stored(campaign, messages, dropped, new ArrayList<>(planned.values()));
    }

    private static @Nullable String withoutCode(@Nullable String text, @Nullable String code) {
        return text == null || code == null ? text : text.replace(code, "CODE");
    }

    private interface Command {
        ProgramCommand apply(String commandId);
    }

    private static final String LATER = Instant.parse("2099-01-01T10:00:00Z").toString();

    /** No supporter filter, active groups only: groups, tags, explicit parents and children, raw phones. */
    private static Command commandA() {
        return commandId -> new ProgramCommand(commandId, null, null, LATER, List.of(
                selector("group.gA"), selector("parent.p3"), selector("parent.nobody"), selector("child.c2"), selector("child.zz"),
                selector("group.gGhost"), selector("group.nope"), selector("group.gW"), selector("tag.t1"), selector("tag.t2"),
                selector("group.gB"),
                RecipientRequest.phone("06 99 99 99 99", Map.of("PRENOM_ENFANT", "Zoé", "PRENOM_ACCOMPAGNANTE", "Ana",
                        "PARENT_ADDRESS", "Mairie")),
                RecipientRequest.phone(phone(2), Map.of()), RecipientRequest.phone("12", Map.of()),
                RecipientRequest.phone("+33699999999", Map.of()), RecipientRequest.phone("0698989898", Map.of())),
                "Bonjour {PRENOM_ENFANT}, {PRENOM_ACCOMPAGNANTE} vous attend — {PARENT_ADDRESS}", null, null, false, "w-1", null,
                List.of(), ProviderChoice.AUTO, null, null);
    }

    /** Parents followed by s1, active and waiting groups, tracked links. */
    private static Command commandB() {
        return commandId -> new ProgramCommand(commandId, null, null, LATER, List.of(
                selector("tag.t1"), selector("group.gW"), selector("group.gB"), selector("parent.p13"), selector("child.c21"),
                selector("parent.p14"), selector("group.gA")),
                "Bonjour {PRENOM_ENFANT} : {URL}", null, "r1", true, null, "s1", List.of("active", "waiting"),
                ProviderChoice.AUTO, null, null);
    }

    private static RecipientRequest selector(String selector) {
        return RecipientRequest.selector(selector);
    }

    private static String phone(int parent) {
        return "+336000000" + String.format("%02d", parent == 7 ? 2 : parent);
    }

    /**
     * Parents p1…p24 (ids whose text order is not their number order). p4 has a bad phone, p7 shares p2's,
     * p9 and p21 are opted out, p11 has no address, p13 is followed by s2 and p14 by nobody, p15 has no child,
     * p16's only child is in a waiting group. gA has c1…c12 (parents p1…p12) and an orphan c13; gB has twelve
     * children, two of them of parents already in gA; t1 tags twelve parents.
     */
    private void importDirectory() {
        var parents = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= 24; i++) {
            var parent = new LinkedHashMap<String, Object>();
            parent.put("id", "p" + i);
            parent.put("phone", i == 4 ? "12345" : i % 2 == 0 ? "06 00 00 00 " + phone(i).substring(10) : phone(i));
            parent.put("firstName", "Parent" + i);
            parent.put("securityToken", "tok-" + i);
            if (i != 11) {
                parent.put("address", i + " rue des Lilas");
            }
            if (i != 14) {
                parent.put("supporterId", i == 13 ? "s2" : "s1");
            }
            if (List.of(1, 3, 5, 9, 10, 15, 16, 18, 19, 20, 21, 22).contains(i)) {
                parent.put("tagIds", List.of("t1"));
            }
            parents.add(parent);
        }
        var children = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= 12; i++) {
            children.add(child("c" + i, "p" + i, "gA"));
        }
        children.add(child("c13", "p404", "gA"));
        var inB = new TreeMap<String, String>(Map.of("c20", "p1", "c21", "p13", "c22", "p14", "c23", "p2", "c24", "p17",
                "c33", "p18"));
        for (int i = 19; i <= 24; i++) {
            inB.put("c" + (21 + i), "p" + i);
        }
        inB.forEach((child, parent) -> children.add(child(child, parent, "gB")));
        children.add(child("c30", "p16", "gW"));
        children.add(child("c31", "p18", "gW"));
        children.add(child("c50", "p5", "gGhost"));
        var body = new LinkedHashMap<String, Object>();
        body.put("parents", parents);
        body.put("children", children);
        body.put("groups", List.of(Map.of("id", "gA", "status", "active"), Map.of("id", "gB", "status", "active"),
                Map.of("id", "gW", "status", "waiting")));
        body.put("supporters", List.of(Map.of("id", "s1", "firstName", "Claire", "aircallNumber", "+33176543210"),
                Map.of("id", "s2", "firstName", "Inès")));
        body.put("tags", List.of(Map.of("id", "t1", "name", "one"), Map.of("id", "t2", "name", "nobody")));
        body.put("redirectionTargets", List.of(Map.of("id", "r1", "url", "https://example.org/v/1")));
        assertThat(new SchedulerHttp(port).post("/api/v1/directory/import", body).status()).isEqualTo(200);
    }

    private static Map<String, Object> child(String id, String parentId, String groupId) {
        return Map.of("id", id, "firstName", "Enfant-" + id, "parentId", parentId, "groupId", groupId);
    }
}
