/**
 * Case files: a questionnaire plus what the rules must conclude from it, written by domain experts
 * under {@code facts/cases/} and run by {@code twitch rules test} and by the JUnit suite alike.
 * The format is described in {@code docs/cases.md}.
 */
package org.twitchadvisor.internal.authoring.cases;
