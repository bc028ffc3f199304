package uk.gov.essex.mace.audit.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the audit trail checkpoints itself.
 *
 * @param treeHeadInterval how often to sign a tree head when entries have been added since the
 *     last one; also the longest time an entry goes without a signed head vouching for it
 * @param signOnSchedule whether this process signs tree heads on that schedule (off for one-shot
 *     commands such as {@code audit-verify}, which must not write)
 */
@Validated
@ConfigurationProperties("hub.audit")
public record AuditProperties(
        @NotNull @DefaultValue("10s") Duration treeHeadInterval,
        @DefaultValue("true") boolean signOnSchedule) {}
