package uk.gov.essex.mace.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Where a signed-in person lands: the hub's root and {@code /app/} open "my cases". */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebMvcConfigurer {

    static final String HOME = "/app/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", HOME);
        registry.addRedirectViewController("/app", HOME);
        registry.addRedirectViewController("/app/", HOME);
    }
}
