package uk.gov.essex.mace.cluster;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Several hub instances on one database.
 *
 * @param instanceId this process's name in the {@code leases} and {@code instances} collections;
 *     generated (host, process id, random) when empty. Two running processes must never share one.
 * @param leaseDuration how long a lease holds without renewal: a holder that dies is replaced at
 *     most this plus {@code renewEvery} later
 * @param renewEvery how often the holder renews, and the others try to take over; well under
 *     {@code leaseDuration} so that one slow renewal does not lose the lease
 */
@Validated
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(
        @DefaultValue("") String instanceId,
        @NotNull @DefaultValue("10s") Duration leaseDuration,
        @NotNull @DefaultValue("3s") Duration renewEvery) {

    public ClusterProperties {
        if (leaseDuration != null && renewEvery != null && renewEvery.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("hub.cluster.renew-every must be shorter than hub.cluster.lease-duration");
        }
    }
}
