/**
 * The fact model the rules in {@code rules/} reason over, and the only package a rule file may import.
 *
 * <p>Three kinds of fact:
 * <ul>
 *   <li><b>Inputs</b>, inserted from a questionnaire and never modified: {@link Answer}, {@link Measurement}.</li>
 *   <li><b>Reference data</b>, inserted from the tables in {@code rules/data/}: {@link ReferenceRange}, {@link Limit}.</li>
 *   <li><b>Conclusions</b>, inserted by rules with {@code insertLogical}, one type per layer:
 *       {@link RiskFactor} (layer 1), {@link DeficiencyEvidence}, {@link LifestyleFactor},
 *       {@link DifferentialEvidence}, {@link LabResult} (layer 2), {@link RedFlag} (layer 3),
 *       {@link Advice} (layer 4).</li>
 * </ul>
 *
 * <p>Conclusions compare by identity, not by value: two rules that reach the same conclusion make two
 * facts, so truth maintenance keeps both and each keeps its own explanation. With value equality
 * Drools would merge them into one fact and the second derivation would vanish from the "because" tree.
 */
package org.twitchadvisor.facts;
