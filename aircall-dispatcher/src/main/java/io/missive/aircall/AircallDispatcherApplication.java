package io.missive.aircall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sends one-to-one messages through Aircall within its rate limit, with durable retries. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AircallDispatcherApplication {

    public static void main(String[] args) {
        SpringApplication.run(AircallDispatcherApplication.class, args);
    }
}
