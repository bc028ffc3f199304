package uk.gov.essex.mace.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.essex.mace.HubApplication;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;

/**
 * Sharing and reading an intelligence item over real HTTP (token check, policy, validation,
 * seal, store, audit; read: policy, open, redact, audit) with the hub's envelope encryption,
 * against the very same path with a pass-through cipher, measured in the same run.
 *
 * <p>The pass-through cipher exists only here, in the bench module, registered as a primary bean
 * for the baseline run only: the server has no switch that turns encryption off. Each run prints
 * which cipher the hub actually used, so the comparison cannot silently compare like with like.
 *
 * <pre>
 * ./mvnw -q -B -pl server,bench -am package -DskipTests
 * java -cp bench/target/classes:$(cat bench/target/cp.txt) uk.gov.essex.mace.bench.IntelShareBench [items]
 * </pre>
 */
public final class IntelShareBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The baseline: the same interface, no encryption at all. Bench only, and registered by hand
     * (not a scanned {@code @Configuration}: the hub's component scan covers this package, and a
     * scanned one would turn the "encrypted" run into a plaintext one too).
     */
    static FieldCipher plaintextCipher() {
        return new FieldCipher() {
            @Override
            public byte[] seal(FieldContext context, byte[] plaintext) {
                return plaintext.clone();
            }

            @Override
            public byte[] open(FieldContext context, byte[] sealed) {
                return sealed.clone();
            }
        };
    }

    private static final int ROUNDS = 3;

    record Run(String name, double sharesPerSecond, double shareP50, double shareP99, double readsPerSecond,
            double readP50, double readP99) {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<Run> runs = new ArrayList<>();
        // the order alternates: each hub starts in a JVM the one before it warmed, so whichever ran
        // second ran faster (plaintext, always second, looked up to 1.7x faster in one run)
        for (int round = 0; round < ROUNDS; round++) {
            boolean plaintextFirst = round % 2 == 1;
            runs.add(measure(plaintextFirst ? "plaintext baseline" : "encrypted (hub)", items, plaintextFirst));
            runs.add(measure(plaintextFirst ? "encrypted (hub)" : "plaintext baseline", items, !plaintextFirst));
        }
        System.out.printf(Locale.ROOT, "%n%-20s %12s %10s %10s %12s %10s %10s%n", "path", "shares/s", "p50 ms", "p99 ms",
                "reads/s", "p50 ms", "p99 ms");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "%-20s %12.0f %10.2f %10.2f %12.0f %10.2f %10.2f%n", r.name(), r.sharesPerSecond(),
                    r.shareP50(), r.shareP99(), r.readsPerSecond(), r.readP50(), r.readP99());
        }
        Run enc = best(runs, "encrypted (hub)");
        Run plain = best(runs, "plaintext baseline");
        System.out.printf(Locale.ROOT, "%nbest of %d rounds: share throughput encrypted/plaintext = %.2f, read throughput = %.2f%n",
                ROUNDS, enc.sharesPerSecond() / plain.sharesPerSecond(), enc.readsPerSecond() / plain.readsPerSecond());
        String baseline = "same path, pass-through cipher";
        Figure.higher("intel-share", "share an item over HTTP (1 client)", enc.sharesPerSecond(), "items/s", baseline, plain.sharesPerSecond());
        Figure.lower("intel-share", "share p50", enc.shareP50(), "ms", baseline, plain.shareP50());
        Figure.lower("intel-share", "share p99", enc.shareP99(), "ms", baseline, plain.shareP99());
        Figure.higher("intel-share", "read an item over HTTP (1 client)", enc.readsPerSecond(), "items/s", baseline, plain.readsPerSecond());
        Figure.lower("intel-share", "read p99", enc.readP99(), "ms", baseline, plain.readP99());
        System.exit(0);
    }

    private static Run best(List<Run> runs, String name) {
        return runs.stream().filter(r -> r.name().equals(name))
                .max((a, b) -> Double.compare(a.sharesPerSecond() + a.readsPerSecond(), b.sharesPerSecond() + b.readsPerSecond()))
                .orElseThrow();
    }

    private static Run measure(String name, int items, boolean plaintext) throws Exception {
        Path dataDir = Files.createTempDirectory("intel-bench-");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(HubApplication.class);
        if (plaintext) {
            builder.initializers(context -> ((GenericApplicationContext) context).registerBean("plaintextFieldCipher",
                    FieldCipher.class, IntelShareBench::plaintextCipher, definition -> definition.setPrimary(true)));
        }
        try (ConfigurableApplicationContext hub = builder.profiles("demo")
                .run("--server.port=0", "--hub.storage.data-dir=" + dataDir, "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off", "--hub.limits.enabled=false", "--hub.tls.enabled=false")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) hub).getWebServer().getPort();
            System.out.println(name + ": FieldCipher in use = " + hub.getBean(FieldCipher.class).getClass().getName());
            String token = clientToken(base);
            String caseId = post(base, token, "/api/cases", "{\"childName\":\"Bench Child\",\"dateOfBirth\":\"2012-01-01\","
                    + "\"district\":\"Colchester\",\"exploitationType\":\"CCE\",\"memberAgencies\":[\"essex-csc\"]}").get("id").asString();
            String text = "Seen with older males near the station; [[police-only:vehicle AB12 CDE, driver known]] "
                    + "x".repeat(900);
            String body = "{\"text\":" + JSON.writeValueAsString(text) + ",\"category\":\"ASSOCIATES\",\"label\":\"all-members\","
                    + "\"marking\":\"OFFICIAL_SENSITIVE\",\"observedAt\":\"" + Instant.now().minusSeconds(60) + "\","
                    + "\"location\":{\"placeName\":\"Station car park\",\"district\":\"Colchester\"}}";
            for (int i = 0; i < 200; i++) {
                post(base, token, "/api/cases/" + caseId + "/intel", body);
            }
            List<Long> shares = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < items; i++) {
                long t0 = System.nanoTime();
                ids.add(post(base, token, "/api/cases/" + caseId + "/intel", body).get("id").asString());
                shares.add(System.nanoTime() - t0);
            }
            double shareSeconds = (System.nanoTime() - start) / 1e9;
            List<Long> reads = new ArrayList<>();
            start = System.nanoTime();
            for (String id : ids) {
                long t0 = System.nanoTime();
                get(base, token, "/api/cases/" + caseId + "/intel/" + id);
                reads.add(System.nanoTime() - t0);
            }
            double readSeconds = (System.nanoTime() - start) / 1e9;
            return new Run(name, items / shareSeconds, pct(shares, 50), pct(shares, 99), items / readSeconds,
                    pct(reads, 50), pct(reads, 99));
        }
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static String clientToken(String base) throws Exception {
        String basic = Base64.getEncoder().encodeToString("police-rms:demo-client-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hub")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("access_token").asString();
    }

    private static JsonNode post(String base, String token, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static void get(String base, String token, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + r.statusCode());
        }
    }
}
