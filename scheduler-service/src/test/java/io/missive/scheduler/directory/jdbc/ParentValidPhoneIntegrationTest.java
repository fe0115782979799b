package io.missive.scheduler.directory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A parent's phone is checked when the directory stores it (decision 0113): resolution reads the verdict,
 * an import cannot set it, and the parents stored before the column were checked by the migration.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParentValidPhoneIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void theStoreKeepsTheE164FormOfAValidPhoneAndNothingForAnInvalidOne() {
        var reply = new SchedulerHttp(port).post("/api/v1/directory/import", Map.of("parents", List.of(
                Map.of("id", "vp-spaced", "firstName", "Inès", "phone", "06 12 34 56 78"),
                Map.of("id", "vp-reunion", "firstName", "Zoé", "phone", "0692 12 34 56"),
                // An import's JSON cannot vouch for a phone: the store checks it itself.
                Map.of("id", "vp-short", "firstName", "Noé", "phone", "12345", "validPhone", "+33612345679"))));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);

        assertThat(validPhones("vp-")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "vp-spaced", "+33612345678", "vp-reunion", "+262692123456", "vp-short", "none"));
        var preview = new SchedulerHttp(port).post("/api/v1/programs/preview", Map.of("commandId", "vp-preview",
                "plannedAt", Instant.now().plus(Duration.ofHours(1)).toString(), "message", "Bonjour, la réunion est jeudi.",
                "recipients", List.of(Map.of("selector", "parent.vp-spaced"), Map.of("selector", "parent.vp-short"))));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().get("sendable").asInt()).isEqualTo(1);
        assertThat(preview.body().get("drops").get("INVALID_PHONE").get("recipients").get(0).get("recipient").asString())
                .isEqualTo("parent.vp-short");
    }

    @Test
    void theMigrationChecksTheParentsStoredBeforeIt() throws Exception {
        jdbc.update("""
                insert into directory_parent (id, phone, first_name) values
                    ('old-valid', '+33 6 11 22 33 44', 'Léa'), ('old-invalid', '06 11', 'Tom'), ('old-none', null, 'Eva')""");

        try (var connection = dataSource.getConnection()) {
            ValidPhoneMigration.checkStoredPhones(connection);
        }

        assertThat(validPhones("old-")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "old-valid", "+33611223344", "old-invalid", "none", "old-none", "none"));
    }

    private Map<String, String> validPhones(String prefix) {
        var found = new java.util.HashMap<String, String>();
        jdbc.query("select id, coalesce(valid_phone, 'none') from directory_parent where id like ?",
                rs -> { found.put(rs.getString(1), rs.getString(2)); }, prefix + "%");
        return found;
    }
}
