package com.example.ats.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pod spec of the rendered dev overlay, started for real by {@code podman kube play} from the image built from
 * docker/Dockerfile, against the servers of bin/stack: its security context (user 10001, read-only root file system,
 * no capabilities), its emptyDir at /tmp, its environment from the ConfigMap and the Secret, and its three probes.
 *
 * <p>What podman kube play does not run, and KubernetesManifestsTest checks against the Kubernetes schemas instead:
 * Service, Ingress, NetworkPolicy, PodDisruptionBudget and ServiceAccount objects; of the Deployment, its replica
 * count (one pod is played: two would share the host's port), rolling-update strategy and topology spread; and the kubelet's own probing: podman turns
 * an HTTP liveness probe into a health check that runs {@code curl} inside the container, which the image does not
 * hold (on purpose), so this test asks each probe's path over HTTP as the kubelet does.
 */
class PodPlayIT {

    private static final Path PLAYED = Path.of("target/pod-play.yaml");
    private static final Path SECRET = Path.of("target/pod-play-secret.json");
    private static Deployment deployment;
    private static Container container;
    private static URI base;

    @BeforeAll
    static void play() throws Exception {
        ServiceImage.build();
        List<HasMetadata> rendered = Manifests.render("k8s/overlays/dev");
        deployment = ManifestRules.of(rendered, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("ats"))
                .findFirst()
                .orElseThrow();
        container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        // The image under the name the overlay gives it, so that the pod spec is played as rendered.
        Podman.ok(Duration.ofMinutes(1), "tag", ServiceImage.NAME, container.getImage());
        int port = container.getPorts().getFirst().getContainerPort();
        base = URI.create("http://127.0.0.1:" + port);

        ConfigMap config = ManifestRules.of(rendered, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("ats-config"))
                .findFirst()
                .orElseThrow();
        Map<String, String> settings = ContainerImageIT.containerSettings(port);
        Map<String, String> data = new LinkedHashMap<>(config.getData());
        // Where the servers are: the stack's, on loopback, instead of the cluster's service names.
        for (String name : List.of(
                "ATS_DB_URL",
                "ATS_STORAGE_ENDPOINT",
                "ATS_STORAGE_BUCKET",
                "ATS_OIDC_URL",
                "ATS_MAIL_HOST",
                "ATS_MAIL_PORT",
                "ATS_CLAMD_HOST",
                "ATS_CLAMD_PORT",
                "ATS_WEBHOOKS_ALLOW_PLAIN_HTTP",
                "ATS_WEBHOOKS_ALLOW_PRIVATE_TARGETS")) {
            data.put(name, settings.get(name));
        }
        data.put("ATS_HTTP_HOST", "127.0.0.1");
        ConfigMap played = new ConfigMapBuilder(config).withData(data).build();
        played.getMetadata().setNamespace(null);

        Map<String, String> secretData = new LinkedHashMap<>();
        Map.of(
                        "db-username", "ATS_DB_USERNAME",
                        "db-password", "ATS_DB_PASSWORD",
                        "storage-access-key", "ATS_STORAGE_ACCESS_KEY",
                        "storage-secret-key", "ATS_STORAGE_SECRET_KEY",
                        "intake-token-secret", "ATS_INTAKE_TOKEN_SECRET",
                        "key-encryption-keys", "ATS_KEY_ENCRYPTION_KEYS",
                        "oidc-client-secret", "ATS_OIDC_CLIENT_SECRET")
                .forEach((key, setting) -> secretData.put(
                        key,
                        Base64.getEncoder().encodeToString(settings.get(setting).getBytes(StandardCharsets.UTF_8))));
        // Podman 4.3 reads a secretKeyRef from its own secret store, as a JSON object of the Secret's data (key to
        // base64 value); a Secret in the played YAML is stored in a form its own lookup then refuses.
        Files.writeString(SECRET, new KubernetesSerialization().asJson(secretData));
        Podman.run(Duration.ofMinutes(1), "secret", "rm", "ats-secrets");
        Podman.ok(Duration.ofMinutes(1), "secret", "create", "ats-secrets", SECRET.toString());
        deployment.getMetadata().setNamespace(null);
        KubernetesSerialization yaml = new KubernetesSerialization();
        Deployment playable = hostNetworkCopy(yaml, deployment);
        Files.writeString(PLAYED, yaml.asYaml(played) + "\n---\n" + yaml.asYaml(playable));
        removePod();
        Podman.ok(Duration.ofMinutes(2), "kube", "play", "--network=host", PLAYED.toString());
    }

    /**
     * The Deployment as podman can play it on the host's network (the only network that runs here): one replica, as
     * two would share the host's port; no container ports, since podman 4.3 turns them into port mappings, which it
     * refuses on the host network ("PortMappings can only be used with Bridge or slirp4netns networking"); so its
     * probes name the port by number. The tests check the probes of the rendered Deployment itself.
     */
    private static Deployment hostNetworkCopy(KubernetesSerialization yaml, Deployment rendered) {
        Deployment copy = yaml.unmarshal(yaml.asYaml(rendered), Deployment.class);
        copy.getSpec().setReplicas(1);
        for (Container each : copy.getSpec().getTemplate().getSpec().getContainers()) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            each.getPorts().forEach(port -> ports.put(port.getName(), port.getContainerPort()));
            each.setPorts(List.of());
            for (Probe probe : java.util.Arrays.asList(
                    each.getStartupProbe(), each.getReadinessProbe(), each.getLivenessProbe())) {
                if (probe != null
                        && probe.getHttpGet() != null
                        && probe.getHttpGet().getPort().getStrVal() != null) {
                    probe.getHttpGet()
                            .setPort(new io.fabric8.kubernetes.api.model.IntOrString(
                                    ports.get(probe.getHttpGet().getPort().getStrVal())));
                }
            }
        }
        return copy;
    }

    @AfterAll
    static void down() {
        System.out.println(Podman.run(Duration.ofMinutes(1), "pod", "logs", "--tail=30", podName())
                .output());
        removePod();
        Podman.run(Duration.ofMinutes(1), "secret", "rm", "ats-secrets");
    }

    /** The pods podman names after the Deployment ({@code ats-pod-0}, ...), whatever an earlier run left. */
    private static void removePod() {
        Podman.run(Duration.ofMinutes(2), "kube", "down", PLAYED.toString());
        Podman.ok(
                        Duration.ofMinutes(1),
                        "pod",
                        "ps",
                        "--filter=name=^" + deployment.getMetadata().getName() + "-pod-[0-9]+$",
                        "--format={{.Name}}")
                .lines()
                .filter(name -> !name.isBlank())
                .forEach(name -> Podman.removeQuietly("pod", name));
    }

    @Test
    void thePodStartsAndEachOfItsProbesPassesWithinTheStartupBudget() throws Exception {
        Probe startup = container.getStartupProbe();
        Duration budget = Duration.ofSeconds((long) startup.getPeriodSeconds() * startup.getFailureThreshold());
        for (Probe probe : List.of(startup, container.getReadinessProbe(), container.getLivenessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal())
                    .as("probes ask the container's named port")
                    .isEqualTo(container.getPorts().getFirst().getName());
            ContainerImageIT.awaitOk(base.resolve(probe.getHttpGet().getPath()), budget);
        }
    }

    @Test
    void thePodRunsWithTheSecurityContextOfTheManifest() throws Exception {
        ContainerImageIT.awaitOk(
                base.resolve(container.getReadinessProbe().getHttpGet().getPath()), Duration.ofSeconds(120));
        String name = containerName();
        assertThat(Podman.ok(Duration.ofMinutes(1), "inspect", "--format={{.HostConfig.ReadonlyRootfs}}", name))
                .isEqualTo("true");
        String pid = Podman.ok(Duration.ofMinutes(1), "inspect", "--format={{.State.Pid}}", name);
        String status = Files.readString(Path.of("/proc", pid, "status"));
        long uid = deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getSecurityContext()
                .getRunAsUser();
        assertThat(status.lines().filter(line -> line.startsWith("Uid:") || line.startsWith("Gid:")))
                .allSatisfy(line -> assertThat(line.split("\\s+")).containsOnly(line.substring(0, 4), "" + uid));
        assertThat(status.lines().filter(line -> line.startsWith("CapEff:")))
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith("0000000000000000"));
        // An application needs the emptyDir at /tmp for its upload on the way to the store.
        given().baseUri(base.toString())
                .multiPart(
                        "application",
                        "{\"applicant\":{\"firstName\":\"Pod\",\"lastName\":\"Test\",\"email\":\"pod."
                                + UUID.randomUUID().toString().substring(0, 8)
                                + "@example.org\"},\"retentionConsent\":{\"granted\":false}}",
                        "application/json")
                .multiPart("cv", "cv.txt", "Een cv voor de pod.".getBytes(), "text/plain")
                .post("/api/v1/applications")
                .then()
                .statusCode(201);
    }

    private static String podName() {
        return Podman.ok(
                        Duration.ofMinutes(1),
                        "pod",
                        "ps",
                        "--filter=name=^" + deployment.getMetadata().getName() + "-pod",
                        "--format={{.Name}}")
                .lines()
                .findFirst()
                .orElse(deployment.getMetadata().getName() + "-pod");
    }

    private static String containerName() {
        return Podman.ok(
                        Duration.ofMinutes(1),
                        "ps",
                        "--filter=pod=" + podName(),
                        "--filter=name=-" + container.getName() + "$",
                        "--format={{.Names}}")
                .lines()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + container.getName() + " in the pod"));
    }
}
