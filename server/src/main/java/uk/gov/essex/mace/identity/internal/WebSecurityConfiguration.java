package uk.gov.essex.mace.identity.internal;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.identity.IdentityProperties;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ProblemWriter;

/**
 * The filter chains after the authorization server's own: the API (stateless bearer tokens from
 * trusted issuers only), actuator (health open, metrics for administrators), and the rest (the
 * login page and, later, the web app).
 *
 * <p>The stateless chains never change the session's id. A bearer call from the web app also
 * carries its sign-in cookie, and session fixation protection (which belongs to signing in) would
 * give that session a new id on every call; two calls at once could then leave the browser with
 * an id that no longer existed, and the page's next token renewal found it signed out.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    @Bean
    JwtIssuerAuthenticationManagerResolver issuerResolver(
            IdentityProperties properties, RSAKey hubSigningKey, Partnership partnership, ClientRevocations revocations)
            throws Exception {
        return TrustedIssuers.resolver(properties, hubSigningKey, partnership, revocations);
    }

    @Bean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemWriter problems, AuditTrail audit) {
        return new ProblemAuthenticationEntryPoint(problems, audit);
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JwtIssuerAuthenticationManagerResolver issuers,
            ProblemAuthenticationEntryPoint problems) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(issuers)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // The audit tree-head public key is public by design: partners verify with it.
                        .requestMatchers(HttpMethod.GET, "/api/audit/public-key").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuatorChain(HttpSecurity http, JwtIssuerAuthenticationManagerResolver issuers,
            ProblemAuthenticationEntryPoint problems, PolicyDecisionPoint policy) throws Exception {
        http.securityMatcher("/actuator/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
                .csrf(c -> c.disable())
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(issuers)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        // metrics and the rest: the policy decision point rules, as everywhere else
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() != null && authentication.get().getPrincipal() instanceof HubPrincipal who
                                        && policy.decide(who, Action.METRICS_READ).permitted())));
        return http.build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain defaultChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/login", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }
}
