/**
 * The check every rules folder passes before it is compiled ({@link org.twitchadvisor.internal.lint.RuleLinter}):
 * DRL runs as Java with no sandbox, so rule files are parsed with Drools' own parser and only an
 * allow-listed shape is compiled; the rules' claims, sources and text values are checked against the
 * tables in {@code rules/data}. {@code twitch rules check} prints what it finds.
 */
package org.twitchadvisor.internal.authoring.lint;
