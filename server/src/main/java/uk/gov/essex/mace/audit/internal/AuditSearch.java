package uk.gov.essex.mace.audit.internal;

import com.mongodb.client.MongoCursor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;

/** Finds entries for auditors and exports them as CSV; an export is itself audited first. */
@Service
public class AuditSearch {

    private final AuditEntries entries;
    private final AuditTrail trail;

    public AuditSearch(AuditEntries entries, AuditTrail trail) {
        this.entries = entries;
        this.trail = trail;
    }

    /**
     * One page of matching entries; an entry that no longer reads as one (tampered) is returned
     * as empty so that the auditor sees the gap and runs verification.
     */
    public List<Found> find(AuditQuery query) {
        return entries.find(query).stream()
                .map(doc -> new Found(doc.get(EntryDocuments.ID) instanceof Number id ? id.longValue() : -1, read(doc)))
                .toList();
    }

    /**
     * Records the export as {@code audit.export} (failing closed before anything leaves), then
     * returns the writer of the CSV.
     */
    public CsvExport export(HubPrincipal who, AuditQuery query) {
        AuditEvent event = AuditEvent.of(who, "audit.export", AuditEvent.Outcome.SUCCESS);
        event = with(event, "caseId", query.caseId());
        event = with(event, "actor", query.actor());
        event = with(event, "agency", query.agency());
        event = with(event, "action", query.action());
        event = with(event, "from", query.from() == null ? null : query.from().toString());
        event = with(event, "to", query.to() == null ? null : query.to().toString());
        trail.append(event);
        return out -> write(query.unpaged(), out);
    }

    private void write(AuditQuery query, OutputStream stream) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write(AuditCsv.HEADER);
        try (MongoCursor<Document> cursor = entries.stream(query)) {
            while (cursor.hasNext()) {
                Document doc = cursor.next();
                Optional<AuditEntry> entry = read(doc);
                out.write(entry.isPresent()
                        ? AuditCsv.row(entry.get(), EntryDocuments.hash(doc, EntryDocuments.LEAF_HASH))
                        : AuditCsv.unreadable(doc.get(EntryDocuments.ID)));
            }
        }
        out.flush();
    }

    static Optional<AuditEntry> read(Document doc) {
        try {
            return Optional.of(EntryDocuments.fromDocument(doc));
        } catch (EntryDocuments.MalformedEntry e) {
            return Optional.empty();
        }
    }

    private static AuditEvent with(AuditEvent event, String key, String value) {
        return value == null ? event : event.with(key, value);
    }

    /**
     * A stored entry found by a search.
     *
     * @param seq its position ({@code _id})
     * @param entry the entry, or empty when the document no longer reads as one
     */
    public record Found(long seq, Optional<AuditEntry> entry) {}

    /** Writes the export to a response body. */
    @FunctionalInterface
    public interface CsvExport {

        void writeTo(OutputStream out) throws IOException;
    }
}
