package com.example.ats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The base and both overlays, rendered by the real kustomize, are valid Kubernetes objects by the Kubernetes schemas
 * (kubernetes-validate) and, read into fabric8's Kubernetes model, keep every operational promise a schema cannot
 * express; the last tests break a rendering on purpose and show that the validator and the rules notice.
 */
class KubernetesManifestsTest {

    private static final AppSettings SETTINGS = AppSettings.load();

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/dev", "k8s/overlays/prod"})
    void everyRenderingKeepsTheRules(String directory) {
        List<HasMetadata> objects = Manifests.render(directory);
        assertThat(ManifestRules.violations(objects, SETTINGS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/dev", "k8s/overlays/prod"})
    void everyRenderingIsValidByTheKubernetesSchemas(String directory) {
        assertThat(Manifests.schemaErrors(Manifests.build(directory))).isEmpty();
    }

    /** What is applied: an overlay (the base names no image tag, which each overlay gives). */
    @ParameterizedTest
    @ValueSource(strings = {"k8s/overlays/dev", "k8s/overlays/prod"})
    void everyOverlayHasNothingKubeScoreFindsCritical(String directory) {
        assertThat(Manifests.kubeScoreCriticals(Manifests.build(directory))).isEmpty();
    }

    @Test
    void aContainerWithoutLimitsOrPrivilegedAndPodsWithoutDisruptionBudgetAreFoundByKubeScore() {
        List<HasMetadata> objects = new ArrayList<>(Manifests.render("k8s/overlays/prod"));
        container(objects).getResources().setLimits(null);
        container(objects).getSecurityContext().setPrivileged(true);
        objects.removeIf(object -> object.getKind().equals("PodDisruptionBudget"));
        assertThat(Manifests.kubeScoreCriticals(Manifests.yaml(objects)))
                .anySatisfy(line -> assertThat(line).contains("(ats) CPU limit is not set"))
                .anySatisfy(line -> assertThat(line).contains("(ats) Memory limit is not set"))
                .anySatisfy(line -> assertThat(line).contains("(ats) The container is privileged"))
                .anySatisfy(line -> assertThat(line).contains("No matching PodDisruptionBudget was found"));
    }

    @Test
    void productionRunsThreeReplicasOnDistinctNodesWithTlsToEveryServer() {
        List<HasMetadata> prod = Manifests.render("k8s/overlays/prod");
        Deployment deployment = deployment(prod);
        // The autoscaler owns the count (a count in the Deployment would set it back on every apply).
        assertThat(deployment.getSpec().getReplicas()).isNull();
        assertThat(ManifestRules.of(prod, io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class))
                .singleElement()
                .satisfies(hpa -> assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3));
        assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                .anySatisfy(spread -> {
                    assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(spread.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
                });
        var config = ManifestRules.of(
                        Manifests.render("k8s/overlays/prod"), io.fabric8.kubernetes.api.model.ConfigMap.class)
                .get(0)
                .getData();
        assertThat(config.get("ATS_DB_URL")).contains("sslmode=verify-full");
        assertThat(config.get("ATS_STORAGE_ENDPOINT")).startsWith("https://");
        assertThat(config.get("ATS_OIDC_URL")).startsWith("https://");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("ats");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ATS_MAIL_CONSENT_URL", "ATS_MAIL_NOT_ME_URL"})
    void thePagesTheMailsLinkToArePublishedByTheIngress(String setting) {
        List<HasMetadata> objects = Manifests.render("k8s/overlays/prod");
        java.net.URI link =
                java.net.URI.create(ManifestRules.of(objects, io.fabric8.kubernetes.api.model.ConfigMap.class)
                        .get(0)
                        .getData()
                        .get(setting));
        var ingress = ManifestRules.of(objects, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)
                .get(0);
        assertThat(ingress.getSpec().getRules()).anySatisfy(rule -> {
            assertThat(rule.getHost()).isEqualTo(link.getHost());
            assertThat(rule.getHttp().getPaths())
                    .anySatisfy(path -> assertThat(link.getPath() + "/").startsWith(path.getPath()));
        });
    }

    @Test
    void aMissingProbeIsNoticed() {
        List<HasMetadata> objects = Manifests.render("k8s/overlays/prod");
        container(objects).setReadinessProbe(null);
        assertThat(ManifestRules.violations(objects, SETTINGS))
                .containsExactly("container: no readiness probe on /q/health/ready");
    }

    @Test
    void aMissingRequiredVariableIsNoticed() {
        List<HasMetadata> objects = Manifests.render("k8s/overlays/dev");
        container(objects).getEnv().removeIf(variable -> variable.getName().equals("ATS_INTAKE_TOKEN_SECRET"));
        assertThat(ManifestRules.violations(objects, SETTINGS))
                .containsExactly("container: required variable ATS_INTAKE_TOKEN_SECRET is not set");
    }

    @Test
    void aPlaintextSecretIsNoticedInTheEnvironmentTheConfigMapOrASecretObject() {
        List<HasMetadata> objects = new ArrayList<>(Manifests.render("k8s/overlays/prod"));
        EnvVar password = container(objects).getEnv().stream()
                .filter(variable -> variable.getName().equals("ATS_DB_PASSWORD"))
                .findFirst()
                .orElseThrow();
        password.setValueFrom(null);
        password.setValue("hunter2");
        ManifestRules.of(objects, io.fabric8.kubernetes.api.model.ConfigMap.class)
                .get(0)
                .getData()
                .put("ATS_STORAGE_SECRET_KEY", "minio-secret");
        objects.add(new SecretBuilder()
                .withNewMetadata()
                .withName("ats-secrets")
                .endMetadata()
                .addToStringData("db-password", "hunter2")
                .build());
        assertThat(ManifestRules.violations(objects, SETTINGS))
                .containsExactlyInAnyOrder(
                        "Secret ats-secrets holds values; reference secrets only",
                        "container: ATS_DB_PASSWORD must come from a Secret reference",
                        "ConfigMap ats-config: ATS_STORAGE_SECRET_KEY is a secret in plain text");
    }

    @Test
    void aMisspelledVariableAndAnOpenEgressAreNoticed() {
        List<HasMetadata> objects = Manifests.render("k8s/base");
        container(objects).getEnv().add(new EnvVar("ATS_DB_URI", "jdbc:postgresql://db/ats", null));
        ManifestRules.of(objects, io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class)
                .get(0)
                .getSpec()
                .getEgress()
                .get(1)
                .getPorts()
                .get(0)
                .setPort(new io.fabric8.kubernetes.api.model.IntOrString(25));
        assertThat(ManifestRules.violations(objects, SETTINGS))
                .containsExactlyInAnyOrder(
                        "container: ATS_DB_URI is no setting of the service",
                        "NetworkPolicy: egress to ports beyond DNS, PostgreSQL, MinIO, Keycloak, SMTP and webhooks: [25, 53,"
                                + " 443, 587, 3310, 8080, 8443, 9000]",
                        "NetworkPolicy: egress lacks DNS, PostgreSQL or MinIO: [25, 53, 443, 587, 3310, 8080, 8443, 9000]");
    }

    @Test
    void aScannerWithoutItsFreshclamSidecarOrOpenToEveryPodIsNoticed() {
        List<HasMetadata> objects = Manifests.render("k8s/base");
        deployment(objects, "clamav")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .removeIf(c -> c.getName().equals("freshclam"));
        ManifestRules.of(objects, io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class).stream()
                .filter(p -> p.getMetadata().getName().equals("clamav"))
                .findFirst()
                .orElseThrow()
                .getSpec()
                .getIngress()
                .get(0)
                .getFrom()
                .get(0)
                .getPodSelector()
                .setMatchLabels(java.util.Map.of("app.kubernetes.io/name", "anything"));
        assertThat(ManifestRules.violations(objects, SETTINGS))
                .containsExactlyInAnyOrder(
                        "clamav: expected containers clamd and freshclam, found [clamd]",
                        "clamav: no NetworkPolicy letting in the service's pods only");
    }

    @Test
    void aPodBelowTheRestrictedPodSecurityStandardIsNoticed() {
        List<HasMetadata> objects = Manifests.render("k8s/base");
        var clamav = deployment(objects, "clamav").getSpec().getTemplate().getSpec();
        clamav.getContainers().get(0).getSecurityContext().getCapabilities().setAdd(List.of("CHOWN", "SETUID"));
        clamav.getContainers().get(1).getSecurityContext().setRunAsUser(0L);
        clamav.getInitContainers().get(0).getSecurityContext().setAllowPrivilegeEscalation(null);
        deployment(objects).getSpec().getTemplate().getSpec().setHostNetwork(true);
        assertThat(ManifestRules.violations(objects, SETTINGS))
                .containsExactlyInAnyOrder(
                        "clamav/clamd: adds capabilities [CHOWN, SETUID]",
                        "clamav/freshclam: may run as root",
                        "clamav/first-databases: privilege escalation allowed",
                        "ats: shares a host namespace");
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedByTheSchemas() {
        String yaml = broken(Manifests.build("k8s/overlays/dev"), "\n  replicas: 2\n", "\n  replicas: \"two\"\n");
        assertThat(Manifests.schemaErrors(yaml))
                .singleElement()
                .asString()
                .contains("deployment/ats", "spec.replicas: 'two' is not of type 'integer'");
    }

    @Test
    void aMisspelledFieldIsRefusedByTheSchemas() {
        String yaml = broken(Manifests.build("k8s/overlays/dev"), "\n  replicas: 2\n", "\n  replica: 2\n");
        assertThat(Manifests.schemaErrors(yaml))
                .singleElement()
                .asString()
                .contains("deployment/ats", "Additional properties are not allowed ('replica' was unexpected)");
    }

    @Test
    void anApiVersionWithoutSchemaIsRefused() {
        String yaml = broken(
                Manifests.build("k8s/overlays/prod"),
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    kube-score/ignore: container-image-pull-policy,deployment-has-host-podantiaffinity\n",
                "apiVersion: apps/v2\nkind: Deployment\nmetadata:\n  annotations:\n    kube-score/ignore: container-image-pull-policy,deployment-has-host-podantiaffinity\n");
        assertThat(Manifests.schemaErrors(yaml))
                .singleElement()
                .asString()
                .contains("Couldn't find schema for kind Deployment with api version apps/v2");
    }

    /** A copy of rendered YAML with one piece replaced; the piece must be there once, so the break is real. */
    private static String broken(String yaml, String piece, String replacement) {
        assertThat(yaml).containsOnlyOnce(piece);
        return yaml.replace(piece, replacement);
    }

    private static Deployment deployment(List<HasMetadata> objects) {
        return deployment(objects, "ats");
    }

    private static Deployment deployment(List<HasMetadata> objects, String name) {
        return ManifestRules.of(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Container container(List<HasMetadata> objects) {
        return deployment(objects)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }
}
