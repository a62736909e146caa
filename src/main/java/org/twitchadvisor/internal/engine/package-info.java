/**
 * The engine: a rule folder and its reference tables, the compiled knowledge base, one session per
 * questionnaire, and the listener that records which rule derived which fact from what.
 */
package org.twitchadvisor.internal.engine;
