package uk.gov.essex.mace.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import uk.gov.essex.mace.identity.IdentityProperties;

/**
 * The demo people of {@code config/demo/identity.yml}, bound as the hub binds them under the
 * {@code demo} profile: for parameter lists that must follow the configuration, not a copy of it.
 */
public final class DemoUsers {

    /** Where the {@code demo} profile imports it from (application-demo.yml). */
    public static final String RESOURCE = "hub-config/demo/identity.yml";

    private DemoUsers() {}

    public static List<IdentityProperties.User> all() {
        try {
            var sources = new YamlPropertySourceLoader().load("identity.yml", new ClassPathResource(RESOURCE));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("hub.identity", IdentityProperties.class).get().users();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
