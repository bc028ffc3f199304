package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The API contract partners build against: the hub's OpenAPI document, kept in the repository
 * (and shipped inside the SDK jar) at {@value #STORED}. A change to the hub's API fails this test
 * until the stored document is regenerated and the change reviewed, with the SDK updated to match.
 *
 * <p>Regenerate: {@code ./mvnw -o -q -pl client-sdk,server -am test -Dtest=OpenApiContractTests
 * -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true}, then review {@code git diff}.
 */
class OpenApiContractTests extends HubIntegrationTest {

    static final String STORED = "client-sdk/src/main/resources/openapi/mace-hub.json";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Test
    void apiDocsWhenFetchedFromRunningHubThenMatchStoredContract() throws Exception {
        HubApi.Reply reply = api.get(null, "/v3/api-docs");
        assertThat(reply.status()).as("GET /v3/api-docs").isEqualTo(200);
        String live = normalise(reply.body());
        Path stored = repositoryRoot().resolve(STORED);
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(stored.getParent());
            Files.writeString(stored, live, StandardCharsets.UTF_8);
            return;
        }
        assertThat(stored).as("stored OpenAPI document; create it with -Dopenapi.update=true").exists();
        String expected = Files.readString(stored, StandardCharsets.UTF_8);
        if (!expected.equals(live)) {
            throw new AssertionError("The hub's API no longer matches " + STORED + ".\n" + firstDifference(expected, live)
                    + "\nIf the change is intended, regenerate the file and review it (and update the client SDK):\n"
                    + "  ./mvnw -o -q -pl client-sdk,server -am test -Dtest=OpenApiContractTests "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true\n  git diff " + STORED);
        }
    }

    /** Sorted keys, two-space indent, no {@code servers} (it names the test's random port). */
    static String normalise(String json) {
        Object tree = JSON.readValue(json, Object.class);
        if (tree instanceof Map<?, ?> map) {
            map.remove("servers");
        }
        return JSON.writeValueAsString(sorted(tree)) + "\n";
    }

    private static Object sorted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(sorted(v)));
            return out;
        }
        return node;
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        StringBuilder b = new StringBuilder("First difference at line " + (i + 1) + ":\n");
        for (int j = Math.max(0, i - 3); j < i; j++) {
            b.append("    ").append(e[j]).append('\n');
        }
        b.append("  - ").append(i < e.length ? e[i] : "<end of stored file>").append('\n');
        b.append("  + ").append(i < a.length ? a[i] : "<end of live document>").append('\n');
        return b.toString();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("client-sdk"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (a directory holding client-sdk/)");
        }
        return dir;
    }
}
