package uk.gov.essex.mace.bench;

import java.io.File;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * The fan-out benchmark's baseline: the textbook Spring STOMP broadcast with no security at all.
 * Embedded Tomcat, one DispatcherServlet, {@code /ws}, the in-process simple broker; clients
 * subscribe to {@code /topic/cases/{caseId}} and every subscriber of a topic gets the same bytes.
 * No authentication, no authorisation, no per-viewer projection, no audit.
 */
final class PlainStompBroadcast implements AutoCloseable {

    private final Tomcat tomcat;
    private final AnnotationConfigWebApplicationContext spring;
    private final int port;

    private PlainStompBroadcast(Tomcat tomcat, AnnotationConfigWebApplicationContext spring) {
        this.tomcat = tomcat;
        this.spring = spring;
        this.port = tomcat.getConnector().getLocalPort();
    }

    static PlainStompBroadcast start() throws Exception {
        File base = Files.createTempDirectory("plain-stomp-").toFile();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.getPath());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", base.getPath());
        context.addServletContainerInitializer(new WsSci(), null);
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(Broker.class);
        Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(spring)).setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "dispatcher");
        tomcat.getConnector();
        tomcat.start();
        return new PlainStompBroadcast(tomcat, spring);
    }

    String url() {
        return "http://localhost:" + port;
    }

    SimpMessagingTemplate template() {
        return spring.getBean(SimpMessagingTemplate.class);
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    /**
     * STOMP at /ws, simple broker on /topic, every origin allowed: no guard of any kind. Not a
     * {@code @Configuration}: the hub's component scan covers this package, and must not find it.
     */
    @EnableWebSocketMessageBroker
    static class Broker implements WebSocketMessageBrokerConfigurer {

        @Override
        public void registerStompEndpoints(StompEndpointRegistry registry) {
            registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
        }

        @Override
        public void configureMessageBroker(MessageBrokerRegistry registry) {
            registry.enableSimpleBroker("/topic");
        }
    }
}
