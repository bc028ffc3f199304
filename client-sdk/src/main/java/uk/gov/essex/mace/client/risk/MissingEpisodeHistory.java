package uk.gov.essex.mace.client.risk;

import java.util.List;

/**
 * A missing episode as it stands and every version it has had, oldest first.
 *
 * @param current the current version
 * @param versions every version
 */
public record MissingEpisodeHistory(MissingEpisode current, List<MissingEpisode> versions) {

    public MissingEpisodeHistory {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
