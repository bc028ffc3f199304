package uk.gov.essex.mace.client.retention;

import static uk.gov.essex.mace.client.internal.HubRequest.segment;

import java.util.Objects;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.HubRequest;
import uk.gov.essex.mace.client.internal.Json;
import uk.gov.essex.mace.client.internal.Retry;

/**
 * Legal holds on cases ({@code /api/cases/{caseId}/legal-hold}). Obtain from
 * {@code HubClient.legalHolds()}. Only the chair of the case's quadrant and police intelligence
 * officers of a member police agency may read, place or lift a hold; a partner-system client
 * itself may not, so call these with the officer's own token ({@code tokenSupplier}).
 *
 * <p>Placing and lifting are retried only when the hub cannot have acted; a repeat of one that did
 * act is refused with a {@code ConflictException} ({@code already-held}, {@code not-held}).
 */
public final class LegalHoldsClient {

    private final HubHttp http;

    /** Internal: use {@code HubClient.legalHolds()}. */
    public LegalHoldsClient(HubHttp http) {
        this.http = http;
    }

    /** The case's hold, or one with {@code held() == false} when it has none. */
    public LegalHold get(String caseId) {
        return http.send(HubRequest.get(path(caseId), LegalHold.class));
    }

    /**
     * Places a hold: the case will not be erased until it is lifted. {@code ConflictException}
     * {@code already-held} when it is held, {@code erasure-in-progress} when an approved erasure has begun,
     * {@code hold-changed} when someone else placed or lifted a hold at the same moment (read it again).
     *
     * @param reason why (the proceedings or inquiry), up to 2000 characters; kept sealed and shown
     *     only to those who may manage holds
     */
    public LegalHold place(String caseId, String reason) {
        return http.send(HubRequest.post(path(caseId), new ReasonRequest(reason), LegalHold.class,
                Retry.ONLY_IF_NOT_PROCESSED, RequestOptions.NONE.keyOrRandom()));
    }

    /**
     * Lifts the hold, with the reason; {@code ConflictException} {@code not-held} when there is none,
     * {@code hold-changed} when the hold was lifted and another placed at the same moment (read it again).
     */
    public LegalHold lift(String caseId, String reason) {
        return http.send(new HubRequest<>("DELETE", path(caseId), new ReasonRequest(reason),
                Json.MAPPER.constructType(LegalHold.class), Retry.ONLY_IF_NOT_PROCESSED, null));
    }

    private static String path(String caseId) {
        return "/api/cases/" + segment(caseId) + "/legal-hold";
    }

    /** The body of {@link #place} and {@link #lift}. */
    record ReasonRequest(String reason) {
        ReasonRequest {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "ReasonRequest[redacted]";
        }
    }
}
