/**
 * Internals of Twitch Advisor: rule loading and compilation, the engine and its explanation recorder,
 * questionnaire parsing, scoring and rendering. Nothing here is API; use {@link org.twitchadvisor.TwitchAdvisor}.
 */
package org.twitchadvisor.internal;
