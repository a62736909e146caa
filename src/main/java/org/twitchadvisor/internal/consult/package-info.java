/**
 * The consultation: which unanswered question could still change the result, why it is asked, and when to stop.
 * Decided by assessing every candidate answer and comparing the results, so it follows the rules as they are.
 */
package org.twitchadvisor.internal.consult;
