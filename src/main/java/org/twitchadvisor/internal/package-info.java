/**
 * Internals of Twitch Advisor, one package per subsystem: {@code engine} (rule folders, the knowledge base,
 * sessions and the derivation recorder), {@code explain} (scoring, finding assembly and rendering),
 * {@code questions} (the question table and questionnaire parsing), {@code authoring} (rule checks, case
 * files, the catalogue) and {@code text} (small text helpers). Nothing here is API; use
 * {@link org.twitchadvisor.TwitchAdvisor}.
 */
package org.twitchadvisor.internal;
