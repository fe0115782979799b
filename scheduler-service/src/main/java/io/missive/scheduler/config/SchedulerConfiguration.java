package io.missive.scheduler.config;

import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.spring.EventPublisher;
import io.missive.scheduler.directory.DirectorySearch;
import io.missive.scheduler.directory.jdbc.JdbcDirectory;
import io.missive.scheduler.directory.jdbc.ValidPhoneMigration;
import io.missive.scheduler.directory.kafka.DirectoryListener;
import io.missive.scheduler.guard.review.GuardedAcceptance;
import io.missive.scheduler.planning.ProviderPolicy;
import io.missive.schemas.attachments.AttachmentFetcher;
import io.missive.scheduler.program.ProgramService;
import io.missive.scheduler.program.http.FetchedAttachmentScreen;
import io.missive.scheduler.program.jdbc.JdbcCampaigns;
import io.missive.scheduler.program.kafka.CommandListener;
import io.missive.scheduler.program.kafka.KafkaMessageOutbox;
import io.missive.scheduler.publication.DuePublisher;
import io.missive.scheduler.rendering.FormLinks;
import io.missive.schemas.window.SendingWindow;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the domain core to its adapters. */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ValidPhoneMigration validPhoneMigration() {
        return new ValidPhoneMigration();
    }

    @Bean
    JdbcDirectory jdbcDirectory(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcDirectory(jdbc, tx);
    }

    @Bean
    DirectorySearch directorySearch(JdbcDirectory directory) {
        return new DirectorySearch(directory, directory);
    }

    @Bean
    JdbcCampaigns jdbcCampaigns(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcCampaigns(jdbc, tx);
    }

    @Bean
    KafkaMessageOutbox messageOutbox(EventPublisher publisher, Clock clock) {
        return new KafkaMessageOutbox(publisher, clock);
    }

    @Bean
    ProgramService programService(JdbcCampaigns campaigns, JdbcDirectory directory, KafkaMessageOutbox outbox,
                                  SchedulerProperties properties, SendingWindow window, Clock clock, GuardedAcceptance guard,
                                  AttachmentFetcher attachments, AuditTrail audit) {
        var policy = new ProviderPolicy(properties.aircallEnabled() && properties.aircallMessageEnabled());
        return new ProgramService(campaigns, directory, outbox, policy, new FormLinks(properties.formLinks()), window,
                properties.linkBaseUrl(), clock, properties.acceptPageSize(), guard, new FetchedAttachmentScreen(attachments), audit,
                properties.rcsMode());
    }

    @Bean(destroyMethod = "stop")
    DuePublisher duePublisher(JdbcCampaigns campaigns, KafkaMessageOutbox outbox, SchedulerProperties properties, Clock clock) {
        return new DuePublisher(campaigns, outbox, properties.batchSize(), properties.lease(), clock);
    }

    @Bean
    CommandListener commandListener(ProgramService programs) {
        return new CommandListener(programs);
    }

    @Bean
    DirectoryListener directoryListener(JdbcDirectory directory) {
        return new DirectoryListener(directory);
    }
}
