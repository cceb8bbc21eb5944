package com.example.ats.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the rendered Kubernetes manifests must hold that no maintained checker knows, as a list of violations (empty:
 * fine): the service's own settings, secrets by reference only, the scanner beside it, the egress it needs, the
 * probe paths, replicas, the restricted Pod Security Standard. Resources and limits, a read-only root, no privileged
 * container, distinct probes, a Service and a PodDisruptionBudget for the pods are kube-score's (Manifests).
 */
final class ManifestRules {

    /** DNS, PostgreSQL, MinIO, Keycloak (8080, 8443, 443), SMTP submission (587), clamd (3310); webhooks use 443. */
    static final Set<Integer> EGRESS_PORTS = Set.of(53, 5432, 9000, 8080, 8443, 443, 587, 3310);

    private ManifestRules() {}

    static List<String> violations(List<HasMetadata> objects, AppSettings settings) {
        List<String> violations = new ArrayList<>();
        objects.stream()
                .filter(Secret.class::isInstance)
                .forEach(secret -> violations.add("Secret " + name(secret) + " holds values; reference secrets only"));
        List<Deployment> deployments = of(objects, Deployment.class).stream()
                .filter(d -> name(d).equals("ats"))
                .toList();
        if (deployments.size() != 1) {
            violations.add("expected one Deployment named ats, found " + deployments.size());
            return violations;
        }
        scanner(objects, violations);
        of(objects, Deployment.class).forEach(each -> restricted(each, violations));
        Deployment deployment = deployments.get(0);
        Map<String, String> podLabels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();

        if (replicas(objects, deployment) < 2) {
            violations.add("Deployment: fewer than 2 replicas");
        }
        if (pod.getTopologySpreadConstraints() == null
                || pod.getTopologySpreadConstraints().isEmpty()) {
            violations.add("Deployment: no topology spread");
        }
        Map<String, String> annotations =
                deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        if (annotations == null
                || !"true".equals(annotations.get("prometheus.io/scrape"))
                || !"/q/metrics".equals(annotations.get("prometheus.io/path"))) {
            violations.add("Deployment: no metrics scrape annotations");
        }
        if (pod.getContainers().size() != 1) {
            violations.add("Deployment: expected one container");
            return violations;
        }
        Container container = pod.getContainers().get(0);
        probe(container.getReadinessProbe(), "/q/health/ready", "readiness", violations);
        probe(container.getLivenessProbe(), "/q/health/live", "liveness", violations);
        writableTmp(container, violations);
        environment(objects, container, settings, violations);
        networkPolicy(objects, podLabels, violations);
        return violations;
    }

    private static void probe(Probe probe, String path, String kind, List<String> violations) {
        if (probe == null
                || probe.getHttpGet() == null
                || !path.equals(probe.getHttpGet().getPath())) {
            violations.add("container: no " + kind + " probe on " + path);
        }
    }

    /** The replicas a Deployment runs at least: its own count, or its autoscaler's minimum when it has none. */
    private static int replicas(List<HasMetadata> objects, Deployment deployment) {
        if (deployment.getSpec().getReplicas() != null) {
            return deployment.getSpec().getReplicas();
        }
        return of(objects, HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(name(deployment)))
                .map(hpa -> hpa.getSpec().getMinReplicas() == null
                        ? 1
                        : hpa.getSpec().getMinReplicas())
                .findFirst()
                .orElse(1);
    }

    private static void writableTmp(Container container, List<String> violations) {
        boolean tmp = container.getVolumeMounts() != null
                && container.getVolumeMounts().stream().anyMatch(mount -> "/tmp".equals(mount.getMountPath()));
        if (!tmp) {
            violations.add("container: no writable /tmp for spooled uploads");
        }
    }

    private static void environment(
            List<HasMetadata> objects, Container container, AppSettings settings, List<String> violations) {
        Set<String> provided = new TreeSet<>();
        for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
            provided.add(variable.getName());
            boolean fromSecret =
                    variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null;
            if (AppSettings.secret(variable.getName()) && !fromSecret) {
                violations.add("container: " + variable.getName() + " must come from a Secret reference");
            }
            if (!settings.known().contains(variable.getName())) {
                violations.add("container: " + variable.getName() + " is no setting of the service");
            }
        }
        for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
            if (source.getConfigMapRef() == null) {
                violations.add("container: envFrom other than a ConfigMap");
                continue;
            }
            String name = source.getConfigMapRef().getName();
            ConfigMap map = of(objects, ConfigMap.class).stream()
                    .filter(candidate -> name.equals(name(candidate)))
                    .findFirst()
                    .orElse(null);
            if (map == null) {
                violations.add("container: ConfigMap " + name + " is not in the manifests");
                continue;
            }
            for (String key : map.getData().keySet()) {
                provided.add(key);
                if (AppSettings.secret(key)) {
                    violations.add("ConfigMap " + name + ": " + key + " is a secret in plain text");
                }
                if (!settings.known().contains(key)) {
                    violations.add("ConfigMap " + name + ": " + key + " is no setting of the service");
                }
            }
        }
        for (String required : settings.required()) {
            if (!provided.contains(required)) {
                violations.add("container: required variable " + required + " is not set");
            }
        }
    }

    private static void networkPolicy(
            List<HasMetadata> objects, Map<String, String> podLabels, List<String> violations) {
        List<NetworkPolicy> policies = of(objects, NetworkPolicy.class).stream()
                .filter(policy -> selects(policy.getSpec().getPodSelector().getMatchLabels(), podLabels))
                .toList();
        if (policies.size() != 1) {
            violations.add("expected one NetworkPolicy for the pods, found " + policies.size());
            return;
        }
        NetworkPolicy policy = policies.get(0);
        if (!new HashSet<>(policy.getSpec().getPolicyTypes()).containsAll(List.of("Ingress", "Egress"))) {
            violations.add("NetworkPolicy: does not restrict both directions");
        }
        policy.getSpec().getIngress().forEach(rule -> {
            if (rule.getFrom() == null
                    || rule.getFrom().isEmpty()
                    || rule.getFrom().stream().anyMatch(peer -> peer.getIpBlock() != null)) {
                violations.add("NetworkPolicy: ingress open beyond the ingress controller and monitoring");
            }
        });
        Set<Integer> ports = new TreeSet<>();
        policy.getSpec().getEgress().forEach(rule -> {
            if (rule.getTo() == null || rule.getTo().isEmpty() || rule.getPorts() == null) {
                violations.add("NetworkPolicy: an egress rule without destination or ports");
                return;
            }
            rule.getPorts().stream().map(NetworkPolicyPort::getPort).forEach(port -> ports.add(port.getIntVal()));
        });
        if (!EGRESS_PORTS.containsAll(ports)) {
            violations.add("NetworkPolicy: egress to ports beyond DNS, PostgreSQL, MinIO, Keycloak, SMTP and webhooks: "
                    + ports);
        }
        if (!ports.containsAll(List.of(53, 5432, 9000))) {
            violations.add("NetworkPolicy: egress lacks DNS, PostgreSQL or MinIO: " + ports);
        }
    }

    /**
     * The Kubernetes restricted Pod Security Standard, for every pod: no host namespaces or host paths, non-root,
     * seccomp, and in every container (init containers too) no privilege escalation and no capability but
     * NET_BIND_SERVICE. What kube-score also checks (privileged, read-only root) stays with it.
     */
    private static void restricted(Deployment deployment, List<String> violations) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        String name = name(deployment);
        if (Boolean.TRUE.equals(pod.getHostNetwork())
                || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            violations.add(name + ": shares a host namespace");
        }
        if (pod.getVolumes() != null && pod.getVolumes().stream().anyMatch(v -> v.getHostPath() != null)) {
            violations.add(name + ": mounts a host path");
        }
        var podContext = pod.getSecurityContext();
        List<Container> containers = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            containers.addAll(pod.getInitContainers());
        }
        for (Container container : containers) {
            SecurityContext context = container.getSecurityContext();
            String where = name + "/" + container.getName();
            Boolean nonRoot = context != null && context.getRunAsNonRoot() != null
                    ? context.getRunAsNonRoot()
                    : podContext == null ? null : podContext.getRunAsNonRoot();
            Long user = context != null && context.getRunAsUser() != null
                    ? context.getRunAsUser()
                    : podContext == null ? null : podContext.getRunAsUser();
            if (!Boolean.TRUE.equals(nonRoot) || Long.valueOf(0).equals(user)) {
                violations.add(where + ": may run as root");
            }
            String seccomp = context != null && context.getSeccompProfile() != null
                    ? context.getSeccompProfile().getType()
                    : podContext == null || podContext.getSeccompProfile() == null
                            ? null
                            : podContext.getSeccompProfile().getType();
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                violations.add(where + ": no seccomp profile");
            }
            if (context == null || !Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                violations.add(where + ": privilege escalation allowed");
            }
            var capabilities = context == null ? null : context.getCapabilities();
            if (capabilities == null
                    || capabilities.getDrop() == null
                    || !capabilities.getDrop().contains("ALL")) {
                violations.add(where + ": capabilities not dropped");
            }
            if (capabilities != null
                    && capabilities.getAdd() != null
                    && !Set.of("NET_BIND_SERVICE").containsAll(capabilities.getAdd())) {
                violations.add(where + ": adds capabilities " + capabilities.getAdd());
            }
        }
    }

    /** ClamAV beside the service: clamd with a freshclam sidecar on one database volume, reachable only by the service. */
    private static void scanner(List<HasMetadata> objects, List<String> violations) {
        List<Deployment> clamav = of(objects, Deployment.class).stream()
                .filter(d -> name(d).equals("clamav"))
                .toList();
        if (clamav.size() != 1) {
            violations.add("expected one Deployment named clamav (the malware scanner), found " + clamav.size());
            return;
        }
        PodSpec pod = clamav.get(0).getSpec().getTemplate().getSpec();
        Set<String> containers = new TreeSet<>();
        pod.getContainers().forEach(c -> {
            containers.add(c.getName());
            if (c.getVolumeMounts() == null
                    || c.getVolumeMounts().stream()
                            .noneMatch(m -> m.getMountPath().equals("/var/lib/clamav"))) {
                violations.add("clamav: container " + c.getName() + " does not share the database volume");
            }
        });
        if (!containers.equals(Set.of("clamd", "freshclam"))) {
            violations.add("clamav: expected containers clamd and freshclam, found " + containers);
        }
        boolean onlyTheService = of(objects, NetworkPolicy.class).stream()
                .filter(p -> name(p).equals("clamav"))
                .anyMatch(p -> p.getSpec().getIngress().stream()
                        .allMatch(rule -> rule.getFrom() != null
                                && rule.getFrom().stream()
                                        .allMatch(peer -> peer.getPodSelector() != null
                                                && "ats"
                                                        .equals(peer.getPodSelector()
                                                                .getMatchLabels()
                                                                .get("app.kubernetes.io/name")))));
        if (!onlyTheService) {
            violations.add("clamav: no NetworkPolicy letting in the service's pods only");
        }
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    static <T> List<T> of(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }
}
