package io.missive.spothit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sends requested messages to SpotHit in bulk, exactly once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpotHitDispatcherApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpotHitDispatcherApplication.class, args);
    }
}
