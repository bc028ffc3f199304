package uk.gov.essex.mace.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.essex.mace.HubApplication;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.disruption.DisruptionActivity;
import uk.gov.essex.mace.intel.IntelLocations;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * MACE Part 2 profile time: one quadrant (North) over a year with 20,000 intelligence items and
 * 5,000 disruption updates in it, plus records elsewhere (other quadrants, the year before) that
 * the profile must pass over, all seeded straight into the stores in their stored formats (places
 * sealed with the real cipher). Figures: the profile over HTTP as an analyst sees it (first call,
 * then the median of repeated calls), the county profile, the CSV and PDF exports; beside them the
 * baseline of a raw scan of the same documents with the same filters (no decryption, no
 * aggregation) and the time to open the places alone.
 *
 * <p>Usage: {@code java -cp ... ProfileBench [--intel=20000] [--disruptions=5000] [--cases=600]
 * [--other-intel=5000] [--other-disruptions=1000] [--runs=7]}
 */
public final class ProfileBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String YEAR = "from=2025-01-01&to=2025-12-31";
    private static final String[] NORTH = {"Colchester", "Tendring"};
    private static final String[] TYPES = {"LICENSING_INSPECTION", "CLOSURE_ORDER", "COMMUNITY_PROTECTION_NOTICE",
            "HOTEL_OR_PREMISES_CHECK", "TAXI_LICENSING_ACTION", "PARTNERSHIP_PATROL", "TRADING_STANDARDS", "HOUSING_ACTION"};
    private static final String[] INDICATORS = {"MULTIPLE_PHONES_OR_SIMS", "HOTEL_OR_UNKNOWN_KEYS", "GANG_ASSOCIATION",
            "UNEXPLAINED_MONEY_OR_GIFTS", "CHANGE_IN_BEHAVIOUR", "UNEXPLAINED_ABSENCES"};

    private final MongoTemplate mongo;
    private final FieldCipher cipher;
    private final Random random = new Random(42);
    private final String base;

    private ProfileBench(ConfigurableApplicationContext hub) {
        this.mongo = hub.getBean(MongoTemplate.class);
        this.cipher = hub.getBean(FieldCipher.class);
        this.base = "http://localhost:" + hub.getEnvironment().getProperty("local.server.port");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).profiles("demo").run(
                "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--hub.limits.enabled=false", "--hub.tls.enabled=false",
                "--hub.storage.data-dir=" + Files.createTempDirectory("mace-profile-bench-"));
        try {
            ProfileBench bench = new ProfileBench(hub);
            System.out.printf("MACE Part 2 profile bench (%d cores, java %s)%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            bench.seed(Integer.parseInt(o.getOrDefault("cases", "600")), Integer.parseInt(o.getOrDefault("intel", "20000")),
                    Integer.parseInt(o.getOrDefault("disruptions", "5000")),
                    Integer.parseInt(o.getOrDefault("other-intel", "5000")),
                    Integer.parseInt(o.getOrDefault("other-disruptions", "1000")));
            bench.measure(hub, Integer.parseInt(o.getOrDefault("runs", "7")));
        } finally {
            hub.close();
        }
        System.exit(0);
    }

    private void seed(int cases, int intel, int disruptions, int otherIntel, int otherDisruptions) {
        long start = System.nanoTime();
        List<String> north = new ArrayList<>();
        List<String> south = new ArrayList<>();
        List<Document> caseDocs = new ArrayList<>();
        List<Document> risk = new ArrayList<>();
        List<Document> standings = new ArrayList<>();
        for (int i = 0; i < cases + cases / 3; i++) {
            boolean inNorth = i < cases;
            String id = UUID.randomUUID().toString();
            (inNorth ? north : south).add(id);
            String district = inNorth ? NORTH[i % 2] : "Basildon";
            caseDocs.add(new Document("_id", id).append("childNameSealed", seal(id, "case", id, "childName", "Bench Child " + i))
                    .append("dateOfBirthSealed", seal(id, "case", id, "dateOfBirth", "2011-05-01"))
                    .append("childIndex", "bench-" + i).append("district", district)
                    .append("quadrant", inNorth ? "NORTH" : "SOUTH")
                    .append("exploitationType", List.of("CSE", "CCE", "BOTH", "NOT_YET_KNOWN").get(random.nextInt(4)))
                    .append("status", "OPEN").append("memberAgencies", List.of("essex-police"))
                    .append("openedAt", new Date()).append("openedBy", "bench").append("openedByAgency", "essex-police"));
            risk.add(riskRecord(id));
            if (random.nextInt(4) == 0) {
                Date entered = date(LocalDate.of(2024, 6, 1).plusDays(random.nextInt(500)));
                boolean left = random.nextBoolean();
                standings.add(new Document("_id", id).append("rev", 1L).append("version", 1L).append("settings", "bench")
                        .append("reasons", new Document()).append("inCriteria", !left).append("enteredAt", entered)
                        .append("leftAt", left ? Date.from(entered.toInstant().plusSeconds(86_400L * (10 + random.nextInt(120))))
                                : null).append("evaluatedAt", entered));
            }
        }
        insert("cases", caseDocs);
        insert("case_risk", risk);
        insert("mace_status", standings);
        List<Document> items = new ArrayList<>();
        for (int i = 0; i < intel + otherIntel; i++) {
            boolean target = i < intel;
            boolean otherQuadrant = !target && i % 2 == 0;
            String caseId = (otherQuadrant ? south : north).get(random.nextInt((otherQuadrant ? south : north).size()));
            LocalDate day = LocalDate.of(target || otherQuadrant ? 2025 : 2024, 1, 1).plusDays(random.nextInt(365));
            items.add(intelItem(caseId, day, random.nextInt(10) < 8));
            if (items.size() == 2000) {
                insert("intel_items", items);
                items.clear();
            }
        }
        insert("intel_items", items);
        List<Document> updates = new ArrayList<>();
        for (int i = 0; i < disruptions + otherDisruptions; i++) {
            boolean target = i < disruptions;
            boolean otherQuadrant = !target && i % 2 == 0;
            LocalDate day = LocalDate.of(target || otherQuadrant ? 2025 : 2024, 1, 1).plusDays(random.nextInt(365));
            updates.add(disruption(i, otherQuadrant ? Quadrant.SOUTH : Quadrant.NORTH, day));
        }
        insert("disruption_updates", updates);
        System.out.printf("seeded %,d + %,d intelligence items, %,d + %,d disruption updates, %,d cases in %,d ms%n%n",
                intel, otherIntel, disruptions, otherDisruptions, caseDocs.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private void measure(ConfigurableApplicationContext hub, int runs) throws Exception {
        String analyst = userToken("analyst.north");
        String subcommittee = userToken("subcommittee");
        List<Long> baseline = new ArrayList<>();
        List<Long> baselineCpu = new ArrayList<>();
        List<Long> opened = new ArrayList<>();
        List<Long> openedCpu = new ArrayList<>();
        List<Long> profile = new ArrayList<>();
        List<Long> profileCpu = new ArrayList<>();
        long first = time(() -> get(analyst, "/api/profiles?quadrant=NORTH&" + YEAR));
        long firstCpu = lastCpu;
        Map<String, Long> parts = new java.util.TreeMap<>();
        for (int r = 0; r < 3; r++) {
            rawScan(parts);
        }
        System.out.printf("raw scan by collection, total of 3 runs (ms): %s%n", parts);
        List<String> north = caseIds("NORTH");
        Document dated = new Document("status", "ACTIVE").append("observedAt", new Document("$gte",
                date(LocalDate.of(2024, 1, 1))).append("$lt", date(LocalDate.of(2026, 1, 1))));
        Document fields = new Document("caseId", 1).append("label", 1).append("observedAt", 1).append("currentRevision", 1)
                .append("revisions.revision", 1).append("revisions.locationSealed", 1);
        List<Long> withIn = new ArrayList<>();
        List<Long> withoutIn = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            withoutIn.add(time(() -> mongo.getCollection("intel_items").find(dated).projection(fields).forEach(d -> { })));
            withIn.add(time(() -> mongo.getCollection("intel_items").find(new Document(dated)
                    .append("caseId", new Document("$in", north))).projection(fields).forEach(d -> { })));
        }
        System.out.printf("intelligence scan, median of 3: cases matched in Java %d ms; as caseId $in [%d ids] %d ms%n",
                median(withoutIn), north.size(), median(withIn));
        for (int r = 0; r < runs; r++) {
            baseline.add(time(this::rawScan));
            baselineCpu.add(lastCpu);
            opened.add(time(() -> openPlaces(hub)));
            openedCpu.add(lastCpu);
            profile.add(time(() -> get(analyst, "/api/profiles?quadrant=NORTH&" + YEAR)));
            profileCpu.add(lastCpu);
        }
        long county = median(List.of(time(() -> get(subcommittee, "/api/profiles/county?" + YEAR)),
                time(() -> get(subcommittee, "/api/profiles/county?" + YEAR)),
                time(() -> get(subcommittee, "/api/profiles/county?" + YEAR))));
        long csv = time(() -> get(analyst, "/api/profiles/export.csv?quadrant=NORTH&" + YEAR));
        long csvCpu = lastCpu;
        long pdf = time(() -> get(analyst, "/api/profiles/export.pdf?quadrant=NORTH&" + YEAR));
        String body = get(analyst, "/api/profiles?quadrant=NORTH&" + YEAR);
        System.out.printf("%n| measurement (North, 2025 against 2024) | wall ms | process CPU ms |%n|---|---:|---:|%n");
        System.out.printf("| baseline: raw scan of the same documents, same filters, no decryption (median of %d) | %d | %d |%n",
                runs, median(baseline), median(baselineCpu));
        System.out.printf("| the same scan opening every place through the features' read interfaces (median) | %d | %d |%n",
                median(opened), median(openedCpu));
        System.out.printf("| profile over HTTP, first call after start | %d | %d |%n", first, firstCpu);
        System.out.printf("| profile over HTTP (median of %d; wall min %d, max %d) | %d | %d |%n", runs,
                profile.stream().min(Long::compare).orElseThrow(), profile.stream().max(Long::compare).orElseThrow(),
                median(profile), median(profileCpu));
        System.out.printf("| county profile over HTTP (median of 3) | %d | |%n", county);
        System.out.printf("| CSV export | %d | %d |%n", csv, csvCpu);
        System.out.printf("| PDF export | %d | %d |%n", pdf, lastCpu);
        String scan = "raw scan of the same documents, no decryption";
        Figure.lower("part2-profile", "North profile over a year, HTTP, median", median(profile), "ms", scan, median(baseline));
        Figure.lower("part2-profile", "North profile, first call after start", first, "ms", scan, median(baseline));
        Figure.lower("part2-profile", "county profile, median of 3", county, "ms", scan, median(baseline));
        System.out.printf("%nload average during the run: %.1f on %d cores%n", OS.getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%nprofile headline: %s%n", JSON.readTree(body).get("headline"));
        System.out.printf("hotspots listed: %d%n", JSON.readTree(body).get("hotspots").size());
    }

    /** What the profile reads, with the same filters and projections, and nothing more. */
    private void rawScan() {
        rawScan(new HashMap<>());
    }

    private void rawScan(Map<String, Long> parts) {
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        mongo.getCollection("cases").find(new Document("quadrant", new Document("$in", List.of("NORTH"))))
                .projection(new Document("quadrant", 1).append("district", 1).append("exploitationType", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        int[] n = {0};
        long t1 = System.nanoTime();
        mongo.getCollection("mace_status").find().forEach(d -> n[0]++);
        long t2 = System.nanoTime();
        java.util.Set<String> wanted = java.util.Set.copyOf(ids);
        mongo.getCollection("case_risk").find().forEach(d -> n[0] += wanted.contains(d.getString("_id")) ? 1 : 0);
        long t3 = System.nanoTime();
        mongo.getCollection("intel_items").find(new Document("status", "ACTIVE")
                        .append("observedAt", new Document("$gte", date(LocalDate.of(2024, 1, 1)))
                                .append("$lt", date(LocalDate.of(2026, 1, 1)))))
                .projection(new Document("caseId", 1).append("label", 1).append("observedAt", 1).append("currentRevision", 1)
                        .append("revisions.revision", 1).append("revisions.locationSealed", 1))
                .forEach(d -> n[0] += wanted.contains(d.getString("caseId")) ? 1 : 0);
        long t4 = System.nanoTime();
        mongo.getCollection("disruption_updates").find(new Document("quadrant", new Document("$in", List.of("NORTH")))
                        .append("date", new Document("$gte", "2024-01-01").append("$lte", "2025-12-31")))
                .projection(new Document("type", 1).append("district", 1).append("quadrant", 1).append("date", 1)
                        .append("keyScope", 1).append("label", 1).append("placeSealed", 1))
                .forEach(d -> n[0]++);
        long t5 = System.nanoTime();
        parts.merge("cases", (t1 - t0) / 1_000_000, Long::sum);
        parts.merge("mace_status", (t2 - t1) / 1_000_000, Long::sum);
        parts.merge("case_risk", (t3 - t2) / 1_000_000, Long::sum);
        parts.merge("intel_items", (t4 - t3) / 1_000_000, Long::sum);
        parts.merge("disruption_updates", (t5 - t4) / 1_000_000, Long::sum);
    }

    private List<String> caseIds(String quadrant) {
        List<String> ids = new ArrayList<>();
        mongo.getCollection("cases").find(new Document("quadrant", quadrant)).projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private void openPlaces(ConfigurableApplicationContext hub) {
        List<String> ids = new ArrayList<>();
        mongo.getCollection("cases").find(new Document("quadrant", "NORTH")).projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        int[] n = {0};
        hub.getBean(IntelLocations.class).forEach(ids, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), p -> n[0]++);
        hub.getBean(DisruptionActivity.class).forEach(List.of(Quadrant.NORTH), LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), a -> n[0]++);
    }

    private Document riskRecord(String caseId) {
        List<Document> episodes = new ArrayList<>();
        for (int e = 0; e < random.nextInt(5); e++) {
            Date start = date(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(730)));
            String episodeId = UUID.randomUUID().toString();
            String whereFound = random.nextBoolean() ? place(random.nextInt(300)) + ", " + postcode(0) : null;
            // sealed as risk.CaseRiskDocuments seals it
            Binary sealedWhereFound = whereFound == null ? null
                    : new Binary(cipher.sealText(new FieldContext(caseId, "missing-episode", episodeId, "whereFound", 1), whereFound));
            episodes.add(new Document("id", episodeId).append("versions", List.of(new Document("number", 1)
                    .append("startedAt", start).append("returnedAt", start)
                    .append("whereFound", sealedWhereFound)
                    .append("returnHomeInterview", null).append("deleted", false).append("change", "REPORTED")
                    .append("reason", null).append("lateReport", false).append("recordedBy", "bench")
                    .append("recordedByAgency", "essex-police").append("recordedAt", start))));
        }
        List<Document> indicators = new ArrayList<>();
        for (int k = 0; k < random.nextInt(4); k++) {
            indicators.add(new Document("id", UUID.randomUUID().toString())
                    .append("indicator", INDICATORS[random.nextInt(INDICATORS.length)])
                    .append("observedOn", LocalDate.of(2024, 1, 1).plusDays(random.nextInt(730)).toString())
                    .append("sourceNote", "bench").append("recordedBy", "bench").append("recordedByAgency", "essex-police")
                    .append("recordedAt", new Date()));
        }
        return new Document("_id", caseId).append("version", 1L).append("assessments", List.of())
                .append("episodes", episodes).append("indicators", indicators);
    }

    /** An intelligence item in intel.StoredIntel's stored form: text and location sealed for the case. */
    private Document intelItem(String caseId, LocalDate day, boolean located) {
        String id = UUID.randomUUID().toString();
        int p = zipf();
        Binary location = located ? new Binary(cipher.seal(new FieldContext(caseId, "intel-item", id, "location", 1),
                JSON.writeValueAsBytes(Map.of("placeName", place(p), "postcode", postcode(p), "district", NORTH[p % 2]))))
                : null;
        Date observed = date(day);
        Document revision = new Document("revision", 1).append("revisedAt", observed).append("revisedBy", "bench")
                .append("parts", List.of(new Document("label", null).append("sealed", new Binary(cipher.seal(
                        new FieldContext(caseId, "intel-item", id, "part-0", 1),
                        "Seen with older males near the station; phones and cash".getBytes(StandardCharsets.UTF_8))))))
                .append("locationSealed", location).append("personsSealed", null);
        return new Document("_id", id).append("caseId", caseId).append("seq", 1L).append("owningAgency", "essex-police")
                .append("author", "bench").append("label", random.nextInt(50) == 0 ? "police-source-protected" : "all-members")
                .append("marking", "OFFICIAL_SENSITIVE").append("category", "LOCATIONS").append("sharedAt", observed)
                .append("observedAt", observed).append("status", "ACTIVE").append("currentRevision", 1)
                .append("revisions", List.of(revision));
    }

    /** A disruption update in disruption.StoredDisruption's stored form, its place sealed under the month's key scope. */
    private Document disruption(int i, Quadrant quadrant, LocalDate day) {
        String id = UUID.randomUUID().toString();
        String scope = "disruption:" + quadrant.name() + ":" + day.toString().substring(0, 7);
        int p = zipf();
        String district = quadrant == Quadrant.NORTH ? NORTH[p % 2] : "Basildon";
        byte[] place = cipher.seal(new FieldContext(scope, "disruption-update", id, "place", 1),
                JSON.writeValueAsBytes(Map.of("premisesName", place(p), "postcode", postcode(p))));
        return new Document("_id", id).append("seq", (long) i + 1).append("type", TYPES[random.nextInt(TYPES.length)])
                .append("district", district).append("quadrant", quadrant.name()).append("date", day.toString())
                .append("keyScope", scope).append("owningAgency", "colchester-council").append("author", "bench")
                .append("label", "all-members").append("marking", "OFFICIAL").append("postedAt", new Date())
                .append("linkedCaseIds", List.of()).append("placeSealed", new Binary(place))
                .append("outcomeSealed", new Binary(cipher.seal(new FieldContext(scope, "disruption-update", id, "outcome", 1),
                        "Advice given".getBytes(StandardCharsets.UTF_8))))
                .append("textSealed", null);
    }

    /** Places 0..299, the low numbers far more often (a few hotspots, a long tail). */
    private int zipf() {
        return (int) Math.min(299, Math.floor(Math.pow(300, random.nextDouble())) - 1);
    }

    private static String place(int p) {
        return List.of("Station Hotel", "Bus Station", "Seafront Arcade", "Kebab House", "Retail Park", "Park Lodge")
                .get(p % 6) + " " + (p / 6 + 1);
    }

    private static String postcode(int p) {
        return "CO" + (1 + p % 16) + " " + (1 + p % 9) + "AB";
    }

    private byte[] seal(String caseId, String type, String id, String field, String value) {
        return cipher.seal(new FieldContext(caseId, type, id, field, 1), value.getBytes(StandardCharsets.UTF_8));
    }

    private void insert(String collection, List<Document> docs) {
        if (!docs.isEmpty()) {
            mongo.getCollection(collection).insertMany(new ArrayList<>(docs));
        }
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** CPU time (ms) the whole process (hub and bench) used during the last {@link #time} call. */
    private static long lastCpu;

    private static long time(Work work) throws Exception {
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        work.run();
        long wall = (System.nanoTime() - start) / 1_000_000;
        lastCpu = (OS.getProcessCpuTime() - cpu) / 1_000_000;
        return wall;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private String get(String token, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A demo user's token through the real authorization code + PKCE flow (as scripts/dev-token does). */
    private String userToken(String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1/dev-token/callback";
        URI authorize = URI.create(base + "/oauth2/authorize?response_type=code&client_id=hub-cli&scope=hub&state=b"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri=" + enc(redirect));
        browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = find("name=\"_csrf\"[^>]*value=\"([^\"]+)\"", login);
        browser.send(form("/login", "username=" + enc(username) + "&password=mace-demo-2026&_csrf=" + enc(csrf)),
                HttpResponse.BodyHandlers.ofString());
        String location = browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location").orElseThrow();
        String token = browser.send(form("/oauth2/token", "grant_type=authorization_code&client_id=hub-cli&code="
                + find("[?&]code=([^&]+)", location) + "&redirect_uri=" + enc(redirect) + "&code_verifier=" + verifier),
                HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(token).get("access_token").asString();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
