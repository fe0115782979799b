package io.missive.tracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Projects every event into the Events store and serves queries and metrics. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusTrackerApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatusTrackerApplication.class, args);
    }
}
