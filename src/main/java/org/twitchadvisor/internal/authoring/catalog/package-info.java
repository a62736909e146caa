/**
 * The rule catalogue: {@link org.twitchadvisor.RuleCatalog} built from a knowledge base, and written for
 * people by {@code twitch rules list} ({@code docs/knowledge-base.md} is its Markdown form).
 */
package org.twitchadvisor.internal.authoring.catalog;
