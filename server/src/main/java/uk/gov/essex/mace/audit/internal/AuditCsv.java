package uk.gov.essex.mace.audit.internal;

import java.util.Base64;
import java.util.stream.Collectors;

/**
 * CSV rows for the audit export (RFC 4180 quoting). Cells that a spreadsheet would run as a
 * formula get a leading apostrophe (OWASP CSV injection).
 */
final class AuditCsv {

    static final String HEADER =
            "seq,time,subject,agency,roles,clientId,action,targets,outcome,requestId,sourceAddress,details,leafHash\r\n";

    private AuditCsv() {}

    static String row(AuditEntry entry, byte[] leafHash) {
        AuditEntry.Actor actor = entry.actor();
        return String.join(",",
                        String.valueOf(entry.seq()),
                        entry.time().toString(),
                        cell(actor == null ? null : actor.subject()),
                        cell(actor == null ? null : actor.agency()),
                        cell(actor == null ? null : String.join(";", actor.roles())),
                        cell(actor == null ? null : actor.clientId()),
                        cell(entry.action()),
                        cell(String.join(";", entry.targets())),
                        cell(entry.outcome()),
                        cell(entry.requestId()),
                        cell(entry.sourceAddress()),
                        cell(entry.details().entrySet().stream()
                                .map(d -> d.getKey() + "=" + d.getValue())
                                .collect(Collectors.joining(";"))),
                        Base64.getEncoder().encodeToString(leafHash))
                + "\r\n";
    }

    static String unreadable(Object id) {
        return cell(String.valueOf(id)) + ",,,,,,(unreadable: run verification),,,,,,\r\n";
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
