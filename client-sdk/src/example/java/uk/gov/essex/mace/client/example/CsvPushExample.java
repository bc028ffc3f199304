package uk.gov.essex.mace.client.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.HubException;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.cases.ExploitationType;
import uk.gov.essex.mace.client.cases.FindCaseRequest;
import uk.gov.essex.mace.client.cases.FindCaseResponse;
import uk.gov.essex.mace.client.cases.OpenCaseRequest;
import uk.gov.essex.mace.client.intel.IntelCategory;
import uk.gov.essex.mace.client.intel.IntelItem;
import uk.gov.essex.mace.client.intel.ShareIntelRequest;
import uk.gov.essex.mace.client.live.LiveListener;
import uk.gov.essex.mace.client.live.LiveSubscription;
import uk.gov.essex.mace.client.alerts.Alert;
import uk.gov.essex.mace.client.risk.MissingEpisode;
import uk.gov.essex.mace.client.risk.ReportMissingEpisodeRequest;

/**
 * Pushes a police system's CSV export into the hub, the way a police RMS integration would:
 * for each row, find the child's case (or open one), share the row's intelligence, report its
 * missing episode, then print MACE alerts as they arrive.
 *
 * <p>Safe to run twice on the same file: each row's intelligence is shared with an idempotency key
 * made from the row, so the hub returns the item it stored the first time; a missing episode
 * already on the case with the same start is not reported again.
 *
 * <pre>
 * java ... CsvPushExample police-export.csv [--wait SECONDS]
 *   -Dhub.url=https://localhost:8080 -Dhub.cacert=data/keys/tls-cert.pem -Dhub.client=police-rms
 *   -Dhub.secret=demo-client-secret
 * </pre>
 *
 * Columns (header row required, any order): childName, dateOfBirth (yyyy-mm-dd), district,
 * observedAt (ISO instant), category, label, text, missingFrom, missingTo (ISO instants, optional).
 */
public final class CsvPushExample {

    private CsvPushExample() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CsvPushExample FILE.csv [--wait SECONDS]");
            System.exit(2);
        }
        Path csv = Path.of(args[0]);
        int waitSeconds = args.length >= 3 && args[1].equals("--wait") ? Integer.parseInt(args[2]) : 20;

        var builder = HubClient.builder()
                .baseUrl(System.getProperty("hub.url", "https://localhost:8080"))
                .clientCredentials(System.getProperty("hub.client", "police-rms"),
                        System.getProperty("hub.secret", "demo-client-secret"));
        String cacert = System.getProperty("hub.cacert", "");
        if (!cacert.isBlank()) {
            builder.trustCertificate(Path.of(cacert)); // the demo hub's own self-signed certificate
        }
        HubClient hub = builder.build();

        try (LiveSubscription alerts = hub.alerts().subscribe(new LiveListener<>() {
            @Override
            public void onItem(Alert alert) {
                System.out.printf("ALERT %s %s case=%s quadrant=%s status=%s raised=%s%n", alert.id(), alert.reason(),
                        alert.caseId(), alert.quadrant(), alert.status(), alert.raisedAt());
            }

            @Override
            public void onDisconnected(Throwable cause) {
                System.out.println("live alerts disconnected (" + cause.getMessage() + "); reconnecting");
            }
        })) {
            List<Map<String, String>> rows = Csv.read(csv);
            int line = 1;
            for (Map<String, String> row : rows) {
                line++;
                try {
                    push(hub, row);
                } catch (HubException e) {
                    // a bad row must not stop the batch; the request id lets the hub's support find it
                    System.out.printf("line %d: %s %s (request id %s)%n", line, e.problemSlug(), e.detail(), e.requestId());
                }
            }
            System.out.printf("pushed %d rows; waiting %d s for alerts...%n", rows.size(), waitSeconds);
            Thread.sleep(waitSeconds * 1000L);
        }
    }

    private static void push(HubClient hub, Map<String, String> row) {
        String child = row.get("childName");
        LocalDate dob = LocalDate.parse(row.get("dateOfBirth"));
        CaseResponse theCase = findOrOpen(hub, child, dob, row.get("district"));
        if (theCase == null) {
            return;
        }
        String text = row.getOrDefault("text", "");
        if (!text.isBlank()) {
            IntelItem item = hub.intel().share(theCase.id(), ShareIntelRequest.builder()
                            .text(text)
                            .category(IntelCategory.valueOf(row.getOrDefault("category", "OTHER")))
                            .label(row.getOrDefault("label", "all-members"))
                            .observedAt(Instant.parse(row.get("observedAt")))
                            .build(),
                    RequestOptions.idempotencyKey("csv-" + fingerprint(row)));
            System.out.printf("case %s: intelligence %s (%s)%n", theCase.id(), item.id(), item.label());
        }
        String missingFrom = row.getOrDefault("missingFrom", "");
        if (!missingFrom.isBlank()) {
            Instant from = Instant.parse(missingFrom);
            boolean known = hub.missingEpisodes().list(theCase.id(), false).stream()
                    .anyMatch(e -> e.startedAt().equals(from));
            if (!known) {
                String missingTo = row.getOrDefault("missingTo", "");
                MissingEpisode episode = hub.missingEpisodes().report(theCase.id(), new ReportMissingEpisodeRequest(from,
                        missingTo.isBlank() ? null : Instant.parse(missingTo), null, null));
                System.out.printf("case %s: missing episode %s from %s%n", theCase.id(), episode.id(), from);
            }
        }
    }

    private static CaseResponse findOrOpen(HubClient hub, String child, LocalDate dob, String district) {
        FindCaseResponse found = hub.cases().find(new FindCaseRequest(child, dob));
        if (!found.cases().isEmpty()) {
            return found.cases().get(0);
        }
        if (!found.otherCasesInQuadrants().isEmpty()) {
            System.out.println("a case for this child exists in " + found.otherCasesInQuadrants()
                    + " that we are not a member of: ask that quadrant's MACE coordinator; row skipped");
            return null;
        }
        CaseResponse opened = hub.cases().open(new OpenCaseRequest(child, dob, district, ExploitationType.NOT_YET_KNOWN,
                List.of()));
        System.out.printf("opened case %s in %s (%s)%n", opened.id(), opened.district(), opened.quadrant());
        return opened;
    }

    private static String fingerprint(Map<String, String> row) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(row.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180 CSV: a header row, comma separated, fields optionally in double quotes. */
    static final class Csv {
        static List<Map<String, String>> read(Path file) throws IOException {
            List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
            List<String> header = records.get(0);
            return records.subList(1, records.size()).stream()
                    .filter(r -> !(r.size() == 1 && r.get(0).isBlank()))
                    .map(r -> {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 0; i < header.size(); i++) {
                            row.put(header.get(i).trim(), i < r.size() ? r.get(i).trim() : "");
                        }
                        return row;
                    })
                    .toList();
        }

        static List<List<String>> parse(String text) {
            List<List<String>> records = new java.util.ArrayList<>();
            List<String> record = new java.util.ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new java.util.ArrayList<>();
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !record.isEmpty()) {
                record.add(field.toString());
                records.add(record);
            }
            return records;
        }
    }
}
