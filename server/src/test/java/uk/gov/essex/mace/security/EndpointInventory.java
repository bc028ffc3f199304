package uk.gov.essex.mace.security;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import uk.gov.essex.mace.live.SubscriptionRule;

/**
 * Everything the running hub answers, discovered from the application itself: every handler
 * method of every request-mapping handler mapping (controllers, springdoc, actuator), every STOMP
 * destination a {@link SubscriptionRule} opens, and every {@code @MessageMapping}. Each is a key
 * {@code KIND METHOD PATH} as the authorisation matrix writes it.
 */
final class EndpointInventory {

    private EndpointInventory() {}

    static Set<String> discover(ApplicationContext context) {
        Set<String> keys = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        keys.add(key("HTTP", "ANY", pattern));
                    }
                    for (RequestMethod method : methods) {
                        keys.add(key("HTTP", method.name(), pattern));
                    }
                }
            }
        }
        for (SubscriptionRule rule : context.getBeansOfType(SubscriptionRule.class).values()) {
            if (rule.destinations().isEmpty()) {
                keys.add(key("STOMP", "SUBSCRIBE", "<undeclared destinations of " + rule.getClass().getName() + ">"));
            }
            rule.destinations().forEach(d -> keys.add(key("STOMP", "SUBSCRIBE", d)));
        }
        for (SimpAnnotationMethodMessageHandler handler
                : context.getBeansOfType(SimpAnnotationMethodMessageHandler.class).values()) {
            handler.getHandlerMethods().keySet().forEach(mapping -> keys.add(key("STOMP", "SEND", mapping.toString())));
        }
        return keys;
    }

    static String key(String kind, String method, String path) {
        return kind + " " + method + " " + path;
    }
}
