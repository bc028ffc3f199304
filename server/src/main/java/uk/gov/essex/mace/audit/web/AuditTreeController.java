package uk.gov.essex.mace.audit.web;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.audit.AuditTreeHeadNotFound;
import uk.gov.essex.mace.audit.internal.AuditProofs;
import uk.gov.essex.mace.audit.internal.AuditVerifier;
import uk.gov.essex.mace.audit.internal.VerificationReport;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;

/**
 * Signed tree heads, proofs and verification: what an auditor, or a partner holding earlier
 * heads, needs to check that the trail was not rewritten.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1">RFC 9162 s2.1</a>
 */
@RestController
@RequestMapping("/api/audit")
class AuditTreeController {

    private final PolicyDecisionPoint policy;
    private final AuditProofs proofs;
    private final AuditVerifier verifier;

    AuditTreeController(PolicyDecisionPoint policy, AuditProofs proofs, AuditVerifier verifier) {
        this.policy = policy;
        this.proofs = proofs;
        this.verifier = verifier;
    }

    @GetMapping("/tree-heads")
    TreeHeadsResponse treeHeads(
            @AuthenticationPrincipal HubPrincipal principal,
            @RequestParam(defaultValue = "-1") long afterSize,
            @RequestParam(defaultValue = "100") int limit) {
        policy.check(principal, Action.AUDIT_READ);
        List<TreeHeadResponse> heads = proofs.heads(afterSize, limit).stream().map(TreeHeadResponse::of).toList();
        Long next = heads.size() < limit ? null : heads.get(heads.size() - 1).treeSize();
        return new TreeHeadsResponse(heads, next);
    }

    @GetMapping("/tree-heads/latest")
    TreeHeadResponse latestTreeHead(@AuthenticationPrincipal HubPrincipal principal) {
        policy.check(principal, Action.AUDIT_READ);
        return TreeHeadResponse.of(proofs.latestHead());
    }

    /** Signs a head over everything appended so far, now rather than at the next scheduled run. */
    @PostMapping("/tree-heads")
    TreeHeadResponse signTreeHead(@AuthenticationPrincipal HubPrincipal principal) {
        policy.check(principal, Action.AUDIT_READ);
        return TreeHeadResponse.of(proofs.signTreeHead()
                .orElseThrow(() -> new AuditTreeHeadNotFound("the trail is empty: there is nothing to sign")));
    }

    @GetMapping("/proofs/inclusion")
    InclusionProofResponse inclusion(
            @AuthenticationPrincipal HubPrincipal principal, @RequestParam long seq, @RequestParam long treeSize) {
        policy.check(principal, Action.AUDIT_READ);
        return InclusionProofResponse.of(proofs.inclusion(seq, treeSize));
    }

    @GetMapping("/proofs/consistency")
    ConsistencyProofResponse consistency(
            @AuthenticationPrincipal HubPrincipal principal, @RequestParam long from, @RequestParam long to) {
        policy.check(principal, Action.AUDIT_READ);
        return ConsistencyProofResponse.of(proofs.consistency(from, to));
    }

    @PostMapping("/verify")
    VerificationResponse verify(@AuthenticationPrincipal HubPrincipal principal) {
        policy.check(principal, Action.AUDIT_READ);
        VerificationReport report = verifier.verifyAndRecord(principal);
        return VerificationResponse.of(report);
    }

    /** Public: anyone may hold the key that checks the hub's tree heads. */
    @GetMapping("/public-key")
    PublicKeyResponse publicKey() {
        return PublicKeyResponse.of(proofs.signer());
    }
}
