/**
 * Health IT standards: the question table as a FHIR R4 {@code Questionnaire}, a FHIR R4
 * {@code QuestionnaireResponse} read as answers, and an assessment as CDS Hooks 2.0 cards. Plain Jackson
 * trees: no FHIR library at run time (the tests prove the output with HAPI's R4 parser and validator).
 */
package org.twitchadvisor.internal.fhir;
