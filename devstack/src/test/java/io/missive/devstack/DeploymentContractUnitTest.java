package io.missive.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No container engine runs here, so the deployment files are checked against DESIGN.md's contract:
 * every service, port and environment variable named, health checks and start order, and the
 * Kubernetes topics equal to the catalog.
 */
class DeploymentContractUnitTest {

    private static final Path ROOT = Path.of("..");
    private static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "scheduler-service", 8081, "spothit-dispatcher", 8082, "aircall-dispatcher", 8083,
            "webhook-gateway", 8084, "status-tracker", 8085, "console", 8086);
    /** DESIGN.md, "Configuration". */
    private static final List<String> DESIGN_VARIABLES = List.of("SPOT_HIT_API_KEY", "SPOT_HIT_AGENT_ID",
            "SPOT_HIT_SAFEGUARD", "SAFE_PHONE_NUMBERS", "AIRCALL_API_ID", "AIRCALL_API_TOKEN", "AIRCALL_ENABLED",
            "AIRCALL_MESSAGE_ENABLED", "AIRCALL_WEBHOOK_MESSAGE_TOKEN", "AIRCALL_WEBHOOK_CALL_TOKEN",
            "AIRCALL_WEBHOOK_INSIGHT_CARDS_TOKEN", "AIRCALL_WEBHOOK_EVENT_MESSAGE_STATUS_UPDATED_TOKEN",
            "SPOT_HIT_BASE_URL", "AIRCALL_BASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "JDBC_URL");

    @Test
    @SuppressWarnings("unchecked")
    void dockerComposeNamesEveryServicePortAndVariable() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        var services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsKeys("kafka", "postgres", "simulators", "prometheus", "grafana");
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
        assertThat(services.get("kafka").get("environment").toString()).contains("KAFKA_PROCESS_ROLES=broker,controller");
        SERVICE_PORTS.forEach((name, port) -> {
            var service = services.get(name);
            assertThat(service).as(name).isNotNull();
            assertThat((List<String>) service.get("ports")).as(name).contains(port + ":" + port);
            assertThat(service).as(name + " health check").containsKey("healthcheck");
            var dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn.get("kafka")).containsEntry("condition", "service_healthy");
            assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
        });
        assertThat((List<String>) services.get("simulators").get("ports")).contains("8091:8091", "8092:8092");
        assertThat((List<String>) services.get("simulators").get("profiles")).containsExactly("simulators");
        assertThat(services.get("kafka")).containsKey("healthcheck");
        assertThat(services.get("postgres")).containsKey("healthcheck");

        var named = services.values().stream()
                .filter(service -> service.get("environment") instanceof Map)
                .flatMap(service -> ((Map<String, Object>) service.get("environment")).keySet().stream())
                .collect(Collectors.toSet());
        assertThat(named).containsAll(DESIGN_VARIABLES);
    }

    @Test
    void kubernetesTopicsAreTheCatalog() throws IOException {
        assertThat(Files.readString(ROOT.resolve(KubernetesTopics.FILE)))
                .as("regenerate: run io.missive.devstack.KubernetesTopics from the repository root")
                .isEqualTo(KubernetesTopics.render());
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesRunsEveryServiceWithProbesSecretsAndBudgets() throws IOException {
        var base = ROOT.resolve("deploy/kubernetes/base");
        Map<String, Object> kustomization = new Yaml().load(Files.readString(base.resolve("kustomization.yaml")));
        var resources = (List<String>) kustomization.get("resources");
        var kinds = new ArrayList<String>();
        for (var resource : resources) {
            assertThat(base.resolve(resource)).exists();
            for (Object document : new Yaml().loadAll(Files.readString(base.resolve(resource)))) {
                if (document instanceof Map<?, ?> map) {
                    var metadata = (Map<String, Object>) map.get("metadata");
                    kinds.add(map.get("kind") + "/" + metadata.get("name"));
                }
            }
        }
        SERVICE_PORTS.forEach((name, port) -> {
            assertThat(kinds).contains("Deployment/" + name, "Service/" + name, "PodDisruptionBudget/" + name);
        });
        assertThat(kinds).contains("HorizontalPodAutoscaler/spothit-dispatcher", "HorizontalPodAutoscaler/aircall-dispatcher",
                "HorizontalPodAutoscaler/webhook-gateway", "Ingress/webhook-gateway", "Secret/missive-provider-secrets");
        for (var name : SERVICE_PORTS.keySet()) {
            var deployment = Files.readString(base.resolve(name + ".yaml"));
            assertThat(deployment).contains("livenessProbe", "readinessProbe", "/actuator/health/readiness", "requests:");
        }
        var secrets = Files.readString(base.resolve("secret.yaml"));
        DESIGN_VARIABLES.stream().filter(v -> v.contains("TOKEN") || v.endsWith("API_KEY") || v.endsWith("API_ID"))
                .forEach(v -> assertThat(secrets).as(v).contains(v + ":"));
        assertThat(new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/kubernetes/overlays/production/kustomization.yaml"))))
                .isNotEmpty();
    }
}
