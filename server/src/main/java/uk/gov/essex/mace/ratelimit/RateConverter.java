package uk.gov.essex.mace.ratelimit;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds {@code hub.limits.*} values written {@code 120/1m}. */
@Component
@ConfigurationPropertiesBinding
class RateConverter implements Converter<String, Rate> {

    @Override
    public Rate convert(String source) {
        return Rate.parse(source);
    }
}
