/**
 * Authoring: what a rule author uses besides the engine. {@code lint} checks a rule folder before it is
 * compiled (the two security layers and the plain-words messages), {@code cases} runs case files, and
 * {@code catalog} writes the rule catalogue.
 */
package org.twitchadvisor.internal.authoring;
