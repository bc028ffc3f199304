package uk.gov.essex.mace.risk;

import java.util.List;

/** A missing episode as it stands and every version it has had, oldest first. */
public record MissingEpisodeHistoryResponse(MissingEpisodeResponse current, List<MissingEpisodeResponse> versions) {}
