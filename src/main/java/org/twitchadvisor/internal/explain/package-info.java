/**
 * Explanation and scoring: turns a session's derivations into findings with levels, scores and
 * explanation trees, and renders an assessment as text or cached JSON.
 */
package org.twitchadvisor.internal.explain;
