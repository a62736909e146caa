/**
 * Questions: the question table from {@code rules/data/questions.csv} and the reader that validates a
 * questionnaire against it.
 */
package org.twitchadvisor.internal.questions;
