/**
 * Consultation: the questions asked one at a time (which unanswered question could still change the result, why
 * it is asked, when to stop; decided by assessing every candidate answer) and the questions a person asks back
 * (what if, why not), built on the engine and the compiled rules without running anything the engine does not.
 */
package org.twitchadvisor.internal.consult;
