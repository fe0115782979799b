package io.missive.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Turns provider callbacks and tracked-link clicks into events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookGatewayApplication.class, args);
    }
}
