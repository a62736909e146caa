/**
 * Internals of Twitch Advisor, one package per subsystem: {@code engine} (rule folders, the knowledge base,
 * sessions and the derivation recorder), {@code explain} (scoring, finding assembly and rendering),
 * {@code questions} (the question table and questionnaire parsing), {@code consult} (next question, stop
 * rules, why, what-if, why-not), {@code fhir} (FHIR R4 and CDS Hooks), {@code report} (the population
 * report), {@code authoring} (rule checks, case files, the catalogue) and {@code text} (small text helpers).
 * Nothing here is API; use
 * {@link org.twitchadvisor.TwitchAdvisor}.
 */
package org.twitchadvisor.internal;
