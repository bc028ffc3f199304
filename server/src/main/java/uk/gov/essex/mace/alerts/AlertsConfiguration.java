package uk.gov.essex.mace.alerts;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The re-evaluation and escalation run on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertsConfiguration {}
