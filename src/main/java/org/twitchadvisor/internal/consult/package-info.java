/**
 * Consultation: questions asked one at a time and the questions a person asks back (what if, why not), built on
 * the engine and the compiled rules without running anything the engine does not.
 */
package org.twitchadvisor.internal.consult;
