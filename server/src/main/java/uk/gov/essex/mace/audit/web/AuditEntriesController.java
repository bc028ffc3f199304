package uk.gov.essex.mace.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uk.gov.essex.mace.audit.internal.AuditQuery;
import uk.gov.essex.mace.audit.internal.AuditSearch;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;

/** Auditors search and export the trail. */
@RestController
@RequestMapping("/api/audit")
class AuditEntriesController {

    private final PolicyDecisionPoint policy;
    private final AuditSearch search;

    AuditEntriesController(PolicyDecisionPoint policy, AuditSearch search) {
        this.policy = policy;
        this.search = search;
    }

    @GetMapping("/entries")
    AuditEntriesResponse entries(
            @AuthenticationPrincipal HubPrincipal principal,
            @RequestParam(required = false) String caseId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Long afterSeq,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        policy.check(principal, Action.AUDIT_READ);
        AuditQuery query = new AuditQuery(caseId, actor, agency, action, from, to, afterSeq, page, size);
        List<AuditEntryResponse> entries = search.find(query).stream()
                .map(found -> found.entry().map(AuditEntryResponse::of).orElse(AuditEntryResponse.unreadable(found.seq())))
                .toList();
        Long next = entries.size() < size ? null : entries.get(entries.size() - 1).seq();
        return new AuditEntriesResponse(entries, page, size, next);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> export(
            @AuthenticationPrincipal HubPrincipal principal,
            @RequestParam(required = false) String caseId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        policy.check(principal, Action.AUDIT_READ);
        AuditSearch.CsvExport csv = search.export(
                principal, new AuditQuery(caseId, actor, agency, action, from, to, null, 0, AuditQuery.MAX_SIZE));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-export.csv\"")
                .body(csv::writeTo);
    }
}
