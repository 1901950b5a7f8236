package org.wangwu.server.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart (helm/wangwu) and the kustomize rendering of it (deploy/kubernetes), checked offline:
 * helm-java embeds Helm, so no cluster and no helm binary are needed. Plain JUnit, no application.
 *
 * <p>deploy/kubernetes/base/wangwu.yaml is the chart rendered with its defaults. After changing the
 * chart, regenerate it with {@code -Dwangwu.deploy.regenerate=true} on this test.
 */
class HelmChartTest {

    static final String RELEASE = "wangwu";

    /** Environment that must come from the external Secret, never from the chart's own values. */
    static final List<String> SECRET_ENV = List.of(
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_FLYWAY_USERNAME",
            "QUARKUS_FLYWAY_PASSWORD",
            "WANGWU_PERSONAL_DATA_KEY",
            "WANGWU_PERSONAL_DATA_DIGEST_KEY",
            "WANGWU_KEYCLOAK_ADMIN_SECRET");

    static final Pattern SECRET_LOOKING_NAME = Pattern.compile(".*(PASSWORD|USERNAME|SECRET|TOKEN|_KEY).*");

    static final String RENDERED_HEADER = """
            # Rendered from helm/wangwu with the chart's default values (release name "wangwu").
            # Do not edit by hand: change the chart, then regenerate with
            #   ./mvnw -pl modules/server -am test -Dtest=HelmChartTest -Dsurefire.failIfNoSpecifiedTests=false -Dwangwu.deploy.regenerate=true
            # (HelmChartTest fails while this file and the chart disagree.)
            """;

    static final YAMLMapper YAML = new YAMLMapper();

    static Path repoRoot;
    static Path chartDir;
    static String defaultText;
    static List<Map<String, Object>> defaults;

    @BeforeAll
    static void renderDefaults() {
        repoRoot = findRepoRoot();
        chartDir = repoRoot.resolve("helm/wangwu");
        defaultText = template(t -> t);
        defaults = parse(defaultText);
    }

    @Test
    void lintPassesStrictly() {
        LintResult result = new Helm(chartDir).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict failed:\n" + String.join("\n", result.getMessages()));
    }

    @Test
    void defaultsRenderTheExpectedObjectsAndNoSecret() {
        Set<String> kinds = new TreeSet<>();
        defaults.forEach(d -> kinds.add((String) d.get("kind")));
        assertEquals(new TreeSet<>(Set.of("ConfigMap", "Deployment", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "Service", "ServiceAccount")), kinds);
        assertEquals(1, defaults.stream().filter(d -> "Deployment".equals(d.get("kind"))).count());
        assertFalse(defaultText.contains("kind: Secret"), "the chart must never render a Secret");
        assertFalse(defaultText.contains("namespace:"), "namespace comes from helm -n or kustomize, not the templates");
    }

    @Test
    void deploymentHasProbesOnQuarkusHealthEndpoints() {
        Map<String, Object> container = container(defaults);
        assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        assertTrue(((String) at(container, "startupProbe", "httpGet", "path")).startsWith("/q/health/"));
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals("http", at(container, probe, "httpGet", "port"), probe);
        }
        int startupBudget = number(at(container, "startupProbe", "periodSeconds"))
                * number(at(container, "startupProbe", "failureThreshold"));
        assertTrue(startupBudget >= 180, "startup probe gives migrations only " + startupBudget + " s");

        assertEquals("http", at(container, "ports", 0, "name"));
        assertEquals(8080, number(at(container, "ports", 0, "containerPort")));
        Map<String, Object> service = single(defaults, "Service");
        assertEquals("http", at(service, "spec", "ports", 0, "targetPort"));
    }

    @Test
    void deploymentIsHardenedAndScrapedByPrometheus() {
        Map<String, Object> deployment = single(defaults, "Deployment");
        Map<String, Object> container = container(defaults);
        String appVersion = (String) readYaml(chartDir.resolve("Chart.yaml")).get("appVersion");
        assertEquals("wangwu/server:" + appVersion, container.get("image"));

        assertEquals(Boolean.TRUE, at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
        assertEquals(Boolean.TRUE, at(container, "securityContext", "runAsNonRoot"));
        assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(Boolean.FALSE, at(container, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), at(container, "securityContext", "capabilities", "drop"));
        assertEquals("/tmp", at(container, "volumeMounts", 0, "mountPath"));
        String tmpVolume = (String) at(container, "volumeMounts", 0, "name");
        List<?> volumes = (List<?>) at(deployment, "spec", "template", "spec", "volumes");
        assertTrue(volumes.stream().anyMatch(v -> tmpVolume.equals(at(v, "name")) && at(v, "emptyDir") != null),
                "/tmp must be an emptyDir: " + volumes);

        assertEquals("500m", at(container, "resources", "requests", "cpu"));
        assertEquals("1Gi", at(container, "resources", "requests", "memory"));
        assertNotNull(at(container, "resources", "limits", "memory"));
        assertNotNull(at(container, "resources", "limits", "cpu"));

        Map<?, ?> annotations = (Map<?, ?>) at(deployment, "spec", "template", "metadata", "annotations");
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
        assertEquals("8080", annotations.get("prometheus.io/port"));

        assertNull(at(deployment, "spec", "replicas"), "with the HPA on, the Deployment must not fix replicas");
    }

    @Test
    void autoscalerAndDisruptionBudgetTargetTheDeployment() {
        Map<String, Object> deployment = single(defaults, "Deployment");
        String name = (String) at(deployment, "metadata", "name");
        Object selector = at(deployment, "spec", "selector", "matchLabels");

        Map<String, Object> hpa = single(defaults, "HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.get("apiVersion"));
        assertEquals("Deployment", at(hpa, "spec", "scaleTargetRef", "kind"));
        assertEquals(name, at(hpa, "spec", "scaleTargetRef", "name"));
        assertEquals(2, number(at(hpa, "spec", "minReplicas")));
        assertEquals(10, number(at(hpa, "spec", "maxReplicas")));
        assertEquals("cpu", at(hpa, "spec", "metrics", 0, "resource", "name"));
        assertEquals(70, number(at(hpa, "spec", "metrics", 0, "resource", "target", "averageUtilization")));

        Map<String, Object> pdb = single(defaults, "PodDisruptionBudget");
        assertEquals("policy/v1", pdb.get("apiVersion"));
        assertEquals(1, number(at(pdb, "spec", "minAvailable")));
        assertEquals(selector, at(pdb, "spec", "selector", "matchLabels"));
        assertEquals(selector, at(single(defaults, "Service"), "spec", "selector"));
    }

    @Test
    void credentialsAndKeysAreReferencedFromTheSecretNeverInlined() {
        assertSecretReferenced(defaults, "wangwu-secrets");

        List<Map<String, Object>> custom = parse(template(t -> t.set("secret.existingSecret", "prod-wangwu")));
        assertSecretReferenced(custom, "prod-wangwu");

        Map<?, ?> config = (Map<?, ?>) at(single(defaults, "ConfigMap"), "data");
        assertEquals("postgresql://postgres.example.org:5432/wangwu", config.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertEquals("jdbc:postgresql://postgres.example.org:5432/wangwu", config.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("https://id.example.org/realms/wangwu", config.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        for (Object key : config.keySet()) {
            assertFalse(SECRET_LOOKING_NAME.matcher((String) key).matches(), "secret-looking key in the ConfigMap: " + key);
        }
    }

    @Test
    void schemaRefusesAMissingSecretName() {
        assertThrows(RuntimeException.class, () -> template(t -> t.set("secret.existingSecret", "")));
    }

    @Test
    void togglesSwitchAutoscalingDisruptionBudgetAndIngress() {
        List<Map<String, Object>> fixed = parse(template(t -> t
                .set("autoscaling.enabled", "false")
                .set("podDisruptionBudget.enabled", "false")
                .set("replicaCount", "3")));
        assertTrue(ofKind(fixed, "HorizontalPodAutoscaler").isEmpty());
        assertTrue(ofKind(fixed, "PodDisruptionBudget").isEmpty());
        assertEquals(3, number(at(single(fixed, "Deployment"), "spec", "replicas")));

        assertTrue(ofKind(defaults, "Ingress").isEmpty(), "the Ingress is off by default");
        List<Map<String, Object>> exposed = parse(template(t -> t
                .set("ingress.enabled", "true")
                // --set on a list element replaces the whole list: give the path too
                .set("ingress.hosts[0].host", "wangwu.test")
                .set("ingress.hosts[0].paths[0].path", "/")
                .set("ingress.hosts[0].paths[0].pathType", "Prefix")));
        Map<String, Object> ingress = single(exposed, "Ingress");
        assertEquals("networking.k8s.io/v1", ingress.get("apiVersion"));
        assertEquals("wangwu.test", at(ingress, "spec", "rules", 0, "host"));
        assertEquals(at(single(exposed, "Service"), "metadata", "name"),
                at(ingress, "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name"));
        assertEquals("http", at(ingress, "spec", "rules", 0, "http", "paths", 0, "backend", "service", "port", "name"));
    }

    @Test
    void kustomizeBaseIsTheChartRendering() throws IOException {
        Path rendered = repoRoot.resolve("deploy/kubernetes/base/wangwu.yaml");
        String expected = RENDERED_HEADER + defaultText;
        if (Boolean.getBoolean("wangwu.deploy.regenerate")) {
            Files.createDirectories(rendered.getParent());
            Files.writeString(rendered, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(rendered), rendered + " is missing: run with -Dwangwu.deploy.regenerate=true");
        assertEquals(expected, Files.readString(rendered, StandardCharsets.UTF_8),
                rendered + " is stale: the chart changed; run with -Dwangwu.deploy.regenerate=true");
    }

    @Test
    void kustomizeRendersWhereKubectlIsInstalled() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Path out = Files.createTempFile("wangwu-kustomize", ".yaml");
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", repoRoot.resolve("deploy/kubernetes").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("kubectl kustomize did not finish in 120 s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            List<Map<String, Object>> docs = parse(text);
            assertEquals(1, ofKind(docs, "Namespace").size());
            Map<String, Object> deployment = single(docs, "Deployment");
            assertEquals("wangwu", at(deployment, "metadata", "namespace"));
            assertEquals("/q/health/ready", at(container(docs), "readinessProbe", "httpGet", "path"));
            assertEquals(1, ofKind(docs, "HorizontalPodAutoscaler").size());
            assertEquals(1, ofKind(docs, "PodDisruptionBudget").size());
            assertTrue(ofKind(docs, "Secret").isEmpty());
            assertSecretReferenced(docs, "wangwu-secrets");
        } finally {
            Files.deleteIfExists(out);
        }
    }

    // --- helpers ---

    static void assertSecretReferenced(List<Map<String, Object>> docs, String secretName) {
        Map<String, Object> container = container(docs);
        List<?> env = (List<?>) container.get("env");
        assertNotNull(env, "the container has no env");
        Set<String> fromSecret = new TreeSet<>();
        for (Object entry : env) {
            String name = (String) at(entry, "name");
            // Non-secret settings go through the ConfigMap; the container's env holds references only.
            assertNull(at(entry, "value"), "env value inlined in the Deployment: " + name);
            if (at(entry, "valueFrom", "secretKeyRef") != null) {
                assertNull(at(entry, "value"), name);
                assertEquals(secretName, at(entry, "valueFrom", "secretKeyRef", "name"), name);
                assertNotNull(at(entry, "valueFrom", "secretKeyRef", "key"), name);
                fromSecret.add(name);
            }
        }
        assertEquals(new TreeSet<>(SECRET_ENV), fromSecret);

        Map<?, ?> config = (Map<?, ?>) at(single(docs, "ConfigMap"), "data");
        for (String name : SECRET_ENV) {
            assertFalse(config.containsKey(name), name + " must not be in the ConfigMap");
        }
        List<?> envFrom = (List<?>) container.get("envFrom");
        assertTrue(envFrom.stream().noneMatch(e -> at(e, "secretRef") != null),
                "the Secret is referenced key by key, not loaded whole");
        assertTrue(envFrom.stream().anyMatch(e -> at(single(docs, "ConfigMap"), "metadata", "name")
                .equals(at(e, "configMapRef", "name"))), "the ConfigMap is loaded with envFrom");
    }

    static String template(UnaryOperator<TemplateCommand> options) {
        return options.apply(new Helm(chartDir).template().withName(RELEASE)).call();
    }

    static List<Map<String, Object>> parse(String multiDocumentYaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> it = YAML.readerForMapOf(Object.class).readValues(multiDocumentYaml)) {
            while (it.hasNextValue()) {
                Map<String, Object> doc = it.nextValue();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static Map<String, Object> readYaml(Path file) {
        try {
            return YAML.readerForMapOf(Object.class).readValue(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> single(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> found = ofKind(docs, kind);
        assertEquals(1, found.size(), "expected exactly one " + kind);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container(List<Map<String, Object>> docs) {
        List<?> containers = (List<?>) at(single(docs, "Deployment"), "spec", "template", "spec", "containers");
        assertEquals(1, containers.size());
        return (Map<String, Object>) containers.get(0);
    }

    /** Walks maps (by key) and lists (by index); null when any step is missing. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map && step instanceof String key) {
                current = map.get(key);
            } else if (current instanceof List<?> list && step instanceof Integer index && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    static int number(Object value) {
        assertTrue(value instanceof Number, "not a number: " + value);
        return ((Number) value).intValue();
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** modules/server when Maven runs the tests: walk up to the directory holding helm/wangwu/Chart.yaml. */
    static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("helm/wangwu/Chart.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no helm/wangwu/Chart.yaml above " + Path.of("").toAbsolutePath());
    }
}
