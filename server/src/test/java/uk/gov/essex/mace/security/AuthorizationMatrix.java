package uk.gov.essex.mace.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code security/authorization-matrix.csv}: one row per endpoint or STOMP destination, one column
 * per demo caller, each cell the expected status class. A {@code #relation} line says how each
 * caller stands to the seeded North case; lines starting with {@code #} are otherwise comments.
 */
record AuthorizationMatrix(List<String> callers, Map<String, String> relations, List<Row> rows) {

    static final String RESOURCE = "/security/authorization-matrix.csv";

    /** One endpoint: {@code kind} HTTP or STOMP (or FILTER for the authorization server's own endpoints). */
    record Row(String kind, String method, String path, Map<String, String> expected) {
        String key() {
            return EndpointInventory.key(kind, method, path);
        }
    }

    /** One cell: a caller on an endpoint, and the expected status class (2xx, 401, 403, 404). */
    record Cell(Row row, String caller, String relation, String expected) {
        @Override
        public String toString() {
            return row.method() + " " + row.path() + " as " + caller + " (" + relation + ") -> " + expected;
        }
    }

    static AuthorizationMatrix load() {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> callers = null;
            Map<String, String> relations = new LinkedHashMap<>();
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",", -1);
                if (line.startsWith("#relation")) {
                    for (int i = 3; i < parts.length; i++) {
                        relations.put(callers.get(i - 3), parts[i].trim());
                    }
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                if (callers == null) {
                    callers = new ArrayList<>();
                    for (int i = 3; i < parts.length; i++) {
                        callers.add(parts[i].trim());
                    }
                    continue;
                }
                if (parts.length != callers.size() + 3) {
                    throw new IllegalStateException("row has " + parts.length + " columns, expected " + (callers.size() + 3)
                            + ": " + line);
                }
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 3; i < parts.length; i++) {
                    String value = parts[i].trim();
                    if (!List.of("2xx", "401", "403", "404").contains(value)) {
                        throw new IllegalStateException("unknown status class '" + value + "' in: " + line);
                    }
                    expected.put(callers.get(i - 3), value);
                }
                rows.add(new Row(parts[0].trim(), parts[1].trim(), parts[2].trim(), expected));
            }
            return new AuthorizationMatrix(List.copyOf(callers), relations, List.copyOf(rows));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Row row : rows) {
            for (String caller : callers) {
                cells.add(new Cell(row, caller, relations.getOrDefault(caller, "?"), row.expected().get(caller)));
            }
        }
        return cells;
    }
}
