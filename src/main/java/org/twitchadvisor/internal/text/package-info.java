/** Small text helpers shared by the subsystems: strict UTF-8 decoding, spreadsheet-safe CSV, edit distance. */
package org.twitchadvisor.internal.text;
