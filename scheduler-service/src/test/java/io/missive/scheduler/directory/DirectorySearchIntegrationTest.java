package io.missive.scheduler.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.scheduler.SchedulerHttp;
import io.missive.schemas.access.Scopes;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.access.AccessTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The console's recipient pickers: {@code GET /api/v1/directory/search}, behind programs:write, folded, indexed. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectorySearchIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void directory() {
        var parents = new ArrayList<Map<String, Object>>(List.of(
                Map.of("id", "s-elodie", "firstName", "Élodie", "phone", "+33611000001"),
                Map.of("id", "s-elodie2", "firstName", "ELODIE", "phone", "+33611000002"),
                Map.of("id", "s-amelie", "firstName", "Amélie", "phone", "+33611000003"),
                Map.of("id", "s-helene", "firstName", "Hélène", "phone", "+33611000004"),
                Map.of("id", "s-percent", "firstName", "100% Zoé", "phone", "+33611000005")));
        for (int i = 1; i <= 30; i++) {
            parents.add(Map.of("id", "s-marie-" + (100 + i), "firstName", "Marie", "phone", "+336120001" + (10 + i)));
        }
        var reply = new SchedulerHttp(port).post("/api/v1/directory/import", Map.of("parents", parents,
                "children", List.of(Map.of("id", "s-lea", "firstName", "Léa", "parentId", "s-elodie", "groupId", "s-ms"),
                        Map.of("id", "s-tom", "firstName", "Tom", "parentId", "s-elodie", "groupId", "s-ms")),
                "groups", List.of(Map.of("id", "s-ms", "name", "Moyenne section — Écoles Nord"),
                        Map.of("id", "s-gs", "name", "Grande section")),
                "tags", List.of(Map.of("id", "s-reunion", "name", "Réunion de rentrée"))));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    }

    @Test
    void withoutATokenOrWithoutProgramsWriteTheSearchIsRefused() throws Exception {
        var client = HttpClient.newHttpClient();
        var uri = URI.create("http://localhost:" + port + "/api/v1/directory/search?kind=parent&q=elo");
        var anonymous = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        var readOnly = client.send(HttpRequest.newBuilder(uri).header("Authorization",
                AccessTokens.bearer(AccessTokens.testKey().mint(Scopes.PROGRAMS_READ, Scopes.EVENTS_READ))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("lodie");
        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(readOnly.body()).doesNotContain("lodie");
    }

    @Test
    void findsNamesWhateverTheirCaseAndAccentsWithWhatTellsNamesakesApart() {
        var elodie = search("parent", "elodie");
        assertThat(ids(elodie)).containsExactly("s-elodie", "s-elodie2");
        var first = elodie.get("results").get(0);
        assertThat(first.get("name").asString()).isEqualTo("Élodie");
        assertThat(first.get("selector").asString()).isEqualTo("parent.s-elodie");
        assertThat(first.get("context").values()).extracting(JsonNode::asString).containsExactly("Léa", "Tom");

        assertThat(ids(search("parent", "ÉLO"))).containsExactly("s-elodie", "s-elodie2");
        assertThat(ids(search("parent", "hele"))).containsExactly("s-helene");
        // Inside a name, from three characters: "éli" is in Amélie; "li" alone only starts names.
        assertThat(ids(search("parent", "ELI"))).containsExactly("s-amelie");
        assertThat(ids(search("parent", "li"))).isEmpty();
        // The text's own % is a percent sign, not a wildcard.
        assertThat(ids(search("parent", "0% z"))).containsExactly("s-percent");
        assertThat(ids(search("parent", "%"))).isEmpty();

        var lea = search("child", "lea").get("results").get(0);
        assertThat(lea.get("selector").asString()).isEqualTo("child.s-lea");
        assertThat(lea.get("context").values()).extracting(JsonNode::asString).containsExactly("Moyenne section — Écoles Nord");
        assertThat(ids(search("group", "ecoles"))).containsExactly("s-ms");
        assertThat(ids(search("group", "section"))).containsExactly("s-gs", "s-ms");
        assertThat(ids(search("tag", "reunion"))).containsExactly("s-reunion");
    }

    @Test
    void anIdComesFirstAndNoMoreThanTwentyAreReturned() {
        assertThat(ids(search("parent", "parent.s-helene"))).containsExactly("s-helene");
        assertThat(ids(search("parent", "s-marie-130"))).containsExactly("s-marie-130");

        var maries = ids(search("parent", "mar"));
        assertThat(maries).hasSize(20).startsWith("s-marie-101", "s-marie-102").doesNotContain("s-marie-121");
    }

    @Test
    void anUnknownKindOrAnOversizedTextIsABadRequest() {
        var http = new SchedulerHttp(port);
        assertThat(http.get("/api/v1/directory/search?kind=supporter&q=a").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/directory/search?kind=parent&q=" + "a".repeat(101)).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/directory/search?kind=parent").status()).isEqualTo(400);
    }

    /** A million parents with a hundred names, inserted in SQL: every search reads an index, not the table. */
    @Test
    void staysFastWithAMillionParents() {
        long started = System.nanoTime();
        jdbc.execute("""
                insert into directory_parent (id, phone, first_name)
                select 'm' || i, '+3361' || lpad(i::text, 8, '0'),
                       (array['Marie','Mélissa','Amélie','Élodie','Inès','Chloé','Zoé','Noé','Loïc','Jérôme'])[1 + i % 10]
                       || ' ' || (array['Anne','Béatrice','Cécile','Dominique','Émile','Fanny','Gaëlle','Hugo','Iris','Joël'])[1 + (i / 10) % 10]
                from generate_series(1, 1000000) i""");
        jdbc.execute("analyze directory_parent");
        System.out.println("figure: 1,000,000 parents inserted and indexed in " + (System.nanoTime() - started) / 1_000_000 + " ms");

        for (var q : List.of("mar", "elodie f", "ÉMILE", "oel", "zzz", "m777777")) {
            var plan = String.join("\n", jdbc.queryForList("explain select id, first_name from directory_parent where directory_fold(first_name) "
                    + "collate \"C\" >= directory_fold('" + q + "') and directory_fold(first_name) collate \"C\" < directory_fold('" + q
                    + "') || chr(1114111) order by directory_fold(first_name) collate \"C\", id limit 20", String.class));
            assertThat(plan).as(plan).contains("directory_parent_by_name").doesNotContain("Seq Scan");
            search("parent", q); // warm-up: the first call of a statement prepares it
            long each = System.nanoTime();
            var reply = search("parent", q);
            long ms = (System.nanoTime() - each) / 1_000_000;
            System.out.println("figure: search parent q=" + q + " among 1,000,000: " + reply.get("results").size() + " results in " + ms + " ms");
            assertThat(ms).as("search for " + q).isLessThan(500);
        }
        assertThat(ids(search("parent", "m777777"))).first().isEqualTo("m777777");
        // A common text inside names is found by reading the table until twenty match (what the planner picks, in the
        // figures above); a rare one goes through the trigram index instead of reading the million.
        var containing = String.join("\n", jdbc.queryForList(
                "explain select id from directory_parent where directory_fold(first_name) like '%' || directory_fold('Zyx') || '%' limit 20", String.class));
        assertThat(containing).as(containing).contains("directory_parent_by_name_part").doesNotContain("Seq Scan");
    }

    /** The million parents are this class's database's only: the other tests count names. */
    @AfterEach
    void withoutTheMillion() {
        jdbc.update("delete from directory_parent where id like 'm%'");
    }

    private JsonNode search(String kind, String q) {
        var reply = new SchedulerHttp(port).get("/api/v1/directory/search?kind=" + kind + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> ids(JsonNode reply) {
        return reply.get("results").values().stream().map(r -> r.get("id").asString()).toList();
    }
}
