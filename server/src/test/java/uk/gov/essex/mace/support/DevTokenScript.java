package uk.gov.essex.mace.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code scripts/dev-token} in its own process, as a person would, against a hub a test started. */
public final class DevTokenScript {

    private static final Path SCRIPT = Path.of("..", "scripts", "dev-token").toAbsolutePath().normalize();

    private final String base;
    private final Map<String, String> environment = new HashMap<>();

    private DevTokenScript(String base) {
        this.base = base;
    }

    /** The script pointed at this hub ({@code HUB_URL}). */
    public static DevTokenScript against(String base) {
        return new DevTokenScript(base);
    }

    /** One more environment variable for the script and the curl it runs. */
    public DevTokenScript env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public Result run(String username, String password) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), username);
        builder.environment().putAll(environment);
        builder.environment().put("HUB_URL", base);
        builder.environment().put("HUB_DEMO_PASSWORD", password);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("scripts/dev-token " + username + " did not finish in 60 s");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** What the script printed and how it ended. */
    public record Result(int exit, String stdout, String stderr) {

        public String token() {
            return stdout.trim();
        }

        /** The access token's claims (its payload, not verified: the hub verifies it when it is used). */
        public JsonNode claims() {
            String[] parts = token().split("\\.");
            if (parts.length != 3) {
                throw new IllegalStateException("not a JWT: " + stdout + stderr);
            }
            return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(parts[1]));
        }
    }
}
