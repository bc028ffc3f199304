package uk.gov.essex.mace.system;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what the hub accepts over HTTP.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 */
@Validated
@ConfigurationProperties("hub.http")
public record HttpProperties(@NotNull @DefaultValue("256KB") DataSize maxBodyBytes) {}
