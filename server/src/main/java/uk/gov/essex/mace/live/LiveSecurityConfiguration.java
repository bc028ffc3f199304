package uk.gov.essex.mace.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Lets the WebSocket handshake at {@code /ws} through the servlet filter chain without a session
 * or token: a browser cannot put a bearer token on the upgrade request, so authentication happens
 * at STOMP CONNECT ({@link StompAuthentication}) and nothing flows before it.
 */
@Configuration(proxyBeanMethods = false)
class LiveSecurityConfiguration {

    @Bean
    @Order(5)
    SecurityFilterChain liveChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/ws", "/ws/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
